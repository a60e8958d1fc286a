/**
 * Wall-clock time in Europe/Oslo to instants. Instants are whole minutes since the Unix
 * epoch (UTC): durations are differences of instants, so the DST nights come out as real
 * hours (a 22:00–07:00 night is 8 h in March and 10 h in October).
 */
import { DateTime } from 'luxon';
import { parseLocalDate, type LocalDate } from './localDate.js';

export const ZONE = 'Europe/Oslo';

/** Minutes since the epoch. */
export type Instant = number;

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function parseClock(s: string): { h: number; m: number } | null {
  const m = TIME_RE.exec(s);
  if (!m) return null;
  return { h: Number(m[1]), m: Number(m[2]) };
}

export function clockToMinutes(s: string): number {
  const c = parseClock(s);
  if (!c) throw new RangeError(`not a clock time HH:MM: ${s}`);
  return c.h * 60 + c.m;
}

const cache = new Map<string, Instant>();

/**
 * The instant of a local wall-clock time on a date in Europe/Oslo. `minuteOfDay` may be
 * 1440 or more (24:00 = next midnight, 30:00 = 06:00 the next day). A time that does not exist (02:30 on the spring-forward
 * night) resolves to the instant one hour later, as clocks do.
 */
export function localInstant(date: LocalDate, minuteOfDay: number): Instant {
  const key = `${date}|${minuteOfDay}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const p = parseLocalDate(date);
  if (!p) throw new RangeError(`not a calendar date: ${date}`);
  const extraDays = Math.floor(minuteOfDay / 1440);
  const m = minuteOfDay - extraDays * 1440;
  // Build from wall-clock fields so DST gaps and overlaps resolve like a wall clock.
  const withDay = DateTime.fromObject(
    { year: p.y, month: p.m, day: p.d, hour: Math.floor(m / 60), minute: m % 60 },
    { zone: ZONE },
  ).plus({ days: extraDays });
  const value = Math.round(withDay.toMillis() / 60_000);
  if (cache.size > 200_000) cache.clear();
  cache.set(key, value);
  return value;
}

/** Local date and clock for an instant, for messages. */
export function formatInstant(t: Instant, locale: 'nb' | 'en' = 'nb'): string {
  const dt = DateTime.fromMillis(t * 60_000, { zone: ZONE });
  return locale === 'nb' ? dt.toFormat('dd.MM.yyyy HH:mm') : dt.toFormat('yyyy-MM-dd HH:mm');
}

export function instantToLocal(t: Instant): { date: LocalDate; minuteOfDay: number } {
  const dt = DateTime.fromMillis(t * 60_000, { zone: ZONE });
  return { date: dt.toISODate()!, minuteOfDay: dt.hour * 60 + dt.minute };
}

/** Overlap in minutes of [a0, a1) and [b0, b1). */
export function overlap(a0: number, a1: number, b0: number, b1: number): number {
  const lo = a0 > b0 ? a0 : b0;
  const hi = a1 < b1 ? a1 : b1;
  return hi > lo ? hi - lo : 0;
}
