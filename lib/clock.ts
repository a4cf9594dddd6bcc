import { readEnv } from "@/config/env";
/**
 * The one source of "now" and "today". Planning (deadlines, days left) runs "as of" DEMO_TODAY while demo
 * data is present, so the demo shows a live project in spring 2022; audit times always stay real.
 */
export const DEFAULT_DEMO_TODAY = "2022-03-15";
export const TIME_ZONE = "Europe/Berlin";

export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

/** yyyy-mm-dd of an instant in Berlin. */
export function berlinDate(instant: Date): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}

export function planningToday(
  demoMode: boolean,
  clock: Clock = systemClock,
  env: Record<string, string | undefined> = process.env,
): string {
  if (demoMode) {
    return readEnv(env).DEMO_TODAY ?? DEFAULT_DEMO_TODAY;
  }
  return berlinDate(clock.now());
}

/** Whole calendar days from a to b (both yyyy-mm-dd), independent of daylight-saving changes. */
export function daysBetween(a: string, b: string): number {
  const toUtc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  const d = new Date(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + days),
  );
  return d.toISOString().slice(0, 10);
}
