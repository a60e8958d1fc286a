/**
 * Rolling-origin backtest of the daily unit model against the baselines B1–B3. At each origin
 * every method is fitted on the data before it and forecasts `horizon` days. Intervals and the
 * decision quantile of origin F are calibrated from the PIT values of the forecasts of earlier
 * origins whose target days lie before F (in the last `calibrationDays`): exactly what a
 * deployment can know at F. Origins before `evaluateFrom` only feed that calibration.
 */
import { fromEpochDay } from '../core/time/localDate.js';
import { Calibrator, horizonBucket, HORIZON_BUCKETS, pitSample, type PitSample } from './calibration.js';
import { dailyBaselines, dispersionIndex, naiveScale, quasiPoisson, type DailySeries } from './baselines.js';
import { COVERAGE_LEVELS, summarise, type ScoredPoint, type Summary } from './metrics.js';
import { fitAbsenceModel, fitIncidence, forecastUnit, type AbsenceModelOptions, type IncidenceFit } from './model.js';
import type { CountDist } from './distribution.js';
import type { PreparedHistory } from './history.js';

export const DAILY_METHODS = ['model', 'model-raw', 'b1', 'b2', 'b3'] as const;
export type DailyMethod = (typeof DAILY_METHODS)[number];

export interface DailyBacktestOptions {
  history: PreparedHistory;
  /** Units to score (default all). All units are always used to fit the pooled model. */
  units?: readonly string[];
  /** Forecast origins (epoch days of the first forecast day), ascending. */
  origins: readonly number[];
  horizon: number;
  /** Origins on or after this day are scored. */
  evaluateFrom: number;
  calibrationDays?: number;
  /** The decision quantile τ = Cu/(Cu+Co) for the pinball loss. */
  decisionQuantile?: number;
  model?: Partial<AbsenceModelOptions>;
  /** Refit the regressions every this many days (the level, durations and ongoing spells are
   * always updated at each origin). Default 28. */
  refitEveryDays?: number;
  /** The true expected value (synthetic data). */
  truth?: (unit: string, day: number) => number;
  onOrigin?: (done: number, total: number) => void;
  keepPoints?: boolean;
}

export interface RawPoint {
  origin: number;
  unit: string;
  day: number;
  h: number;
  y: number;
  truth?: number;
  scale: number;
  dists: Record<DailyMethod, CountDist>;
  pits: Record<DailyMethod, PitSample>;
}

export interface DailyBacktestResult {
  methods: readonly DailyMethod[];
  origins: number;
  scoredOrigins: number;
  units: string[];
  overall: Record<DailyMethod, Summary>;
  byBucket: Array<{ label: string; summaries: Record<DailyMethod, Summary> }>;
  /** MAE of the true expected value as a forecast (the noise floor), when the truth is known. */
  truthMae?: number;
  /** Calibration samples used at the last scored origin. */
  calibrationSamples: number;
  /** Every forecast point (only with `keepPoints`). */
  points?: RawPoint[];
}

export function bucketLabel(b: number, buckets: readonly number[] = HORIZON_BUCKETS): string {
  const lo = b === 0 ? 1 : buckets[b - 1] + 1;
  const hi = buckets[b];
  return Number.isFinite(hi) ? `${lo}–${hi}` : `${lo}+`;
}

export function runDailyBacktest(o: DailyBacktestOptions): DailyBacktestResult {
  const hist = o.history;
  const units = [...(o.units ?? hist.units)];
  const tau = o.decisionQuantile ?? 0.75;
  const calDays = o.calibrationDays ?? 365;
  const points: RawPoint[] = [];
  let incidence: IncidenceFit | undefined;
  o.origins.forEach((F, i) => {
    if (F + o.horizon - 1 > hist.end) throw new RangeError(`origin ${fromEpochDay(F)} + ${o.horizon} days runs past the history`);
    if (!incidence || F - incidence.origin >= (o.refitEveryDays ?? 28)) incidence = fitIncidence(hist, F, o.model);
    const model = fitAbsenceModel(hist, F, o.model, incidence);
    for (const unit of units) {
      const ser = hist.series.get(unit)!;
      const series: DailySeries = { start: hist.start, values: ser.absent, exposure: (d) => hist.employed(unit, d) };
      const base = dailyBaselines(series, F);
      const phi = dispersionIndex(series, F);
      const scale = naiveScale(series, F);
      const fc = forecastUnit(model, unit, o.horizon);
      for (const f of fc) {
        const y = ser.absent[f.epochDay - hist.start];
        const b1 = base.b1(f.epochDay);
        const b2 = base.b2(f.epochDay);
        const b3v = base.b3(f.epochDay);
        const dists: Record<DailyMethod, CountDist> = {
          model: f.dist,
          'model-raw': f.dist,
          b1: quasiPoisson(b1, phi),
          b2: quasiPoisson(Number.isFinite(b2) ? b2 : b1, phi),
          b3: quasiPoisson(Number.isFinite(b3v) ? b3v : b1, phi),
        };
        const pits = Object.fromEntries(DAILY_METHODS.map((m) => [m, pitSample(dists[m], y, f.horizon)])) as Record<DailyMethod, PitSample>;
        points.push({ origin: F, unit, day: f.epochDay, h: f.horizon, y, scale, dists, pits, ...(o.truth ? { truth: o.truth(unit, f.epochDay) } : {}) });
      }
    }
    o.onOrigin?.(i + 1, o.origins.length);
  });
  const result = scoreDaily(points, o.origins, o.evaluateFrom, calDays, tau, units);
  return o.keepPoints ? { ...result, points } : result;
}

function scoreDaily(points: RawPoint[], origins: readonly number[], evaluateFrom: number, calDays: number, tau: number, units: string[]): DailyBacktestResult {
  const scored: Record<DailyMethod, ScoredPoint[]> = Object.fromEntries(DAILY_METHODS.map((m) => [m, []])) as unknown as Record<DailyMethod, ScoredPoint[]>;
  const buckets: Array<Record<DailyMethod, ScoredPoint[]>> = HORIZON_BUCKETS.map(
    () => Object.fromEntries(DAILY_METHODS.map((m) => [m, []])) as unknown as Record<DailyMethod, ScoredPoint[]>,
  );
  let truthAe = 0;
  let truthN = 0;
  let calibrationSamples = 0;
  let scoredOrigins = 0;
  const byOrigin = new Map<number, RawPoint[]>();
  for (const p of points) {
    const list = byOrigin.get(p.origin);
    if (list) list.push(p);
    else byOrigin.set(p.origin, [p]);
  }
  for (const F of origins) {
    if (F < evaluateFrom) continue;
    scoredOrigins++;
    const calib = points.filter((p) => p.origin < F && p.day < F && p.day >= F - calDays);
    const calibrators = Object.fromEntries(
      DAILY_METHODS.map((m) => [m, m === 'model-raw' ? Calibrator.identity() : Calibrator.fit(calib.map((p) => p.pits[m]))]),
    ) as Record<DailyMethod, Calibrator>;
    calibrationSamples = calibrators.model.samples;
    for (const p of byOrigin.get(F) ?? []) {
      if (p.truth !== undefined) {
        truthAe += Math.abs(p.y - p.truth);
        truthN++;
      }
      for (const m of DAILY_METHODS) {
        const cal = calibrators[m];
        const d = p.dists[m];
        const intervals: Record<number, [number, number]> = {};
        for (const c of COVERAGE_LEVELS) intervals[c] = cal.interval(d, p.h, c);
        const sp: ScoredPoint = {
          y: p.y,
          mean: d.mean,
          decision: cal.quantile(d, p.h, tau),
          intervals,
          scale: p.scale,
          block: `${p.unit}|${p.origin}`,
          ...(p.truth !== undefined ? { truth: p.truth } : {}),
        };
        scored[m].push(sp);
        buckets[horizonBucket(p.h)][m].push(sp);
      }
    }
  }
  const sum = (lists: Record<DailyMethod, ScoredPoint[]>) =>
    Object.fromEntries(DAILY_METHODS.map((m) => [m, summarise(lists[m], tau)])) as Record<DailyMethod, Summary>;
  return {
    methods: DAILY_METHODS,
    origins: origins.length,
    scoredOrigins,
    units,
    overall: sum(scored),
    byBucket: buckets.map((b, i) => ({ label: bucketLabel(i), summaries: sum(b) })).filter((b) => b.summaries.model.n > 0),
    ...(truthN ? { truthMae: truthAe / truthN } : {}),
    calibrationSamples,
  };
}
