/**
 * A year's vacation for one employee, as whole weeks (Monday–Sunday): three summer weeks in
 * weeks 26–32 (ferieloven § 7: 18 virkedager in the main period), and two more weeks spread
 * over Christmas, New Year, winter break (week 8/9), Easter, autumn break (week 40/41) or a
 * trip; one more week from the year one turns 60 (ferieloven § 5). 5 weeks = 30 virkedager.
 */
import { fromEpochDay, mondayOf, toEpochDay, type LocalDate } from '../core/time/localDate.js';
import { publicHolidays } from '../core/calendar/holidays.js';
import type { Rng } from './random.js';

export interface VacationTraits {
  birthYear: number;
  parent: boolean;
  weekendOnly: boolean;
}

/** Monday (epoch day) of ISO week `week` of `year`. */
export function isoWeekMonday(year: number, week: number): number {
  const jan4 = toEpochDay(`${year}-01-04`);
  return mondayOf(jan4) + (week - 1) * 7;
}

function easterSunday(year: number): number {
  const e = publicHolidays(year).find((h) => h.rule.split('|').includes('easter'));
  return e ? toEpochDay(e.date) : toEpochDay(`${year}-04-01`);
}

/** Mondays (epoch days) of the vacation weeks taken in `year` (Christmas weeks may reach into the next year). */
export function vacationWeeks(rng: Rng, year: number, t: VacationTraits): number[] {
  const taken = new Set<number>();
  const weeks: number[] = [];
  const add = (monday: number) => {
    if (taken.has(monday)) return false;
    taken.add(monday);
    weeks.push(monday);
    return true;
  };
  // Students on weekend positions work in the summer and take two weeks off elsewhere.
  let extra = 2;
  if (!t.weekendOnly) {
    const first = rng.weighted([
      [26, 1],
      [27, 3],
      [28, 4],
      [29, 3],
      [30, 2],
    ] as const);
    for (let i = 0; i < 3; i++) add(isoWeekMonday(year, first + i));
  }
  if (year - t.birthYear >= 60) extra++;
  const options: Array<readonly [() => number, number]> = [
    [() => mondayOf(toEpochDay(`${year}-12-24`)), 12],
    [() => mondayOf(toEpochDay(`${year}-12-31`)), 8],
    [() => isoWeekMonday(year, rng.chance(0.5) ? 8 : 9), t.parent ? 25 : 8],
    [() => mondayOf(easterSunday(year)), 12],
    [() => isoWeekMonday(year, rng.chance(0.5) ? 40 : 41), t.parent ? 16 : 7],
    [() => isoWeekMonday(year, rng.int(2, 7)), 8],
    [() => isoWeekMonday(year, rng.int(10, 22)), 10],
    [() => isoWeekMonday(year, rng.int(33, 48)), 10],
  ];
  for (let tries = 0; extra > 0 && tries < 30; tries++) {
    const week = rng.weighted(options)();
    if (add(week)) extra--;
  }
  return weeks.sort((a, b) => a - b);
}

/** Vacation spans (Monday–Sunday, merged when adjacent) that touch [from, to]. */
export function vacationsInPeriod(rngFor: (year: number) => Rng, t: VacationTraits, from: LocalDate, to: LocalDate): Array<{ from: number; to: number }> {
  const a = toEpochDay(from);
  const b = toEpochDay(to);
  const y0 = Number(fromEpochDay(a).slice(0, 4)) - 1;
  const y1 = Number(fromEpochDay(b).slice(0, 4));
  const mondays: number[] = [];
  for (let y = y0; y <= y1; y++) mondays.push(...vacationWeeks(rngFor(y), y, t));
  mondays.sort((x, y) => x - y);
  const spans: Array<{ from: number; to: number }> = [];
  for (const m of mondays) {
    const last = spans[spans.length - 1];
    if (last && m <= last.to + 1) last.to = Math.max(last.to, m + 6);
    else spans.push({ from: m, to: m + 6 });
  }
  return spans.filter((sp) => sp.to >= a && sp.from <= b);
}
