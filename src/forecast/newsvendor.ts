/**
 * Sizing prediction shifts (prediksjonsvakter) with the newsvendor rule (FORECASTING.md § 3).
 *
 * A prediction shift placed in a slot either covers a short-notice absence that would
 * otherwise cost Cu (overtime or substitute premium, the leader's phone round, a competence
 * mismatch, the risk of going short), or goes unused and costs Co (its wage less the value
 * of an extra person on the floor). The k-th shift pays while P(D ≥ k) ≥ Co / (Cu + Co), so
 * the optimum is the smallest k with F_D(k) ≥ Cu / (Cu + Co): the critical-fractile quantile.
 *
 * Pooling (essential at the small per-slot means of a ward):
 * - `slot`: each date × shift × competence on its own;
 * - `day`: the unit's whole day is one pool (an absence on any shift can be covered by a
 *   prediction shift holder who is moved to it), sized on the unit-day distribution, then
 *   allocated to the slots where the next shift is most likely to be used;
 * - across units: `poolAcrossUnits` sizes the sum of several units' days and allocates the
 *   shifts to the units the same way.
 * Costs are in units of one regular shift wage.
 */
import { cdf, convolve, quantile, type CountDist } from './distribution.js';

export interface NewsvendorCosts {
  /** Co: cost of a planned prediction shift that goes unused (wage × (1 − its value on the floor)). */
  unusedCost: number;
  /** Cu: cost of covering an absence at short notice (premium + call round + mismatch + risk). */
  shortNoticeCost: number;
}

/** Defaults: overtime +50 % plus 0.25 for the call round and quality; an unused shift is half useful → ratio 0.6. */
export const DEFAULT_COSTS: NewsvendorCosts = { unusedCost: 0.5, shortNoticeCost: 0.75 };

export class NewsvendorInputError extends Error {}

export function criticalRatio(c: NewsvendorCosts): number {
  if (!(c.unusedCost > 0) || !(c.shortNoticeCost > 0) || !Number.isFinite(c.unusedCost) || !Number.isFinite(c.shortNoticeCost))
    throw new NewsvendorInputError(`kostnadene må være positive tall / costs must be positive numbers (unused ${c.unusedCost}, short notice ${c.shortNoticeCost})`);
  return c.shortNoticeCost / (c.shortNoticeCost + c.unusedCost);
}

/** P(D ≥ k). */
export function probAtLeast(d: CountDist, k: number): number {
  return k <= 0 ? 1 : 1 - cdf(d, k - 1);
}

/** The newsvendor count: the smallest k ≥ 0 with F_D(k) ≥ Cu/(Cu+Co). */
export function newsvendorCount(d: CountDist, costs: NewsvendorCosts): number {
  return Math.max(0, quantile(d, criticalRatio(costs)));
}

/** Expected cost of planning k prediction shifts against demand D: Co·E[(k−D)⁺] + Cu·E[(D−k)⁺]. */
export function expectedCost(d: CountDist, k: number, costs: NewsvendorCosts): number {
  let over = 0;
  let under = 0;
  for (let i = 0; i < d.pmf.length; i++) {
    const x = d.offset + i;
    if (x < k) over += d.pmf[i] * (k - x);
    else under += d.pmf[i] * (x - k);
  }
  return costs.unusedCost * over + costs.shortNoticeCost * under;
}

export interface Slot {
  date: string;
  shift: string;
  competence: string | null;
  /** Absent shifts in this slot (e.g. the unit-day forecast thinned by the shift's share). */
  dist: CountDist;
}

export interface PooledDay {
  date: string;
  /** The distribution of the whole pool's absent shifts that day (unit-day or sum of units). */
  dist: CountDist;
  slots: Slot[];
}

export interface PredictionShiftSlot {
  date: string;
  shift: string;
  competence: string | null;
  count: number;
  /** Expected absent shifts in the slot. */
  expectedAbsent: number;
  /** P(the j-th prediction shift of the pool this one was sized in is used), j = its rank. */
  probUsed: number[];
}

export interface SizingResult {
  ratio: number;
  slots: PredictionShiftSlot[];
  /** Per date: shifts planned and the pool's expected cost with and without them. */
  days: Array<{ date: string; count: number; expectedAbsent: number; costWithout: number; costWith: number }>;
}

/**
 * Gives `k` shifts to the slots one at a time, each to the slot whose next shift is most likely
 * to be used (largest P(D_s ≥ n_s + 1)); ties go to the earlier slot.
 */
export function allocate(slots: readonly Slot[], k: number): number[] {
  const n = slots.map(() => 0);
  for (let j = 0; j < k; j++) {
    let best = -1;
    let bestP = -1;
    slots.forEach((s, i) => {
      const p = probAtLeast(s.dist, n[i] + 1);
      if (p > bestP + 1e-12) {
        best = i;
        bestP = p;
      }
    });
    if (best < 0) break;
    n[best]++;
  }
  return n;
}

/** Sizes prediction shifts per slot (`slot`) or per pooled day (`day`). */
export function sizePredictionShifts(days: readonly PooledDay[], costs: NewsvendorCosts, pooling: 'slot' | 'day'): SizingResult {
  const ratio = criticalRatio(costs);
  const out: PredictionShiftSlot[] = [];
  const summary: SizingResult['days'] = [];
  for (const day of days) {
    let counts: number[];
    let dayDist = day.dist;
    if (pooling === 'slot') {
      counts = day.slots.map((s) => newsvendorCount(s.dist, costs));
      dayDist = day.slots.reduce<CountDist | null>((acc, s) => (acc ? convolve(acc, s.dist) : s.dist), null) ?? day.dist;
    } else {
      counts = day.slots.length ? allocate(day.slots, newsvendorCount(day.dist, costs)) : [];
    }
    const total = counts.reduce((a, b) => a + b, 0);
    summary.push({
      date: day.date,
      count: total,
      expectedAbsent: dayDist.mean,
      costWithout: expectedCost(dayDist, 0, costs),
      costWith: expectedCost(dayDist, total, costs),
    });
    day.slots.forEach((s, i) => {
      if (counts[i] === 0) return;
      const probUsed: number[] = [];
      for (let j = 1; j <= counts[i]; j++) probUsed.push(probAtLeast(s.dist, j));
      out.push({ date: day.date, shift: s.shift, competence: s.competence, count: counts[i], expectedAbsent: s.dist.mean, probUsed });
    });
  }
  return { ratio, slots: out, days: summary };
}

/**
 * A shared pool across units (ressurspool): per date the sum of the units' day distributions
 * (taken as independent) is sized once, and the shifts are allocated to the units' slots by
 * the same marginal rule.
 */
export function poolAcrossUnits(units: ReadonlyArray<{ unit: string; days: readonly PooledDay[] }>, costs: NewsvendorCosts): Array<PredictionShiftSlot & { unit: string }> {
  criticalRatio(costs);
  const byDate = new Map<string, Array<{ unit: string; day: PooledDay }>>();
  for (const u of units) for (const d of u.days) byDate.set(d.date, [...(byDate.get(d.date) ?? []), { unit: u.unit, day: d }]);
  const out: Array<PredictionShiftSlot & { unit: string }> = [];
  for (const [date, list] of [...byDate].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const sum = list.map((x) => x.day.dist).reduce((a, b) => convolve(a, b));
    const slots = list.flatMap((x) => x.day.slots.map((s) => ({ ...s, unit: x.unit })));
    const counts = allocate(slots, newsvendorCount(sum, costs));
    slots.forEach((s, i) => {
      if (!counts[i]) return;
      const probUsed: number[] = [];
      for (let j = 1; j <= counts[i]; j++) probUsed.push(probAtLeast(s.dist, j));
      out.push({ unit: s.unit, date, shift: s.shift, competence: s.competence, count: counts[i], expectedAbsent: s.dist.mean, probUsed });
    });
  }
  return out;
}
