/**
 * Negative-binomial (NB2, log link) regression with an offset, fitted by penalised IRLS
 * (Fisher scoring) written by hand on ml-matrix's Cholesky solver.
 *
 *   y_i ~ NB(μ_i, θ),  Var y_i = μ_i + μ_i²/θ,  log μ_i = offset_i + x_iᵀβ
 *
 * - θ (the NB size; dispersion 1/θ) is estimated by profile likelihood: between IRLS passes the
 *   score in θ is solved by bisection on log θ with μ held at the current fit.
 * - Every coefficient can carry a Gaussian prior N(0, 1/penalty_j) (a ridge). Groups of
 *   coefficients can be declared random effects: their prior variance σ²_g is estimated by
 *   empirical Bayes (Laplace approximation; fixed point of σ²_g = mean(b_j² + V_jj), V the posterior
 *   covariance, reached by MacKay's update),
 *   which is partial pooling: a unit with little data is shrunk toward the common intercept.
 * - The design is sparse (rows of (column, value) pairs): calendar dummies give rows with a
 *   handful of non-zeros, so XᵀWX costs O(n · nnz²), not O(n · p²).
 */
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { digammaDiff, lgammaDiff, logFactorial } from './specfun.js';
import { POISSON_SIZE } from './distribution.js';

/** A sparse design matrix (CSR). */
export interface Design {
  names: string[];
  rowPtr: Int32Array;
  col: Int32Array;
  val: Float64Array;
  rows: number;
}

/** Builds a sparse design row by row. */
export class DesignBuilder {
  private readonly ptr: number[] = [0];
  private readonly cols: number[] = [];
  private readonly vals: number[] = [];
  constructor(readonly names: string[]) {}

  /** Adds a row from (column, value) pairs; zero values are skipped. */
  add(entries: ReadonlyArray<readonly [number, number]>): void {
    for (const [c, v] of entries) {
      if (v === 0) continue;
      if (c < 0 || c >= this.names.length) throw new RangeError(`design column ${c} out of range`);
      this.cols.push(c);
      this.vals.push(v);
    }
    this.ptr.push(this.cols.length);
  }

  build(): Design {
    return {
      names: [...this.names],
      rowPtr: Int32Array.from(this.ptr),
      col: Int32Array.from(this.cols),
      val: Float64Array.from(this.vals),
      rows: this.ptr.length - 1,
    };
  }
}

/** x_iᵀβ for row i. */
export function linearPredictor(design: Design, i: number, beta: ArrayLike<number>): number {
  let s = 0;
  for (let k = design.rowPtr[i]; k < design.rowPtr[i + 1]; k++) s += design.val[k] * beta[design.col[k]];
  return s;
}

export interface RandomEffectGroup {
  name: string;
  cols: number[];
  /** Starting prior variance (default 0.1). */
  variance?: number;
  /** Fix the variance instead of estimating it. */
  fixed?: boolean;
}

export interface Nb2Options {
  /** Prior precision per coefficient (default 0 = flat). Random-effect columns get 1/σ² on top. */
  penalty?: ArrayLike<number>;
  randomEffects?: RandomEffectGroup[];
  /** Fixed NB size θ; omit to estimate it. `Infinity` fits a Poisson GLM. */
  theta?: number;
  /** Starting coefficients (warm start). */
  start?: ArrayLike<number>;
  /** Starting θ when it is estimated. */
  startTheta?: number;
  maxIter?: number;
  /** Bounds for θ (default 1e-3 … 1e4; at 1e4 the NB is Poisson for any count we meet). */
  thetaBounds?: [number, number];
}

/** Smallest random-effect variance (sd 0.01 on the log scale: in effect complete pooling). */
const MIN_VARIANCE = 1e-4;

export const DEFAULT_THETA_BOUNDS: [number, number] = [1e-3, 1e4];

export interface Nb2Fit {
  names: string[];
  beta: Float64Array;
  /** NB size θ (Infinity when the data show no over-dispersion). */
  theta: number;
  /** Posterior covariance of β: (XᵀWX + P)⁻¹ at the solution. */
  covariance: Matrix;
  /** Estimated variance of each random-effect group, by name. */
  variances: Record<string, number>;
  logLik: number;
  iterations: number;
  converged: boolean;
  /** Fitted means on the training rows. */
  fitted: Float64Array;
}

/** NB2 log-likelihood of counts y at means mu and size theta (Poisson for theta ≥ 1e8). */
export function nbLogLik(y: ArrayLike<number>, mu: ArrayLike<number>, theta: number): number {
  let s = 0;
  const poisson = !(theta < POISSON_SIZE);
  for (let i = 0; i < y.length; i++) {
    const yi = y[i];
    const m = Math.max(mu[i], 1e-300);
    if (poisson) s += yi * Math.log(m) - m - logFactorial(yi);
    else s += lgammaDiff(yi, theta) - logFactorial(yi) + theta * Math.log(theta / (theta + m)) + (yi > 0 ? yi * Math.log(m / (theta + m)) : 0);
  }
  return s;
}

/** d/dθ of the NB2 log-likelihood. */
function thetaScore(y: ArrayLike<number>, mu: ArrayLike<number>, theta: number): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const m = mu[i];
    s += digammaDiff(y[i], theta) + Math.log(theta / (theta + m)) + (m - y[i]) / (theta + m);
  }
  return s;
}

/** d²/dθ² of the NB2 log-likelihood. */
function thetaCurvature(y: ArrayLike<number>, mu: ArrayLike<number>, theta: number): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i];
    const m = mu[i];
    let tri = 0;
    if (yi < 40) for (let j = 0; j < yi; j++) tri -= 1 / ((theta + j) * (theta + j));
    else tri = -(yi / (theta * (theta + yi))); // ≈ ψ'(θ + y) − ψ'(θ) for large y
    s += tri + 1 / theta - 1 / (theta + m) - (m - yi) / ((theta + m) * (theta + m));
  }
  return s;
}

/**
 * The profile-likelihood θ for fixed means: Newton steps on log θ, safeguarded by a bracket
 * (the score is positive below the root and negative above it).
 */
export function estimateTheta(y: ArrayLike<number>, mu: ArrayLike<number>, bounds: [number, number] = [1e-3, POISSON_SIZE], start = 10): number {
  let lo = Math.log(bounds[0]);
  let hi = Math.log(bounds[1]);
  if (thetaScore(y, mu, Math.exp(hi)) > 0) return bounds[1] >= POISSON_SIZE ? Infinity : bounds[1];
  if (thetaScore(y, mu, Math.exp(lo)) < 0) return bounds[0];
  let x = Math.min(hi - 1e-9, Math.max(lo + 1e-9, Math.log(Number.isFinite(start) ? start : 1e4)));
  for (let it = 0; it < 100; it++) {
    const t = Math.exp(x);
    const s = thetaScore(y, mu, t);
    if (s > 0) lo = x;
    else hi = x;
    // d/dx of the score in x = log θ: θ·s + θ²·s'.
    const ds = t * s + t * t * thetaCurvature(y, mu, t);
    let nx = ds < 0 ? x - (t * s) / ds : NaN;
    if (!(nx > lo && nx < hi)) nx = 0.5 * (lo + hi);
    if (Math.abs(nx - x) < 1e-7 || hi - lo < 1e-7) return Math.exp(nx);
    x = nx;
  }
  return Math.exp(x);
}

/** η = offset + Xβ and μ = exp(η), in place. */
function computeMu(design: Design, beta: Float64Array, off: Float64Array, eta: Float64Array, mu: Float64Array): void {
  const rowPtr = design.rowPtr;
  const colIdx = design.col;
  const vals = design.val;
  const n = design.rows;
  for (let i = 0; i < n; i++) {
    let e = off[i];
    const end = rowPtr[i + 1];
    for (let k = rowPtr[i]; k < end; k++) e += vals[k] * beta[colIdx[k]];
    eta[i] = e;
    mu[i] = Math.exp(e < 700 ? e : 700);
  }
}

/** A = XᵀWX and b = XᵀWz for the IRLS step (A row-major p × p), overwriting both. */
function accumulateNormalEquations(
  design: Design,
  mu: Float64Array,
  eta: Float64Array,
  off: Float64Array,
  y: Float64Array,
  theta: number,
  A: Float64Array,
  b: Float64Array,
): void {
  const p = design.names.length;
  const rowPtr = design.rowPtr;
  const colIdx = design.col;
  const vals = design.val;
  const n = design.rows;
  const inv = theta < POISSON_SIZE ? 1 / theta : 0;
  A.fill(0);
  b.fill(0);
  for (let i = 0; i < n; i++) {
    const m = mu[i];
    const w = m / (1 + m * inv);
    const z = eta[i] - off[i] + (y[i] - m) / m;
    const s = rowPtr[i];
    const e = rowPtr[i + 1];
    for (let k = s; k < e; k++) {
      const ck = colIdx[k];
      const wv = w * vals[k];
      b[ck] += wv * z;
      const base = ck * p;
      for (let l = s; l < e; l++) A[base + colIdx[l]] += wv * vals[l];
    }
  }
  // Exact symmetry (the two triangles round differently; the Cholesky checks it).
  for (let r = 0; r < p; r++) {
    for (let c = r + 1; c < p; c++) {
      const v = 0.5 * (A[r * p + c] + A[c * p + r]);
      A[r * p + c] = v;
      A[c * p + r] = v;
    }
  }
}

/** Fits the NB2 GLM. Throws when the data are empty or the system is singular beyond repair. */
export function fitNb2(design: Design, y: ArrayLike<number>, offset: ArrayLike<number>, opts: Nb2Options = {}): Nb2Fit {
  const n = design.rows;
  const p = design.names.length;
  if (n === 0) throw new RangeError('fitNb2: no rows');
  if (y.length !== n || offset.length !== n) throw new RangeError('fitNb2: y/offset length differs from the design');
  const basePenalty = new Float64Array(p);
  if (opts.penalty) for (let j = 0; j < p; j++) basePenalty[j] = opts.penalty[j];
  const groups = (opts.randomEffects ?? []).map((g) => ({ ...g, variance: g.variance ?? 0.1 }));
  const estimateDispersion = opts.theta === undefined;
  let theta = opts.theta ?? opts.startTheta ?? 10;
  const bounds = opts.thetaBounds ?? DEFAULT_THETA_BOUNDS;
  const maxIter = opts.maxIter ?? 50;

  const eta = new Float64Array(n);
  const mu = new Float64Array(n);
  const beta = new Float64Array(p);
  let haveStart = false;
  if (opts.start && opts.start.length === p) {
    for (let j = 0; j < p; j++) beta[j] = opts.start[j];
    haveStart = true;
  }
  const yv = Float64Array.from(y as ArrayLike<number>);
  const off = Float64Array.from(offset as ArrayLike<number>);
  const updateMu = () => computeMu(design, beta, off, eta, mu);
  if (haveStart) updateMu();
  else {
    // Standard GLM start: μ = y + 0.5 (then one weighted least-squares step gives β).
    for (let i = 0; i < n; i++) {
      mu[i] = yv[i] + 0.5;
      eta[i] = Math.log(mu[i]);
    }
  }

  const A = new Float64Array(p * p);
  const b = new Float64Array(p);
  const penalty = new Float64Array(p);
  const setPenalty = () => {
    penalty.set(basePenalty);
    for (const g of groups) for (const c of g.cols) penalty[c] += 1 / g.variance;
  };
  const penalisedLogLik = () => {
    let pen = 0;
    for (let j = 0; j < p; j++) pen += 0.5 * penalty[j] * beta[j] * beta[j];
    return nbLogLik(yv, mu, theta) - pen;
  };

  let chol: CholeskyDecomposition | null = null;
  const assemble = () => {
    accumulateNormalEquations(design, mu, eta, off, yv, theta, A, b);
    for (let j = 0; j < p; j++) A[j * p + j] += penalty[j] + 1e-10;
    const rows2d: Float64Array[] = [];
    for (let r = 0; r < p; r++) rows2d.push(A.subarray(r * p, (r + 1) * p));
    const M = new Matrix(rows2d);
    chol = new CholeskyDecomposition(M);
    if (!chol.isPositiveDefinite()) {
      for (let j = 0; j < p; j++) M.set(j, j, M.get(j, j) + 1e-6 * (1 + M.get(j, j)));
      chol = new CholeskyDecomposition(M);
      if (!chol.isPositiveDefinite()) throw new Error('fitNb2: the weighted normal equations are not positive definite');
    }
    return chol.solve(Matrix.columnVector(Array.from(b))).getColumn(0);
  };

  let iterations = 0;
  let converged = false;
  setPenalty();
  let lastObjective = -Infinity;
  for (let outer = 0; outer < 30; outer++) {
    // IRLS for β at fixed θ and σ².
    let obj = haveStart || outer > 0 ? penalisedLogLik() : -Infinity;
    let innerConverged = false;
    for (let it = 0; it < maxIter; it++) {
      iterations++;
      const next = assemble();
      const old = Float64Array.from(beta);
      for (let j = 0; j < p; j++) beta[j] = next[j];
      updateMu();
      let newObj = penalisedLogLik();
      // Step halving when a full scoring step lowers the penalised likelihood.
      for (let half = 0; half < 20 && Number.isFinite(obj) && newObj < obj - 1e-9 * Math.abs(obj); half++) {
        for (let j = 0; j < p; j++) beta[j] = 0.5 * (beta[j] + old[j]);
        updateMu();
        newObj = penalisedLogLik();
      }
      let delta = 0;
      for (let j = 0; j < p; j++) delta = Math.max(delta, Math.abs(beta[j] - old[j]));
      const done = Number.isFinite(obj) && (delta < 1e-7 || Math.abs(newObj - obj) < 1e-10 * (1 + Math.abs(newObj)));
      obj = newObj;
      if (done) {
        innerConverged = true;
        break;
      }
    }
    // θ by profile likelihood; σ² of the random-effect groups by the EM/Laplace update.
    let change = 0;
    if (estimateDispersion) {
      const t = estimateTheta(yv, mu, bounds, theta);
      change = Math.max(change, Number.isFinite(t) && Number.isFinite(theta) ? Math.abs(Math.log(t / theta)) : t === theta ? 0 : 1);
      theta = t;
    }
    if (groups.some((g) => !g.fixed)) {
      // The factorisation of the last IRLS step (at the converged β up to 1e-7) gives V.
      if (!chol) assemble();
      const inv = chol!.solve(Matrix.eye(p, p));
      for (const g of groups) {
        if (g.fixed || g.cols.length === 0) continue;
        // MacKay's fixed-point update σ² = Σ b² / γ, with γ = Σ (1 − V_jj/σ²) the effective number
        // of free unit effects (the same fixed point as the EM update, reached much faster).
        let ss = 0;
        let gamma = 0;
        for (const c of g.cols) {
          ss += beta[c] * beta[c];
          gamma += 1 - inv.get(c, c) / g.variance;
        }
        const v = Math.min(25, Math.max(MIN_VARIANCE, gamma > 1e-3 ? ss / gamma : MIN_VARIANCE));
        // Near zero (complete pooling) the log-scale change is meaningless: count it as settled.
        if (v > 10 * MIN_VARIANCE || g.variance > 10 * MIN_VARIANCE) change = Math.max(change, Math.abs(Math.log(v / g.variance)));
        g.variance = v;
      }
      setPenalty();
    }
    const objective = penalisedLogLik();
    if (innerConverged && change < 2e-3 && Math.abs(objective - lastObjective) < 1e-6 * (1 + Math.abs(objective))) {
      converged = true;
      break;
    }
    if (innerConverged && change < 1e-5) {
      converged = true;
      break;
    }
    lastObjective = objective;
  }
  assemble();
  const covariance = chol!.solve(Matrix.eye(p, p));
  const variances: Record<string, number> = {};
  for (const g of groups) variances[g.name] = g.variance;
  return {
    names: [...design.names],
    beta,
    theta,
    covariance,
    variances,
    logLik: nbLogLik(yv, mu, theta),
    iterations,
    converged,
    fitted: Float64Array.from(mu),
  };
}
