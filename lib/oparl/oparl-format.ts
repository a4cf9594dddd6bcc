/** OParl wants date-times with an explicit offset; the council's local time is Europe/Berlin. */
const BERLIN = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Berlin",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

const pad = (n: number) => String(n).padStart(2, "0");

/** 2022-06-01T09:30:00+02:00 — local Berlin time with its offset, to the second. */
export function oparlDateTime(value: Date | number): string {
  const date = new Date(Math.floor(new Date(value).getTime() / 1000) * 1000);
  const parts = Object.fromEntries(BERLIN.formatToParts(date).map((p) => [p.type, p.value]));
  const local = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  const offsetMinutes = Math.round((local - date.getTime()) / 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** A Berlin wall-clock date and time (yyyy-mm-dd, HH:MM) as an OParl date-time with the offset valid then. */
export function berlinDateTime(date: string, time: string): string {
  const [y, m, d] = date.split("-").map(Number);
  const [h, min] = time.split(":").map(Number);
  const wall = Date.UTC(y!, m! - 1, d!, h!, min!);
  // Central European (Summer) Time: the offset is +01:00 or +02:00; take the one that reads back as the wall time.
  for (const hours of [1, 2]) {
    const formatted = oparlDateTime(wall - hours * 3_600_000);
    if (formatted.startsWith(`${date}T${time}`)) return formatted;
  }
  return oparlDateTime(wall - 3_600_000);
}

/** OParl forbids null: absent values are left out, never written as null. */
export function withoutEmpty<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== null && v !== undefined)) as T;
}

/** 23.06.2022 for human-readable names. */
export function germanDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-");
  return `${d}.${m}.${y}`;
}
