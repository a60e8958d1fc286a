/** Helpers for the forecast tests: count samplers on the demo PRNG (deterministic). */
import type { Rng } from '../demo/random.js';

/** Poisson(mean) by inversion (fine for the small means of the tests). */
export function samplePoisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 200) return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.normal()));
  let k = 0;
  let p = Math.exp(-mean);
  let s = p;
  const u = rng.next();
  while (u > s && k < 10_000) {
    k++;
    p *= mean / k;
    s += p;
  }
  return k;
}

/** NB2(mean, size) as a gamma–Poisson mixture. */
export function sampleNb(rng: Rng, mean: number, size: number): number {
  if (!Number.isFinite(size)) return samplePoisson(rng, mean);
  return samplePoisson(rng, rng.gamma(size, mean / size));
}
