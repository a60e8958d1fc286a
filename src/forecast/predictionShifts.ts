/**
 * From a unit's absence forecast and its staffing plan to recommended prediction shifts:
 * the unit-day distribution is split over the planned shifts and competences (shifts.ts), and
 * the newsvendor rule sizes the shifts per slot or per pooled day (newsvendor.ts). With a
 * calibrator, the day pool is sized on the calibrated quantile (FORECASTING.md § 2.5, lesson 3:
 * raw model intervals under-cover, so the critical fractile is read through the calibration).
 */
import type { Demand } from '../core/model/plan.js';
import type { Calibrator } from './calibration.js';
import type { DayForecast } from './model.js';
import { allocate, criticalRatio, expectedCost, newsvendorCount, probAtLeast, type NewsvendorCosts, type PooledDay, type PredictionShiftSlot, type SizingResult } from './newsvendor.js';
import { plannedCells, splitByShift } from './shifts.js';
import { thin } from './distribution.js';

export interface RecommendInput {
  days: readonly DayForecast[];
  /** The staffing plan the absent shifts are split by (the plan's `demand`). */
  demand: readonly Demand[];
  /** Persons employed in the unit (the split's denominator). */
  employed: number;
  costs: NewsvendorCosts;
  pooling: 'slot' | 'day';
  calibrator?: Calibrator;
  /** Only these shift codes get prediction shifts (default: every planned shift). */
  shifts?: readonly string[];
}

export function pooledDays(input: Pick<RecommendInput, 'days' | 'demand' | 'employed' | 'shifts'>): PooledDay[] {
  return input.days.map((f) => {
    const cells = plannedCells(input.demand, f.date).filter((c) => !input.shifts || input.shifts.includes(c.shift));
    const split = splitByShift(f.dist, cells, input.employed);
    const slots = split.map((s) => ({ date: f.date, shift: s.shift, competence: s.competence, dist: s.dist }));
    // The pool is the day's absent *shifts*: an absent person who was off that day needs no cover.
    const share = Math.min(1, split.reduce((a, s) => a + s.share, 0));
    return { date: f.date, dist: thin(f.dist, share), slots };
  });
}

export function recommendPredictionShifts(input: RecommendInput): SizingResult {
  const ratio = criticalRatio(input.costs);
  const days = pooledDays(input);
  const out: PredictionShiftSlot[] = [];
  const summary: SizingResult['days'] = [];
  days.forEach((day, i) => {
    const f = input.days[i];
    let counts: number[];
    if (input.pooling === 'slot') counts = day.slots.map((s) => newsvendorCount(s.dist, input.costs));
    else {
      const k = input.calibrator ? Math.max(0, input.calibrator.quantile(day.dist, f.horizon, ratio)) : newsvendorCount(day.dist, input.costs);
      counts = allocate(day.slots, day.slots.length ? k : 0);
    }
    const total = counts.reduce((a, b) => a + b, 0);
    summary.push({ date: day.date, count: total, expectedAbsent: day.dist.mean, costWithout: expectedCost(day.dist, 0, input.costs), costWith: expectedCost(day.dist, total, input.costs) });
    day.slots.forEach((s, j) => {
      if (!counts[j]) return;
      const probUsed = Array.from({ length: counts[j] }, (_, n) => probAtLeast(s.dist, n + 1));
      out.push({ date: day.date, shift: s.shift, competence: s.competence, count: counts[j], expectedAbsent: s.dist.mean, probUsed });
    });
  });
  return { ratio, slots: out, days: summary };
}
