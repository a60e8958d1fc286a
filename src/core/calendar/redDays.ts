/**
 * Red days and the AML Sunday/holiday zones (RULES.md § 2.3).
 *
 * A red day is a Sunday or a public holiday. Consecutive red days form one block whose zone
 * runs from 18:00 the day before the first red day (15:00 on Christmas, Easter and Whitsun
 * Eve; 22:00 before 1 and 17 May on a weekday) to 22:00 on the last red day, which is the
 * day before the next working day (Saturday is a working day). For "one red day at a time"
 * counting, a block is split into per-day units: unit(D) = [max(previous unit end, start of
 * D's zone), D 22:00].
 */
import { addDays, datesInRange, toEpochDay, weekday, type LocalDate } from '../time/localDate.js';
import { localInstant, type Instant } from '../time/zone.js';
import { eveKind, holidayOn, isMayLawDay } from './holidays.js';

export function isRedDay(date: LocalDate): boolean {
  return weekday(date) === 6 || holidayOn(date) !== undefined;
}

export interface RedDayUnit {
  date: LocalDate;
  /** The Sunday/holiday-zone interval attributed to this red day, [start, end). */
  start: Instant;
  end: Instant;
  isSunday: boolean;
  holidayName?: string;
}

export interface SundayZone {
  dates: LocalDate[];
  start: Instant;
  end: Instant;
}

const H18 = 18 * 60;
const H15 = 15 * 60;
const H22 = 22 * 60;

/** When the zone of a block starting on `first` begins. */
function zoneStart(first: LocalDate): Instant {
  const eve = addDays(first, -1);
  const kind = eveKind(eve);
  if (kind === 'christmasEve' || kind === 'easterEve' || kind === 'whitsunEve') return localInstant(eve, H15);
  if (isMayLawDay(first) && weekday(first) !== 6) return localInstant(eve, H22);
  return localInstant(eve, H18);
}

/** Sunday/holiday zones whose red days fall in [from, to] (blocks may reach outside). */
export function sundayZones(from: LocalDate, to: LocalDate): SundayZone[] {
  // Widen so that a block straddling the range is whole.
  let a = from;
  while (isRedDay(addDays(a, -1))) a = addDays(a, -1);
  let b = to;
  while (isRedDay(addDays(b, 1))) b = addDays(b, 1);
  const zones: SundayZone[] = [];
  let run: LocalDate[] = [];
  const flush = () => {
    if (run.length === 0) return;
    zones.push({ dates: run, start: zoneStart(run[0]), end: localInstant(run[run.length - 1], H22) });
    run = [];
  };
  for (const d of datesInRange(a, b)) {
    if (isRedDay(d)) run.push(d);
    else flush();
  }
  flush();
  return zones;
}

/** Per-day red-day units in chronological order for red days in [from, to]. */
export function redDayUnits(from: LocalDate, to: LocalDate): RedDayUnit[] {
  const units: RedDayUnit[] = [];
  const lo = toEpochDay(from);
  const hi = toEpochDay(to);
  for (const z of sundayZones(from, to)) {
    let prevEnd = z.start;
    z.dates.forEach((d, i) => {
      const end = localInstant(d, H22);
      const start = i === 0 ? z.start : prevEnd;
      prevEnd = end;
      const day = toEpochDay(d);
      if (day < lo || day > hi) return;
      const h = holidayOn(d);
      units.push({ date: d, start, end, isSunday: weekday(d) === 6, holidayName: h?.nameNb });
    });
  }
  return units;
}

/** Public holidays falling Monday–Friday in [from, to] (for the day-worker-equivalent model). */
export function weekdayHolidays(from: LocalDate, to: LocalDate): LocalDate[] {
  return datesInRange(from, to).filter((d) => weekday(d) < 5 && holidayOn(d) !== undefined);
}
