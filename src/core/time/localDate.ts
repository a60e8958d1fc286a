/**
 * Calendar dates as calendar dates: 'YYYY-MM-DD' strings and whole "epoch days"
 * (days since 1970-01-01). No time of day, no time zone; arithmetic is exact.
 */

export type LocalDate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Parses 'YYYY-MM-DD'; returns null unless it is a real calendar date. */
export function parseLocalDate(s: string): { y: number; m: number; d: number } | null {
  const m = DATE_RE.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return { y, m: mo, d };
}

export function isLocalDate(s: string): boolean {
  return parseLocalDate(s) !== null;
}

/** Days since 1970-01-01 for a calendar date. */
export function toEpochDay(date: LocalDate): number {
  const p = parseLocalDate(date);
  if (!p) throw new RangeError(`not a calendar date: ${date}`);
  return Date.UTC(p.y, p.m - 1, p.d) / MS_PER_DAY;
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

/**
 * The calendar date of an epoch day. Arithmetic (H. Hinnant's civil_from_days) rather than
 * `Date#toISOString`: the checker names dates of tens of thousands of violations and shifts.
 */
export function fromEpochDay(day: number): LocalDate {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (!Number.isInteger(day) || y < 1000 || y > 9999) return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  return `${y}-${TWO_DIGITS[m]}-${TWO_DIGITS[d]}`;
}

export function addDays(date: LocalDate, n: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + n);
}

/** b − a in days. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** ISO weekday: 0 = Monday … 6 = Sunday. */
export function weekdayOfEpochDay(day: number): number {
  // 1970-01-01 was a Thursday (ISO index 3).
  return (((day + 3) % 7) + 7) % 7;
}

export function weekday(date: LocalDate): number {
  return weekdayOfEpochDay(toEpochDay(date));
}

export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/** ISO-8601 week number and week-year (the week with the year's first Thursday is week 1). */
export function isoWeek(date: LocalDate): { year: number; week: number } {
  const day = toEpochDay(date);
  const thursday = day - weekdayOfEpochDay(day) + 3;
  const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1) / MS_PER_DAY;
  return { year, week: Math.floor((thursday - jan1) / 7) + 1 };
}

/** The Monday on or before the date, as an epoch day. */
export function mondayOf(day: number): number {
  return day - weekdayOfEpochDay(day);
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

/** Every date from `from` to `to`, both inclusive. */
export function datesInRange(from: LocalDate, to: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  const a = toEpochDay(from);
  const b = toEpochDay(to);
  for (let d = a; d <= b; d++) out.push(fromEpochDay(d));
  return out;
}

/** Whole years of age on a date, for the youth rules. */
export function ageOn(birthDate: LocalDate, on: LocalDate): number {
  const b = parseLocalDate(birthDate)!;
  const o = parseLocalDate(on)!;
  let age = o.y - b.y;
  if (o.m < b.m || (o.m === b.m && o.d < b.d)) age--;
  return age;
}
