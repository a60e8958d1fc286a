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
import { allocate, criticalRatio, expectedCost, newsvendorCount, probAtLeast, type NewsvendorCosts, type PooledDay, type PredictionShiftSlot, type SizingResult, type Slot } from './newsvendor.js';
import { plannedCells, splitByShift } from './shifts.js';
import { thin, type CountDist } from './distribution.js';

export interface RecommendInput {
  days: readonly DayForecast[];
  /** The staffing plan the absent shifts are split by (the plan's `demand`). */
  demand: readonly Demand[];
  /** Persons employed in the unit (the split's denominator). */
  employed: number;
  costs: NewsvendorCosts;
  pooling: 'slot' | 'shift' | 'day';
  calibrator?: Calibrator;
  /** Only these shift codes get prediction shifts (default: every planned shift). */
  shifts?: readonly string[];
}

/**
 * Share of the unit's absent employees that fall on shifts: per shift code, the line for all
 * staff when there is one (competence lines are inside it), else the sum of the competence lines.
 */
function shiftShares(split: ReturnType<typeof splitByShift>): Map<string, number> {
  const out = new Map<string, number>();
  for (const code of new Set(split.map((s) => s.shift))) {
    const lines = split.filter((s) => s.shift === code);
    const all = lines.find((s) => s.competence === null);
    out.set(code, all ? all.share : lines.reduce((a, s) => a + s.share, 0));
  }
  return out;
}

export function pooledDays(input: Pick<RecommendInput, 'days' | 'demand' | 'employed' | 'shifts'>): PooledDay[] {
  return input.days.map((f) => {
    const cells = plannedCells(input.demand, f.date).filter((c) => !input.shifts || input.shifts.includes(c.shift));
    const split = splitByShift(f.dist, cells, input.employed);
    const slots = split.map((s) => ({ date: f.date, shift: s.shift, competence: s.competence, dist: s.dist }));
    // The pool is the day's absent *shifts*: an absent person who was off that day needs no cover.
    const share = Math.min(1, [...shiftShares(split).values()].reduce((a, b) => a + b, 0));
    return { date: f.date, dist: thin(f.dist, share), slots };
  });
}

/**
 * Pools: `slot` — each shift × competence alone; `shift` — each shift code over its
 * competences (a prediction shift holder steps into an absence on the same shift: the
 * realistic pool, since a day-shift holder can seldom take an evening or night shift within
 * the rest rules); `day` — the whole unit's day (FORECASTING.md § 3's "one flexible prediction
 * shift per day", which assumes the holder can take any shift of the day).
 */
export function recommendPredictionShifts(input: RecommendInput): SizingResult {
  const ratio = criticalRatio(input.costs);
  const out: PredictionShiftSlot[] = [];
  const summary: SizingResult['days'] = [];
  const sized = (dist: CountDist, horizon: number) => (input.calibrator ? Math.max(0, input.calibrator.quantile(dist, horizon, ratio)) : newsvendorCount(dist, input.costs));
  input.days.forEach((f) => {
    const cells = plannedCells(input.demand, f.date).filter((c) => !input.shifts || input.shifts.includes(c.shift));
    const split = splitByShift(f.dist, cells, input.employed);
    const slots: Slot[] = split.map((s) => ({ date: f.date, shift: s.shift, competence: s.competence, dist: s.dist }));
    const shares = shiftShares(split);
    const dayDist = thin(f.dist, Math.min(1, [...shares.values()].reduce((a, b) => a + b, 0)));
    let counts: number[];
    if (input.pooling === 'slot') counts = slots.map((s) => newsvendorCount(s.dist, input.costs));
    else if (input.pooling === 'day') counts = allocate(slots, slots.length ? sized(dayDist, f.horizon) : 0);
    else {
      counts = slots.map(() => 0);
      for (const [code, share] of shares) {
        const idx = slots.map((s, i) => (s.shift === code ? i : -1)).filter((i) => i >= 0);
        const n = allocate(idx.map((i) => slots[i]), sized(thin(f.dist, Math.min(1, share)), f.horizon));
        idx.forEach((i, j) => (counts[i] = n[j]));
      }
    }
    const total = counts.reduce((a, b) => a + b, 0);
    summary.push({ date: f.date, count: total, expectedAbsent: dayDist.mean, costWithout: expectedCost(dayDist, 0, input.costs), costWith: expectedCost(dayDist, total, input.costs) });
    slots.forEach((s, j) => {
      if (!counts[j]) return;
      const probUsed = Array.from({ length: counts[j] }, (_, n) => probAtLeast(s.dist, n + 1));
      out.push({ date: f.date, shift: s.shift, competence: s.competence, count: counts[j], expectedAbsent: s.dist.mean, probUsed });
    });
  });
  return { ratio, slots: out, days: summary };
}
