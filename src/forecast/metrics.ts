/** Forecast accuracy measures: MAE, bias, MASE, pinball loss and interval coverage. */

/** What a method predicted for one target and what happened. */
export interface ScoredPoint {
  y: number;
  mean: number;
  /** Quantile at the decision level τ (P(Y ≤ q) ≈ τ). */
  decision: number;
  /** Central intervals by nominal coverage. */
  intervals: Record<number, [number, number]>;
  /** Scale of the MASE (in-sample naive MAE of the series at the origin). */
  scale: number;
  /** Block the point belongs to (series × origin) for MASE. */
  block: string;
  /** The true expected value, when known (synthetic data). */
  truth?: number;
}

export const COVERAGE_LEVELS = [0.5, 0.8, 0.95] as const;

export function pinball(y: number, q: number, tau: number): number {
  return y >= q ? tau * (y - q) : (1 - tau) * (q - y);
}

export interface Summary {
  n: number;
  mae: number;
  bias: number;
  /** Mean over blocks of MAE / scale. */
  mase: number;
  pinball: number;
  coverage: Record<number, number>;
  /** MAE of the mean against the true expected value (synthetic data only). */
  maeVsTruth?: number;
}

export function summarise(points: readonly ScoredPoint[], tau: number): Summary {
  const n = points.length;
  if (n === 0) return { n: 0, mae: NaN, bias: NaN, mase: NaN, pinball: NaN, coverage: { 0.5: NaN, 0.8: NaN, 0.95: NaN } };
  let ae = 0;
  let e = 0;
  let pb = 0;
  const cov: Record<number, number> = {};
  for (const c of COVERAGE_LEVELS) cov[c] = 0;
  const blocks = new Map<string, { ae: number; n: number; scale: number }>();
  let truthAe = 0;
  let truthN = 0;
  for (const p of points) {
    ae += Math.abs(p.y - p.mean);
    e += p.mean - p.y;
    pb += pinball(p.y, p.decision, tau);
    for (const c of COVERAGE_LEVELS) {
      const iv = p.intervals[c];
      if (iv && p.y >= iv[0] && p.y <= iv[1]) cov[c]++;
    }
    const b = blocks.get(p.block) ?? { ae: 0, n: 0, scale: p.scale };
    b.ae += Math.abs(p.y - p.mean);
    b.n++;
    blocks.set(p.block, b);
    if (p.truth !== undefined) {
      truthAe += Math.abs(p.truth - p.mean);
      truthN++;
    }
  }
  let mase = 0;
  let mb = 0;
  for (const b of blocks.values()) {
    if (!(b.scale > 0)) continue;
    mase += b.ae / b.n / b.scale;
    mb++;
  }
  for (const c of COVERAGE_LEVELS) cov[c] /= n;
  return {
    n,
    mae: ae / n,
    bias: e / n,
    mase: mb ? mase / mb : NaN,
    pinball: pb / n,
    coverage: cov,
    ...(truthN ? { maeVsTruth: truthAe / truthN } : {}),
  };
}
