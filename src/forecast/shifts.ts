/**
 * Shift- and competence-level forecasts by splitting a unit-day forecast by the unit's scheduled
 * shift mix. An absent employee would, on that day, have worked shift s with competence c with
 * probability share = planned persons on (s, c) that day / persons employed (the rest of the
 * absent employees had the day off). The absent shifts on (s, c) are then the unit-day count
 * binomially thinned by that share: exact for the marginal of each cell (the cells are not
 * independent of each other). The absence history has no shift or competence, so this is the
 * documented approximation "where data allows": the split assumes absence does not depend on
 * the shift or competence.
 */
import type { Demand } from '../core/model/plan.js';
import { weekday, WEEKDAY_KEYS, type LocalDate } from '../core/time/localDate.js';
import { thin, type CountDist } from './distribution.js';

export interface ShiftCell {
  shift: string;
  competence: string | null;
  /** Persons planned (the staffing plan's target, else its minimum). */
  planned: number;
}

/** The staffing plan's cells on a date: a line with `dates` overrides the weekday lines of its shift and competence. */
export function plannedCells(demand: readonly Demand[], date: LocalDate): ShiftCell[] {
  const wd = WEEKDAY_KEYS[weekday(date)];
  const cells = new Map<string, ShiftCell & { dated: boolean }>();
  for (const d of demand) {
    const dated = !!d.dates;
    if (dated ? !d.dates!.includes(date) : d.days ? !d.days.includes(wd) : false) continue;
    const key = `${d.shift}|${d.competence ?? ''}`;
    const prev = cells.get(key);
    if (prev && (prev.dated || !dated)) continue;
    cells.set(key, { shift: d.shift, competence: d.competence ?? null, planned: d.target ?? d.min, dated });
  }
  return [...cells.values()].filter((c) => c.planned > 0).map(({ dated: _dated, ...c }) => c);
}

export interface ShiftForecast extends ShiftCell {
  /** Probability that an absent employee would have worked this cell. */
  share: number;
  dist: CountDist;
  mean: number;
}

/** Splits the distribution of absent employees on a day over the planned cells. */
export function splitByShift(dist: CountDist, cells: readonly ShiftCell[], employed: number): ShiftForecast[] {
  const total = cells.reduce((s, c) => s + c.planned, 0);
  const scale = employed > 0 ? 1 / Math.max(employed, total) : 0;
  return cells.map((c) => {
    const share = c.planned * scale;
    const d = thin(dist, share);
    return { ...c, share, dist: d, mean: d.mean };
  });
}
