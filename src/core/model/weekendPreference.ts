/**
 * Weekend preferences from the wish form (helgeønsker): the weekends an employee would rather
 * work. They become weak wishes to be free on the weekend days of every other weekend of the
 * period, so the rota engine places the person's weekends on the preferred ones where it can
 * (and the wish markers and fairness figures count them like any wish). A day the employee
 * gave an explicit wish for keeps that wish.
 */
import { addDays, datesInRange, weekday, type LocalDate } from '../time/localDate.js';

/** The weight of a wish derived from a weekend preference (an explicit wish weighs 1 or more). */
export const WEEKEND_PREFERENCE_WEIGHT = 0.5;

export interface DerivedWish {
  date: LocalDate;
  shift: null;
  kind: 'avoid';
  weight: number;
}

/** The Saturdays of a period (a weekend counts when its Saturday or Sunday is in it). */
export function weekendsOf(start: LocalDate, end: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  const first = weekday(start) === 6 ? addDays(start, -1) : start; // a period starting on a Sunday
  for (const d of datesInRange(first, end)) if (weekday(d) === 5) out.push(d);
  return out;
}

/** Problems with a list of preferred weekends: each must be a Saturday of the period, once. */
export function weekendPreferenceProblems(start: LocalDate, end: LocalDate, preferred: readonly LocalDate[]): Array<{ index: number; message: string }> {
  const valid = new Set(weekendsOf(start, end));
  const seen = new Set<string>();
  const out: Array<{ index: number; message: string }> = [];
  preferred.forEach((d, index) => {
    if (!valid.has(d)) out.push({ index, message: `${d} er ikke en lørdag i planperioden / is not a Saturday of the plan period` });
    else if (seen.has(d)) out.push({ index, message: `${d} er oppgitt to ganger / is given twice` });
    seen.add(d);
  });
  return out;
}

/** The wishes a weekend preference stands for: free on the weekend days of the other weekends. */
export function weekendPreferenceWishes(start: LocalDate, end: LocalDate, preferred: readonly LocalDate[], explicitDates: ReadonlySet<LocalDate>): DerivedWish[] {
  if (preferred.length === 0) return [];
  const want = new Set(preferred);
  const out: DerivedWish[] = [];
  for (const sat of weekendsOf(start, end)) {
    if (want.has(sat)) continue;
    for (const d of [sat, addDays(sat, 1)])
      if (d >= start && d <= end && !explicitDates.has(d)) out.push({ date: d, shift: null, kind: 'avoid', weight: WEEKEND_PREFERENCE_WEIGHT });
  }
  return out;
}

/** Whether a stored wish is one a weekend preference stands for (so the form shows the preference, not the days). */
export function isWeekendPreferenceWish(w: { date: LocalDate; shift: string | null; kind: string; weight: number }, preferred: readonly LocalDate[] | null): boolean {
  if (!preferred || preferred.length === 0) return false;
  if (w.shift !== null || w.kind !== 'avoid' || w.weight !== WEEKEND_PREFERENCE_WEIGHT) return false;
  const wd = weekday(w.date);
  if (wd < 5) return false;
  const sat = wd === 5 ? w.date : addDays(w.date, -1);
  return !preferred.includes(sat);
}
