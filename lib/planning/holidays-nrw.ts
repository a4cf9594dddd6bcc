import { addDays } from "@/lib/clock";

/** Easter Sunday (Gregorian, anonymous algorithm) as yyyy-mm-dd. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const cache = new Map<number, Map<string, string>>();

/** Public holidays in North Rhine-Westphalia (the council's Land), date → name. */
export function holidaysNrw(year: number): Map<string, string> {
  const cached = cache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const fixed = (md: string) => `${year}-${md}`;
  const map = new Map<string, string>([
    [fixed("01-01"), "Neujahr"],
    [addDays(easter, -2), "Karfreitag"],
    [addDays(easter, 1), "Ostermontag"],
    [fixed("05-01"), "Tag der Arbeit"],
    [addDays(easter, 39), "Christi Himmelfahrt"],
    [addDays(easter, 50), "Pfingstmontag"],
    [addDays(easter, 60), "Fronleichnam"],
    [fixed("10-03"), "Tag der Deutschen Einheit"],
    [fixed("11-01"), "Allerheiligen"],
    [fixed("12-25"), "1. Weihnachtstag"],
    [fixed("12-26"), "2. Weihnachtstag"],
  ]);
  cache.set(year, map);
  return map;
}

export function isWorkingDay(date: string): boolean {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !holidaysNrw(Number(date.slice(0, 4))).has(date);
}

/** The date itself if it is a working day, else the last working day before it. */
export function onOrBeforeWorkingDay(date: string): string {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, -1);
  return d;
}
