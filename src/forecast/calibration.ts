/**
 * Empirical calibration of count forecasts from backtest residuals (quantile recalibration in the
 * style of Kuleshov et al. 2018, adapted to counts; a conformal-style method on PIT values).
 *
 * For a forecast distribution F and an outcome y, y ≤ Q(a) ⇔ F(y − 1) < a and y ≥ Q(a) ⇔ F(y) ≥ a,
 * where Q(a) = min{k : F(k) ≥ a}. So from backtest pairs (F_i, y_i) the level a at which the
 * model's bound is crossed in a share τ of the cases can be read off the sorted F_i(y_i − 1)
 * (upper bounds: P(Y ≤ q) ≈ τ) and F_i(y_i) (lower bounds: P(Y < q) ≈ τ).
 *
 * - Maps are learnt per cell = horizon bucket × forecast-mean bucket, falling back to the horizon
 *   bucket and then to all samples when a cell is thin. Near horizons are dominated by known
 *   ongoing spells, and small means by the discreteness of counts, so one map does not fit all.
 * - Counts are discrete: a unit with mean 0.5 has no interval between [0, 0] (≈ 60 %) and
 *   [0, 1] (≈ 90 %), and equal tails cannot always both be met. Per cell the bounds are set at
 *   tail levels (1 ∓ c′)/2 with the working coverage c′ chosen (by bisection) so that the
 *   c-intervals cover the cell's calibration samples as close to c as the counts allow.
 * - Quantiles (the median, the newsvendor quantile) are recalibrated on the randomised PIT
 *   u = F(y − 1) + v·P(Y = y), which is uniform when the model is right; v runs through a
 *   low-discrepancy sequence instead of random draws, so the calibration is deterministic.
 *   The proper τ-quantile of a count has P(Y ≤ q) ≥ τ, so [Q(0.1), Q(0.9)] of a count covers more
 *   than 80 %: that is why intervals use the bounds above and not these quantiles.
 */
import { pit, quantile, type CountDist } from './distribution.js';

/** Upper bounds (days) of the horizon buckets. */
export const HORIZON_BUCKETS = [7, 14, 28, 56, Infinity] as const;
/** Upper bounds of the forecast-mean buckets. */
export const MEAN_BUCKETS = [0.6, 1.2, 2, Infinity] as const;

export function horizonBucket(h: number, buckets: readonly number[] = HORIZON_BUCKETS): number {
  for (let i = 0; i < buckets.length; i++) if (h <= buckets[i]) return i;
  return buckets.length - 1;
}

export interface CalibrationLayout {
  horizons: readonly number[];
  means: readonly number[];
}

export const DAILY_LAYOUT: CalibrationLayout = { horizons: HORIZON_BUCKETS, means: MEAN_BUCKETS };

export interface PitSample {
  horizon: number;
  mean: number;
  /** F(y − 1) */
  below: number;
  /** F(y) */
  atOrBelow: number;
}

export function pitSample(dist: CountDist, y: number, horizon: number): PitSample {
  const p = pit(dist, y);
  return { horizon, mean: dist.mean, below: p.below, atOrBelow: p.atOrBelow };
}

/** The level a with (#u < a)/n closest to τ (u sorted ascending). */
function levelFor(sorted: Float64Array, tau: number): number {
  const n = sorted.length;
  const target = tau * n;
  if (target <= 0) return 1e-12;
  if (target >= n) return 1;
  const k = Math.min(n - 1, Math.max(0, Math.round(target)));
  const v = sorted[k];
  let lo = k;
  while (lo > 0 && sorted[lo - 1] === v) lo--;
  let hi = k;
  while (hi < n - 1 && sorted[hi + 1] === v) hi++;
  // a = v counts the values strictly below v (lo of them); a just above v counts hi + 1.
  if (Math.abs(lo - target) <= Math.abs(hi + 1 - target)) return Math.max(1e-12, v);
  return Math.min(1, v + 1e-9);
}

/**
 * Randomised PIT values u_i = F(y_i − 1) + v_i·P(Y = y_i), sorted, with v_i a low-discrepancy
 * sequence (golden-ratio steps) instead of random draws.
 */
function randomisedPits(samples: readonly PitSample[]): Float64Array {
  const u = new Float64Array(samples.length);
  let v = 0.5;
  for (let i = 0; i < samples.length; i++) {
    u[i] = samples[i].below + v * (samples[i].atOrBelow - samples[i].below);
    v = (v + 0.6180339887498949) % 1;
  }
  return u.sort();
}

/** The empirical τ-quantile of sorted values (linear interpolation). */
function empiricalQuantile(sorted: Float64Array, tau: number): number {
  const x = tau * (sorted.length - 1);
  const i = Math.floor(x);
  const f = x - i;
  const v = i + 1 < sorted.length ? sorted[i] * (1 - f) + sorted[i + 1] * f : sorted[sorted.length - 1];
  return Math.min(1, Math.max(1e-12, v));
}

interface CellMap {
  n: number;
  below: Float64Array;
  atOrBelow: Float64Array;
  randomised: Float64Array;
}

function makeMap(list: readonly PitSample[]): CellMap {
  const below = new Float64Array(list.length);
  const atOrBelow = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) {
    below[i] = list[i].below;
    atOrBelow[i] = list[i].atOrBelow;
  }
  return { n: list.length, below: below.sort(), atOrBelow: atOrBelow.sort(), randomised: randomisedPits(list) };
}

export class Calibrator {
  private readonly cache = new Map<string, number>();
  private readonly working = new Map<string, number>();

  private constructor(
    readonly layout: CalibrationLayout,
    /** Map per cell (after fallback), or null for the identity. */
    private readonly cells: Array<CellMap | null>,
    /** The calibration sample (for the working coverage). */
    private readonly sample: readonly PitSample[],
    /** The samples behind each cell's map (for the working coverage). */
    private readonly cellSamples: Map<number, readonly PitSample[]> = new Map(),
  ) {}

  /** No calibration: the model's own quantiles and intervals. */
  static identity(layout: CalibrationLayout = DAILY_LAYOUT): Calibrator {
    return new Calibrator(layout, new Array(layout.horizons.length * layout.means.length).fill(null), []);
  }

  /**
   * Learns the maps from backtest PIT samples. A cell with fewer than `minPerCell` samples uses
   * its horizon bucket's map; a thin horizon bucket uses the map of all samples; with fewer than
   * `minPerCell` samples in all, the identity.
   */
  static fit(samples: readonly PitSample[], layout: CalibrationLayout = DAILY_LAYOUT, minPerCell = 150): Calibrator {
    if (samples.length < minPerCell) return Calibrator.identity(layout);
    const H = layout.horizons.length;
    const M = layout.means.length;
    const byCell: PitSample[][] = Array.from({ length: H * M }, () => []);
    const byH: PitSample[][] = Array.from({ length: H }, () => []);
    for (const s of samples) {
      const h = horizonBucket(s.horizon, layout.horizons);
      byH[h].push(s);
      byCell[h * M + horizonBucket(s.mean, layout.means)].push(s);
    }
    let all: CellMap | null = null;
    const hMaps = byH.map((list) => (list.length >= minPerCell ? { map: makeMap(list), list } : null));
    const cells: CellMap[] = [];
    const cellSamples = new Map<number, readonly PitSample[]>();
    for (let c = 0; c < H * M; c++) {
      const list = byCell[c];
      if (list.length >= minPerCell) {
        cells.push(makeMap(list));
        cellSamples.set(c, list);
        continue;
      }
      const hm = hMaps[Math.floor(c / M)];
      if (hm) {
        cells.push(hm.map);
        cellSamples.set(c, hm.list);
      } else {
        cells.push((all ??= makeMap(samples)));
        cellSamples.set(c, samples);
      }
    }
    return new Calibrator(layout, cells, samples, cellSamples);
  }

  get samples(): number {
    return this.sample.length;
  }

  private cellIndex(horizon: number, mean: number): number {
    return horizonBucket(horizon, this.layout.horizons) * this.layout.means.length + horizonBucket(mean, this.layout.means);
  }

  private level(kind: 'q' | 'u' | 'l', cell: number, tau: number): number {
    const m = this.cells[cell];
    if (!m) return tau;
    const key = `${kind}|${cell}|${tau}`;
    let v = this.cache.get(key);
    if (v === undefined) {
      v = kind === 'q' ? empiricalQuantile(m.randomised, tau) : kind === 'u' ? levelFor(m.below, tau) : levelFor(m.atOrBelow, tau);
      this.cache.set(key, v);
    }
    return v;
  }

  /** The recalibrated proper τ-quantile (smallest k with calibrated F(k) ≥ τ): median, newsvendor level. */
  quantile(dist: CountDist, horizon: number, tau: number): number {
    return quantile(dist, this.level('q', this.cellIndex(horizon, dist.mean), tau));
  }

  /**
   * The working coverage c′ of a cell: the tail levels (1 ∓ c′)/2 whose bounds cover the cell's
   * calibration samples closest to c (bisection; coverage is monotone in c′).
   */
  workingCoverage(c: number, cell: number): number {
    const m = this.cells[cell];
    if (!m) return c;
    const key = `${cell}|${c}`;
    let w = this.working.get(key);
    if (w === undefined) {
      // Covered ⇔ F(y) ≥ a_L and F(y − 1) < a_U; count over the cell's own samples.
      const own = this.cellSamples.get(cell) ?? this.sample;
      const coverage = (cw: number) => {
        const aL = this.level('l', cell, (1 - cw) / 2);
        const aU = this.level('u', cell, (1 + cw) / 2);
        let hit = 0;
        for (const s of own) if (s.atOrBelow >= aL && s.below < aU) hit++;
        return hit / own.length;
      };
      let lo = Math.max(0.01, c - 0.4);
      let hi = Math.min(0.999, c + 0.3);
      for (let i = 0; i < 16; i++) {
        const mid = 0.5 * (lo + hi);
        if (coverage(mid) < c) lo = mid;
        else hi = mid;
      }
      w = Math.abs(coverage(lo) - c) < Math.abs(coverage(hi) - c) ? lo : hi;
      this.working.set(key, w);
    }
    return w;
  }

  /** Calibrated central interval of nominal coverage c: P(Y < lo) ≈ P(Y > hi) ≈ (1 − c)/2. */
  interval(dist: CountDist, horizon: number, c: number): [number, number] {
    const cell = this.cellIndex(horizon, dist.mean);
    const w = this.workingCoverage(c, cell);
    const hi = quantile(dist, this.level('u', cell, (1 + w) / 2));
    const lo = Math.min(hi, quantile(dist, this.level('l', cell, (1 - w) / 2)));
    return [lo, hi];
  }
}
