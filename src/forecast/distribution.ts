/**
 * Discrete count distributions as probability tables: negative binomial (NB2), Poisson-binomial,
 * convolution, binomial thinning, quantiles and PIT values. A table is `pmf[i] = P(Y = offset + i)`
 * with the negligible tails (< 1e-12 each side) cut off, so large counts stay cheap.
 */
import { lgammaDiff, logFactorial } from './specfun.js';

export interface CountDist {
  /** P(Y = offset + i). Sums to 1 up to the cut tails. */
  pmf: Float64Array;
  /** The smallest value in the table. */
  offset: number;
  mean: number;
  variance: number;
}

const TAIL = 1e-12;

/** Above this size the NB is treated as Poisson. */
export const POISSON_SIZE = 1e8;

/** NB2 with the given mean and size θ (variance = mean + mean²/θ); θ = Infinity gives Poisson. */
export function negBinomial(mean: number, size: number): CountDist {
  if (!(mean > 1e-12)) return { pmf: Float64Array.of(1), offset: 0, mean: 0, variance: 0 };
  const poisson = !(size < POISSON_SIZE);
  const q = poisson ? 0 : mean / (size + mean);
  const ratioUp = poisson ? (k: number) => mean / (k + 1) : (k: number) => ((k + size) / (k + 1)) * q;
  const mode = poisson ? Math.floor(mean) : size > 1 ? Math.floor(((size - 1) * q) / (1 - q)) : 0;
  const logAtMode = poisson
    ? mode * Math.log(mean) - mean - logFactorial(mode)
    : lgammaDiff(mode, size) - logFactorial(mode) + size * Math.log(size / (size + mean)) + mode * Math.log(q);
  const up: number[] = [];
  const down: number[] = [];
  let v = Math.exp(logAtMode);
  const peak = v;
  for (let k = mode; ; k++) {
    v *= ratioUp(k);
    if (!(v > TAIL * peak) || up.length > 1e7) break;
    up.push(v);
  }
  v = peak;
  for (let k = mode; k > 0; k--) {
    v /= ratioUp(k - 1);
    if (!(v > TAIL * peak)) break;
    down.push(v);
  }
  const pmf = new Float64Array(down.length + 1 + up.length);
  for (let i = 0; i < down.length; i++) pmf[down.length - 1 - i] = down[i];
  pmf[down.length] = peak;
  pmf.set(up, down.length + 1);
  return normalise(pmf, mode - down.length);
}

function normalise(pmf: Float64Array, offset: number): CountDist {
  let s = 0;
  for (const p of pmf) s += p;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < pmf.length; i++) {
    pmf[i] /= s;
    const k = offset + i;
    mean += k * pmf[i];
    m2 += k * k * pmf[i];
  }
  return { pmf, offset, mean, variance: Math.max(0, m2 - mean * mean) };
}

/** The number of successes among independent Bernoulli(p_i) trials. */
export function poissonBinomial(ps: readonly number[]): CountDist {
  let pmf = new Float64Array([1]);
  for (const p0 of ps) {
    const p = Math.min(1, Math.max(0, p0));
    const next = new Float64Array(pmf.length + 1);
    for (let k = 0; k < pmf.length; k++) {
      next[k] += pmf[k] * (1 - p);
      next[k + 1] += pmf[k] * p;
    }
    pmf = next;
  }
  return normalise(pmf, 0);
}

/** The distribution of X + Y for independent X and Y. */
export function convolve(a: CountDist, b: CountDist): CountDist {
  const out = new Float64Array(a.pmf.length + b.pmf.length - 1);
  for (let i = 0; i < a.pmf.length; i++) {
    const ai = a.pmf[i];
    if (ai === 0) continue;
    for (let j = 0; j < b.pmf.length; j++) out[i + j] += ai * b.pmf[j];
  }
  return trim(out, a.offset + b.offset);
}

function trim(pmf: Float64Array, offset: number): CountDist {
  let lo = 0;
  let hi = pmf.length - 1;
  while (lo < hi && pmf[lo] < TAIL) lo++;
  while (hi > lo && pmf[hi] < TAIL) hi--;
  return normalise(pmf.slice(lo, hi + 1), offset + lo);
}

/** Binomial thinning: each counted item is kept with probability w (exact). */
export function thin(d: CountDist, w: number): CountDist {
  const p = Math.min(1, Math.max(0, w));
  const max = d.offset + d.pmf.length - 1;
  const out = new Float64Array(max + 1);
  for (let i = 0; i < d.pmf.length; i++) {
    const n = d.offset + i;
    const pn = d.pmf[i];
    if (pn === 0) continue;
    // Binomial(n, p) by recursion on j.
    let b = Math.pow(1 - p, n);
    if (p === 1) {
      out[n] += pn;
      continue;
    }
    for (let j = 0; j <= n; j++) {
      out[j] += pn * b;
      b *= ((n - j) / (j + 1)) * (p / (1 - p));
    }
  }
  return trim(out, 0);
}

/** P(Y ≤ k). */
export function cdf(d: CountDist, k: number): number {
  const last = Math.min(d.pmf.length - 1, Math.floor(k) - d.offset);
  if (last < 0) return 0;
  if (last >= d.pmf.length - 1) return 1;
  let s = 0;
  for (let i = 0; i <= last; i++) s += d.pmf[i];
  return Math.min(1, s);
}

/** The smallest k with P(Y ≤ k) ≥ a (a in (0, 1]). */
export function quantile(d: CountDist, a: number): number {
  let s = 0;
  const target = Math.min(a, 1) - 1e-12;
  for (let i = 0; i < d.pmf.length; i++) {
    s += d.pmf[i];
    if (s >= target) return d.offset + i;
  }
  return d.offset + d.pmf.length - 1;
}

/** The PIT pair (P(Y < y), P(Y ≤ y)) of an observation. */
export function pit(d: CountDist, y: number): { below: number; atOrBelow: number } {
  const below = cdf(d, y - 1);
  return { below, atOrBelow: Math.min(1, below + (y >= d.offset && y - d.offset < d.pmf.length ? d.pmf[y - d.offset] : 0)) };
}

/** NB with the given mean and variance (Poisson when the variance is not above the mean). */
export function negBinomialFromMoments(mean: number, variance: number): CountDist {
  if (variance <= mean * (1 + 1e-9)) return negBinomial(mean, Infinity);
  return negBinomial(mean, (mean * mean) / (variance - mean));
}
