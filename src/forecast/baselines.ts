/**
 * The baselines every model must beat (FORECASTING.md §2.6.2), for a daily series:
 *  - B1: rate × exposure × weekday factor × month factor, from the last (up to) 3 years;
 *  - B2: mean of the same weekday over the last 8 weeks;
 *  - B3: the same weekday 52 weeks (364 days) earlier.
 * Each gets a quasi-Poisson distribution (NB with variance φ·mean, φ = variance/mean of the
 * series over the last year), uncalibrated unless the caller calibrates it.
 */
import { weekdayOfEpochDay } from '../core/time/localDate.js';
import { dayFeatures } from './calendar.js';
import { negBinomial, type CountDist } from './distribution.js';

/** A daily series: values[d − start] for epoch days start … start + values.length − 1. */
export interface DailySeries {
  start: number;
  values: ArrayLike<number>;
  /** Exposure (e.g. persons employed) on an epoch day; 1 when absent. */
  exposure?: (day: number) => number;
}

function at(s: DailySeries, day: number): number {
  const i = day - s.start;
  return i >= 0 && i < s.values.length ? s.values[i] : NaN;
}

export interface BaselineSet {
  b1: (day: number) => number;
  b2: (day: number) => number;
  b3: (day: number) => number;
}

/** The three baselines fitted on the series before `origin`. */
export function dailyBaselines(s: DailySeries, origin: number, years = 3): BaselineSet {
  const exp = s.exposure ?? (() => 1);
  const first = Math.max(s.start, origin - Math.round(years * 365.25));
  let num = 0;
  let den = 0;
  const wdNum = new Float64Array(7);
  const wdDen = new Float64Array(7);
  const mNum = new Float64Array(12);
  const mDen = new Float64Array(12);
  for (let d = first; d < origin; d++) {
    const v = at(s, d);
    const e = exp(d);
    if (!Number.isFinite(v) || !(e > 0)) continue;
    num += v;
    den += e;
    const f = dayFeatures(d);
    wdNum[f.weekday] += v;
    wdDen[f.weekday] += e;
    mNum[f.month] += v;
    mDen[f.month] += e;
  }
  const rate = den > 0 ? num / den : 0;
  const factor = (n: number, d: number) => (d > 0 && rate > 0 ? n / d / rate : 1);
  const b2means = new Float64Array(7);
  for (let w = 0; w < 7; w++) {
    let sum = 0;
    let cnt = 0;
    for (let d = origin - 56; d < origin; d++) {
      if (weekdayOfEpochDay(d) !== w) continue;
      const v = at(s, d);
      if (Number.isFinite(v)) {
        sum += v;
        cnt++;
      }
    }
    b2means[w] = cnt ? sum / cnt : NaN;
  }
  return {
    b1: (day) => {
      const f = dayFeatures(day);
      return exp(day) * rate * factor(wdNum[f.weekday], wdDen[f.weekday]) * factor(mNum[f.month], mDen[f.month]);
    },
    b2: (day) => b2means[weekdayOfEpochDay(day)],
    b3: (day) => at(s, day - 364),
  };
}

/** φ = variance/mean of the series over the `days` before the origin (at least 1). */
export function dispersionIndex(s: DailySeries, origin: number, days = 365): number {
  let n = 0;
  let sum = 0;
  let sq = 0;
  for (let d = origin - days; d < origin; d++) {
    const v = at(s, d);
    if (!Number.isFinite(v)) continue;
    n++;
    sum += v;
    sq += v * v;
  }
  if (n < 2 || sum <= 0) return 1;
  const m = sum / n;
  return Math.max(1, (sq / n - m * m) / m);
}

/** Quasi-Poisson count distribution: mean m, variance φ·m. */
export function quasiPoisson(mean: number, phi: number): CountDist {
  if (!(mean > 0)) return negBinomial(0, Infinity);
  return phi > 1 + 1e-9 ? negBinomial(mean, mean / (phi - 1)) : negBinomial(mean, Infinity);
}

/** In-sample MAE of the seasonal naive forecast (lag `lag`) over the `days` before the origin. */
export function naiveScale(s: DailySeries, origin: number, lag = 7, days = 365): number {
  let n = 0;
  let sum = 0;
  for (let d = origin - days; d < origin; d++) {
    const a = at(s, d);
    const b = at(s, d - lag);
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    sum += Math.abs(a - b);
    n++;
  }
  return n ? sum / n : NaN;
}
