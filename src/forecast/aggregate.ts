/**
 * The same machinery for aggregate series (the public real-data backtests): a pooled NB2
 * regression over a few related series (series effect partially pooled, seasonal dummies,
 * exposure offset) fitted on a rolling window, an adaptive level (exponentially weighted
 * observed / fitted ratio), NB predictive distributions and the rolling empirical calibration.
 * Baselines B1–B3 in the period's own terms (see `AggregateBaselines`).
 */
import { Calibrator, pitSample, type CalibrationLayout, type PitSample } from './calibration.js';
import { negBinomial, type CountDist } from './distribution.js';
import { DesignBuilder, fitNb2 } from './glm.js';
import { COVERAGE_LEVELS, summarise, type ScoredPoint, type Summary } from './metrics.js';

export interface AggregateSeries {
  name: string;
  /** Counts (rounded to integers for the likelihood); NaN = missing. */
  y: number[];
  /** Exposure per period (default 1). */
  exposure?: number[];
}

export interface AggregateModelOptions {
  /** Season index of period t (e.g. quarter or weekday), or none. */
  season?: (t: number) => number;
  seasons?: number;
  /** Training window in periods. */
  trainPeriods: number;
  levelHalfLife: number;
  /** The level's effect over the horizon: multiplied by damping^(h − 1). */
  levelDamping: number;
}

export interface AggregateForecast {
  mean: number;
  size: number;
}

function exposureAt(s: AggregateSeries, t: number): number {
  if (!s.exposure) return 1;
  for (let k = Math.min(t, s.exposure.length - 1); k >= 0; k--) if (Number.isFinite(s.exposure[k]) && s.exposure[k] > 0) return s.exposure[k];
  return 1;
}

/** Forecasts periods t0 … t0 + H − 1 of every series from the data before t0. */
export function forecastAggregate(series: readonly AggregateSeries[], t0: number, H: number, o: AggregateModelOptions): AggregateForecast[][] {
  const S = series.length;
  const seasons = o.season ? (o.seasons ?? 1) : 1;
  const names = ['(intercept)', ...series.map((s) => `series:${s.name}`)];
  for (let k = 1; k < seasons; k++) names.push(`season${k}`);
  const row = (si: number, t: number): Array<[number, number]> => {
    const r: Array<[number, number]> = [
      [0, 1],
      [1 + si, 1],
    ];
    if (o.season) {
      const k = o.season(t);
      if (k > 0) r.push([S + k, 1]);
    }
    return r;
  };
  const b = new DesignBuilder(names);
  const y: number[] = [];
  const off: number[] = [];
  const idx: Array<[number, number]> = [];
  for (let si = 0; si < S; si++) {
    for (let t = Math.max(0, t0 - o.trainPeriods); t < t0; t++) {
      const v = series[si].y[t];
      if (!Number.isFinite(v)) continue;
      b.add(row(si, t));
      y.push(Math.max(0, Math.round(v)));
      off.push(Math.log(exposureAt(series[si], t)));
      idx.push([si, t]);
    }
  }
  const penalty = new Float64Array(names.length).fill(1e-4);
  penalty[0] = 0;
  for (let si = 0; si < S; si++) penalty[1 + si] = 0;
  const fit = fitNb2(b.build(), y, off, {
    penalty,
    randomEffects: S > 1 ? [{ name: 'series', cols: series.map((_, i) => 1 + i) }] : [],
  });
  const out: AggregateForecast[][] = [];
  for (let si = 0; si < S; si++) {
    let num = 0;
    let den = 0;
    for (let i = 0; i < idx.length; i++) {
      if (idx[i][0] !== si) continue;
      const w = Math.pow(0.5, (t0 - 1 - idx[i][1]) / o.levelHalfLife);
      num += w * y[i];
      den += w * fit.fitted[i];
    }
    const level = den > 0 ? num / den : 1;
    const fc: AggregateForecast[] = [];
    for (let h = 1; h <= H; h++) {
      const t = t0 + h - 1;
      let eta = Math.log(exposureAt(series[si], Math.min(t, t0 - 1)));
      for (const [c, v] of row(si, t)) eta += v * fit.beta[c];
      const mult = Math.pow(level, Math.pow(o.levelDamping, h - 1));
      fc.push({ mean: Math.exp(eta) * mult, size: fit.theta });
    }
    out.push(fc);
  }
  return out;
}

export const AGGREGATE_METHODS = ['model', 'model-raw', 'b1', 'b2', 'b3'] as const;
export type AggregateMethod = (typeof AGGREGATE_METHODS)[number];

/** Baseline point forecasts for target period t (h steps after the last observed t0 − 1); NaN = not available. */
export interface AggregateBaselines {
  b1: (s: AggregateSeries, t0: number, t: number) => number;
  b2: (s: AggregateSeries, t0: number, t: number) => number;
  b3: (s: AggregateSeries, t0: number, t: number) => number;
  /** Seasonal lag of the naive forecast that scales the MASE. */
  naiveLag: number;
}

export interface AggregateBacktestOptions {
  series: readonly AggregateSeries[];
  /** First-forecast periods, ascending. */
  origins: readonly number[];
  horizon: number;
  /** Origins at or after this period are scored (earlier ones only feed the calibration). */
  evaluateFrom: number;
  model: AggregateModelOptions;
  baselines: AggregateBaselines;
  decisionQuantile: number;
  /** Values are scaled by this for reporting (e.g. 0.01 to turn hundredths back into %). */
  reportScale?: number;
  /** Only score targets where every baseline is available. */
  commonSupport?: boolean;
  /** Minimum calibration samples (default 40). */
  minCalibration?: number;
  /** Calibrate on targets of the last this many periods only (default: all earlier ones). */
  calibrationPeriods?: number;
}

export interface AggregateBacktestResult {
  overall: Record<AggregateMethod, Summary>;
  byHorizon: Array<{ h: number; summaries: Record<AggregateMethod, Summary> }>;
  scoredOrigins: number;
}

interface AggPoint {
  origin: number;
  t: number;
  h: number;
  series: number;
  y: number;
  scale: number;
  fc: Record<AggregateMethod, AggregateForecast>;
  pits: Record<AggregateMethod, PitSample>;
}

function inSampleNaiveMae(s: AggregateSeries, t0: number, lag: number, window: number): number {
  let sum = 0;
  let n = 0;
  for (let t = Math.max(lag, t0 - window); t < t0; t++) {
    const a = s.y[t];
    const b = s.y[t - lag];
    if (Number.isFinite(a) && Number.isFinite(b)) {
      sum += Math.abs(a - b);
      n++;
    }
  }
  return n ? sum / n : NaN;
}

export function runAggregateBacktest(o: AggregateBacktestOptions): AggregateBacktestResult {
  const layout: CalibrationLayout = { horizons: Array.from({ length: o.horizon }, (_, i) => (i + 1 === o.horizon ? Infinity : i + 1)), means: [Infinity] };
  const points: AggPoint[] = [];
  const scale = o.reportScale ?? 1;
  for (const t0 of o.origins) {
    const fc = forecastAggregate(o.series, t0, o.horizon, o.model);
    o.series.forEach((s, si) => {
      // Baseline dispersion: quasi-Poisson φ from the model's own NB at the series level.
      for (let h = 1; h <= o.horizon; h++) {
        const t = t0 + h - 1;
        const y = s.y[t];
        if (!Number.isFinite(y)) continue;
        const m = fc[si][h - 1];
        const base = (v: number): AggregateForecast => ({ mean: Number.isFinite(v) ? v : NaN, size: m.size });
        const f: Record<AggregateMethod, AggregateForecast> = {
          model: m,
          'model-raw': m,
          b1: base(o.baselines.b1(s, t0, t)),
          b2: base(o.baselines.b2(s, t0, t)),
          b3: base(o.baselines.b3(s, t0, t)),
        };
        const yi = Math.max(0, Math.round(y));
        const pits = {} as Record<AggregateMethod, PitSample>;
        for (const k of AGGREGATE_METHODS) pits[k] = Number.isFinite(f[k].mean) ? pitSample(negBinomial(Math.max(1e-9, f[k].mean), f[k].size), yi, h) : { horizon: h, mean: 0, below: NaN, atOrBelow: NaN };
        points.push({ origin: t0, t, h, series: si, y: yi, scale: inSampleNaiveMae(s, t0, o.baselines.naiveLag, o.model.trainPeriods), fc: f, pits });
      }
    });
  }
  const scored = Object.fromEntries(AGGREGATE_METHODS.map((k) => [k, [] as ScoredPoint[]])) as Record<AggregateMethod, ScoredPoint[]>;
  const byH = Array.from({ length: o.horizon }, () => Object.fromEntries(AGGREGATE_METHODS.map((k) => [k, [] as ScoredPoint[]])) as Record<AggregateMethod, ScoredPoint[]>);
  let scoredOrigins = 0;
  for (const t0 of o.origins) {
    if (t0 < o.evaluateFrom) continue;
    scoredOrigins++;
    const past = points.filter((p) => p.t < t0 && (o.calibrationPeriods === undefined || p.t >= t0 - o.calibrationPeriods));
    const cals = Object.fromEntries(
      AGGREGATE_METHODS.map((k) => [
        k,
        k === 'model-raw' ? Calibrator.identity(layout) : Calibrator.fit(past.map((p) => p.pits[k]).filter((p) => Number.isFinite(p.below)), layout, o.minCalibration ?? 40),
      ]),
    ) as Record<AggregateMethod, Calibrator>;
    for (const p of points) {
      if (p.origin !== t0) continue;
      if (o.commonSupport && AGGREGATE_METHODS.some((k) => !Number.isFinite(p.fc[k].mean))) continue;
      for (const k of AGGREGATE_METHODS) {
        const f = p.fc[k];
        if (!Number.isFinite(f.mean)) continue;
        const d: CountDist = negBinomial(Math.max(1e-9, f.mean), f.size);
        const intervals: Record<number, [number, number]> = {};
        for (const c of COVERAGE_LEVELS) {
          const [lo, hi] = cals[k].interval(d, p.h, c);
          intervals[c] = [lo * scale, hi * scale];
        }
        const sp: ScoredPoint = {
          y: p.y * scale,
          mean: f.mean * scale,
          decision: cals[k].quantile(d, p.h, o.decisionQuantile) * scale,
          intervals,
          scale: p.scale * scale,
          block: `${p.series}|${p.origin}`,
        };
        scored[k].push(sp);
        byH[p.h - 1][k].push(sp);
      }
    }
  }
  const sum = (l: Record<AggregateMethod, ScoredPoint[]>) => Object.fromEntries(AGGREGATE_METHODS.map((k) => [k, summarise(l[k], o.decisionQuantile)])) as Record<AggregateMethod, Summary>;
  return { overall: sum(scored), byHorizon: byH.map((l, i) => ({ h: i + 1, summaries: sum(l) })), scoredOrigins };
}
