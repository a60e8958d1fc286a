/** Special functions for the count distributions and the NB likelihood (pure, no dependencies). */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** log Γ(x) for x > 0 (Lanczos, g = 7; relative error ~1e-15). */
export function lgamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** ψ(x), the digamma function, for x > 0. */
export function digamma(x: number): number {
  let r = 0;
  while (x < 6) {
    r -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  return r + Math.log(x) - 0.5 / x - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f / 132))));
}

/** ψ(y + θ) − ψ(θ) for an integer count y ≥ 0 (exact sum for small y). */
export function digammaDiff(y: number, theta: number): number {
  if (y < 40) {
    let s = 0;
    for (let j = 0; j < y; j++) s += 1 / (theta + j);
    return s;
  }
  return digamma(y + theta) - digamma(theta);
}

/** log Γ(y + θ) − log Γ(θ) for an integer count y ≥ 0. */
export function lgammaDiff(y: number, theta: number): number {
  if (y < 40) {
    let s = 0;
    for (let j = 0; j < y; j++) s += Math.log(theta + j);
    return s;
  }
  return lgamma(y + theta) - lgamma(theta);
}

/** log y! */
export function logFactorial(y: number): number {
  return y < 2 ? 0 : lgamma(y + 1);
}
