/**
 * Local search for the Curtois & Qu benchmark: simulated annealing over a penalty
 * `hardWeight * hard + soft` on CurtoisScorer, with moves shaped for the benchmark's
 * constraints (cover-driven insertions and removals, run edges and run slides, swaps of a day,
 * of two days and of a block between two employees). Every move is scored with the scorer's
 * non-allocating peek before it is applied. Deterministic for a seed: the clock is read only
 * to stop and to set the temperature when the schedule is time based (an iteration budget
 * makes the whole run repeatable).
 */
import { FREE, type Score } from '../engine/types.js';
import { Rng } from '../engine/random.js';
import type { CurtoisScorer } from './scorer.js';
import type { RowOptimizer } from './rowdp.js';

export const LS_MOVES = ['change', 'coverAdd', 'coverRemove', 'swapDay', 'block', 'runEdge', 'doubleSwap', 'runSwap'] as const;
export type LsMove = (typeof LS_MOVES)[number];

export interface LocalSearchOptions {
  seed: number;
  /** Wall-clock budget in ms (the temperature follows it unless maxIterations is set). */
  timeLimitMs: number;
  maxIterations?: number;
  /** Weight of one hard unit in the acceptance cost (default 1000). */
  hardWeight?: number;
  /** Start and end temperature of the geometric schedule. */
  tStart?: number;
  tEnd?: number;
  /** Restart from the best rota when nothing improved for this many iterations (0 = never). */
  restartAfter?: number;
  shouldStop?: () => boolean;
  /** Called once, when the first rota with zero hard score is found. */
  onFirstFeasible?: (elapsedMs: number) => void;
  onProgress?: (p: { iteration: number; elapsedMs: number; best: Score; current: Score }) => void;
  progressEveryMs?: number;
  now?: () => number;
  /** Relative move weights, in LS_MOVES order. */
  moveWeights?: readonly number[];
  /**
   * Large neighbourhood: every `dpEvery` iterations, clear 1..dpMaxEmployees employees over a
   * window of days and re-roster them one by one with the exact row optimiser.
   */
  rowOptimizer?: RowOptimizer;
  dpEvery?: number;
  dpMaxEmployees?: number;
  /** Window length in days for the large neighbourhood (default: the whole horizon up to 28). */
  dpWindow?: number;
  /** Re-roster passes over the cleared employees (default 2) and cost noise of the first pass. */
  /** Use the large neighbourhood only once a feasible rota has been found. */
  dpAfterFeasible?: boolean;
  dpPasses?: number;
  dpNoise?: number;
  /**
   * Share of the large-neighbourhood steps that are aimed: at an under-covered day and shift
   * (the window holds the day; half the employees can work the shift) or, with full cover, at
   * an employee with unmet requests. The rest pick employees and window at random. Default 0.
   */
  dpTargeted?: number;
}

export interface LocalSearchResult {
  best: Score;
  rows: Int16Array[];
  iterations: number;
  elapsedMs: number;
  firstFeasibleMs: number | null;
  tried: Record<LsMove, number>;
  accepted: Record<LsMove, number>;
  lnsTried: number;
  lnsAccepted: number;
}

const DEFAULT_WEIGHTS = [10, 14, 6, 16, 12, 16, 10, 6];

/** Moves write cell triples into a shared buffer; each returns the number of cells (0 = none). */
class Moves {
  readonly E: number;
  readonly D: number;
  readonly S: number;
  readonly cells = new Int32Array(3 * 64);
  /** Shifts each employee may work. */
  readonly work: Int32Array[];
  private readonly fixed: Uint8Array;

  constructor(
    private readonly sc: CurtoisScorer,
    private readonly rng: Rng,
  ) {
    this.E = sc.E;
    this.D = sc.D;
    this.S = sc.S;
    this.work = Array.from({ length: sc.E }, (_, e) => Int32Array.from({ length: sc.S }, (_, s) => s).filter((s) => sc.canWork(e, s)));
    this.fixed = new Uint8Array(sc.E * sc.D);
    for (let e = 0; e < sc.E; e++) for (let d = 0; d < sc.D; d++) this.fixed[e * sc.D + d] = sc.isFixed(e, d) ? 1 : 0;
  }

  private isFixed(e: number, d: number): boolean {
    return this.fixed[e * this.D + d] === 1;
  }

  private put(n: number, e: number, d: number, s: number): number {
    const c = this.cells;
    c[3 * n] = e;
    c[3 * n + 1] = d;
    c[3 * n + 2] = s;
    return n + 1;
  }

  /** A random value for (e, d) other than `cur`: off or a shift e may work. */
  private otherValue(e: number, cur: number): number {
    const w = this.work[e];
    if (w.length === 0) return FREE;
    for (let tries = 0; tries < 4; tries++) {
      const i = this.rng.int(w.length + 1);
      const v = i === w.length ? FREE : w[i];
      if (v !== cur) return v;
    }
    return cur === FREE ? w[0] : FREE;
  }

  private randomShift(e: number): number {
    const w = this.work[e];
    return w.length === 0 ? FREE : w[this.rng.int(w.length)];
  }

  change(): number {
    const e = this.rng.int(this.E);
    const d = this.rng.int(this.D);
    if (this.isFixed(e, d)) return 0;
    return this.put(0, e, d, this.otherValue(e, this.sc.get(e, d)));
  }

  /** Someone takes an under-covered shift (possibly for two days, so no one-day run is made). */
  coverAdd(): number {
    const sc = this.sc;
    const d = this.rng.int(this.D);
    let pick = -1;
    let seen = 0;
    for (let s = 0; s < this.S; s++)
      if (sc.coverCount(d, s) < sc.requirement(d, s) && this.rng.int(++seen) === 0) pick = s;
    if (pick < 0) return 0;
    for (let tries = 0; tries < 8; tries++) {
      const e = this.rng.int(this.E);
      if (this.isFixed(e, d) || !sc.canWork(e, pick) || sc.get(e, d) === pick) continue;
      let n = this.put(0, e, d, pick);
      if (sc.get(e, d) === FREE && this.rng.next() < 0.5) {
        // Also work the day before or after when that day is off, to avoid a 1-day run.
        const d2 = this.rng.next() < 0.5 ? d - 1 : d + 1;
        if (d2 >= 0 && d2 < this.D && !this.isFixed(e, d2) && sc.get(e, d2) === FREE) n = this.put(n, e, d2, this.randomShift(e));
      }
      return n;
    }
    return 0;
  }

  /** Someone on an over-covered shift goes off or to another shift. */
  coverRemove(): number {
    const sc = this.sc;
    const d = this.rng.int(this.D);
    let pick = -1;
    let seen = 0;
    for (let s = 0; s < this.S; s++)
      if (sc.coverCount(d, s) > sc.requirement(d, s) && this.rng.int(++seen) === 0) pick = s;
    if (pick < 0) return 0;
    const start = this.rng.int(this.E);
    for (let i = 0; i < this.E; i++) {
      const e = (start + i) % this.E;
      if (sc.get(e, d) !== pick) continue;
      return this.put(0, e, d, this.rng.next() < 0.5 ? FREE : this.otherValue(e, pick));
    }
    return 0;
  }

  private swapDays(e1: number, e2: number, d0: number, d1: number): number {
    const sc = this.sc;
    let n = 0;
    for (let d = d0; d <= d1; d++) {
      if (this.isFixed(e1, d) || this.isFixed(e2, d)) return 0;
      const a = sc.get(e1, d);
      const b = sc.get(e2, d);
      if (a === b) continue;
      if ((b !== FREE && !sc.canWork(e1, b)) || (a !== FREE && !sc.canWork(e2, a))) return 0;
      if (n >= 30) return 0;
      n = this.put(n, e1, d, b);
      n = this.put(n, e2, d, a);
    }
    return n;
  }

  swapDay(): number {
    const e1 = this.rng.int(this.E);
    const e2 = this.rng.int(this.E);
    if (e1 === e2) return 0;
    const d = this.rng.int(this.D);
    return this.swapDays(e1, e2, d, d);
  }

  block(): number {
    const e1 = this.rng.int(this.E);
    const e2 = this.rng.int(this.E);
    if (e1 === e2) return 0;
    const k = 2 + this.rng.int(6);
    const d0 = this.rng.int(Math.max(1, this.D - k + 1));
    return this.swapDays(e1, e2, d0, Math.min(this.D - 1, d0 + k - 1));
  }

  /** Swap, between two employees, the days of a whole work run of the first. */
  runSwap(): number {
    const sc = this.sc;
    const e1 = this.rng.int(this.E);
    const e2 = this.rng.int(this.E);
    if (e1 === e2) return 0;
    const d = this.rng.int(this.D);
    const row = sc.row(e1);
    const work = row[d] !== FREE;
    let a = d;
    let b = d;
    while (a > 0 && (row[a - 1] !== FREE) === work) a--;
    while (b < this.D - 1 && (row[b + 1] !== FREE) === work) b++;
    if (b - a > 13) return 0;
    return this.swapDays(e1, e2, a, b);
  }

  /** Two days of a pair of employees swapped (keeps both employees' workload when they mirror). */
  doubleSwap(): number {
    const e1 = this.rng.int(this.E);
    const e2 = this.rng.int(this.E);
    if (e1 === e2) return 0;
    const d1 = this.rng.int(this.D);
    const d2 = d1 + (this.rng.next() < 0.5 ? -1 : 1) * (1 + this.rng.int(7));
    if (d2 < 0 || d2 >= this.D) return 0;
    const n1 = this.swapDays(e1, e2, d1, d1);
    if (n1 === 0) return 0;
    const sc = this.sc;
    if (this.isFixed(e1, d2) || this.isFixed(e2, d2)) return 0;
    const a = sc.get(e1, d2);
    const b = sc.get(e2, d2);
    if (a === b) return 0;
    if ((b !== FREE && !sc.canWork(e1, b)) || (a !== FREE && !sc.canWork(e2, a))) return 0;
    let n = this.put(n1, e1, d2, b);
    n = this.put(n, e2, d2, a);
    return n;
  }

  /** Move the edge of a run by one day, or slide a whole work run by one day. */
  runEdge(): number {
    const sc = this.sc;
    const e = this.rng.int(this.E);
    const row = sc.row(e);
    const D = this.D;
    // Find a boundary d | d+1 starting from a random day.
    const start = this.rng.int(D);
    let d = -1;
    for (let i = 0; i < D - 1; i++) {
      const x = (start + i) % (D - 1);
      if ((row[x] === FREE) !== (row[x + 1] === FREE)) {
        d = x;
        break;
      }
    }
    if (d < 0) return 0;
    const r = this.rng.next();
    if (r < 0.35) {
      // Left cell takes the right cell's kind.
      if (this.isFixed(e, d)) return 0;
      return this.put(0, e, d, row[d + 1] === FREE ? FREE : this.rng.next() < 0.6 ? row[d + 1] : this.randomShift(e));
    }
    if (r < 0.7) {
      if (this.isFixed(e, d + 1)) return 0;
      return this.put(0, e, d + 1, row[d] === FREE ? FREE : this.rng.next() < 0.6 ? row[d] : this.randomShift(e));
    }
    // Slide the work run that starts or ends at this boundary by one day.
    if (row[d] === FREE) {
      // Run starts at d+1: find its end b; move to d..b-1.
      let b = d + 1;
      while (b + 1 < D && row[b + 1] !== FREE) b++;
      if (this.isFixed(e, d)) return 0;
      let n = 0;
      for (let x = d; x < b; x++) n = this.put(n, e, x, row[x + 1]);
      n = this.put(n, e, b, FREE);
      return n > 30 ? 0 : n;
    }
    // Run ends at d: find its start a; move to a+1..d+1.
    let a = d;
    while (a > 0 && row[a - 1] !== FREE) a--;
    if (this.isFixed(e, d + 1)) return 0;
    let n = 0;
    for (let x = d + 1; x > a; x--) n = this.put(n, e, x, row[x - 1]);
    n = this.put(n, e, a, FREE);
    return n > 30 ? 0 : n;
  }

  pick(kind: number): number {
    switch (kind) {
      case 0:
        return this.change();
      case 1:
        return this.coverAdd();
      case 2:
        return this.coverRemove();
      case 3:
        return this.swapDay();
      case 4:
        return this.block();
      case 5:
        return this.runEdge();
      case 6:
        return this.doubleSwap();
      default:
        return this.runSwap();
    }
  }
}

export function localSearch(sc: CurtoisScorer, opts: LocalSearchOptions): LocalSearchResult {
  const now = opts.now ?? (() => performance.now());
  const t0 = now();
  const rng = new Rng(opts.seed);
  const moves = new Moves(sc, rng);
  const hw = opts.hardWeight ?? 1000;
  const weights = opts.moveWeights ?? DEFAULT_WEIGHTS;
  const cum = new Float64Array(weights.length);
  let acc = 0;
  weights.forEach((w, i) => (cum[i] = acc += w));
  const totalW = acc;
  const tStart = opts.tStart ?? 20;
  const tEnd = opts.tEnd ?? 0.3;
  const maxIt = opts.maxIterations ?? Infinity;
  const budget = Number.isFinite(maxIt) ? maxIt : opts.timeLimitMs;
  const restartAfter = opts.restartAfter ?? 0;
  const tried = Object.fromEntries(LS_MOVES.map((k) => [k, 0])) as Record<LsMove, number>;
  const accepted = Object.fromEntries(LS_MOVES.map((k) => [k, 0])) as Record<LsMove, number>;
  const triedA = new Float64Array(LS_MOVES.length);
  const acceptedA = new Float64Array(LS_MOVES.length);

  let hard = sc.hard;
  let soft = sc.soft;
  let best: Score = { hard, soft };
  let bestRows = sc.snapshot();
  // The best rota is copied lazily: only when the search is about to leave it.
  let atBest = true;
  let dirty = false;
  const keepBest = () => {
    if (atBest && dirty) {
      bestRows = sc.snapshot();
      dirty = false;
    }
  };
  let firstFeasibleMs: number | null = hard === 0 ? 0 : null;
  if (firstFeasibleMs !== null) opts.onFirstFeasible?.(0);
  let lastImprove = 0;
  let it = 0;
  let T = tStart;
  let lastProgress = t0;
  const cells = moves.cells;
  const dp = opts.rowOptimizer;
  const dpEvery = opts.dpEvery ?? 0;
  const dpMaxK = Math.min(sc.E, opts.dpMaxEmployees ?? 4);
  const dpWin = Math.min(sc.D, opts.dpWindow ?? 28);
  const noise = new Float64Array(dpWin * (sc.S + 1));
  const dpPasses = opts.dpPasses ?? 2;
  const dpAfterFeasible = opts.dpAfterFeasible ?? false;
  const dpNoise = opts.dpNoise ?? 2;
  const lnsUndo: number[] = [];
  const dpTargeted = opts.dpTargeted ?? 0;
  const under: number[] = [];
  /** Aims a large-neighbourhood step (see dpTargeted): fills `emps`, returns the window start. */
  const aimLns = (k: number, emps: number[], a0: number): number => {
    under.length = 0;
    for (let d = 0; d < sc.D; d++) for (let s = 0; s < sc.S; s++) if (sc.coverCount(d, s) < sc.requirement(d, s)) under.push(d, s);
    if (under.length > 0) {
      const i = 2 * rng.int(under.length / 2);
      const d = under[i];
      const s = under[i + 1];
      const a = Math.max(0, Math.min(sc.D - dpWin, d - rng.int(dpWin)));
      const want = Math.max(1, k >> 1);
      for (let tries = 0; tries < 8 * sc.E && emps.length < want; tries++) {
        const e = rng.int(sc.E);
        if (!emps.includes(e) && sc.canWork(e, s) && sc.get(e, d) !== s && !sc.isFixed(e, d)) emps.push(e);
      }
      return a;
    }
    // Full cover: the employee with the largest own penalty among a few sampled.
    let pick = -1;
    let worst = -1;
    for (let t = 0; t < 4; t++) {
      const e = rng.int(sc.E);
      const p = sc.employeeScore(e).soft;
      if (p > worst) {
        worst = p;
        pick = e;
      }
    }
    if (pick >= 0) emps.push(pick);
    return a0;
  };
  let lnsTried = 0;
  let lnsAccepted = 0;
  for (;;) {
    if (it >= maxIt) break;
    if ((it & 1023) === 0) {
      const t = now();
      const elapsed = t - t0;
      if (elapsed >= opts.timeLimitMs || opts.shouldStop?.()) break;
      const frac = Math.min(1, (Number.isFinite(maxIt) ? it : elapsed) / budget);
      T = tStart * Math.pow(tEnd / tStart, frac);
      if (opts.onProgress && t - lastProgress >= (opts.progressEveryMs ?? 250)) {
        lastProgress = t;
        opts.onProgress({ iteration: it, elapsedMs: elapsed, best, current: { hard, soft } });
      }
      if (restartAfter > 0 && it - lastImprove > restartAfter && !atBest) {
        // Back to the best rota.
        const cur = sc.snapshot();
        const back: number[] = [];
        for (let e = 0; e < sc.E; e++) for (let d = 0; d < sc.D; d++) if (cur[e][d] !== bestRows[e][d]) back.push(e, d, bestRows[e][d]);
        if (back.length) sc.setFlat(Int32Array.from(back), back.length / 3);
        hard = sc.hard;
        soft = sc.soft;
        lastImprove = it;
        atBest = true;
      }
    }
    it++;
    if (dp && dpEvery > 0 && it % dpEvery === 0 && (!dpAfterFeasible || best.hard === 0)) {
      // Ruin and recreate k employees over a window with the exact row optimiser.
      lnsTried++;
      let a = rng.int(sc.D - dpWin + 1);
      const k = 1 + rng.int(dpMaxK);
      const emps: number[] = [];
      if (dpTargeted > 0 && rng.next() < dpTargeted) a = aimLns(k, emps, a);
      const b = a + dpWin - 1;
      while (emps.length < k) {
        const e = rng.int(sc.E);
        if (!emps.includes(e)) emps.push(e);
      }
      keepBest();
      lnsUndo.length = 0;
      for (const e of emps)
        for (let d = a; d <= b; d++) {
          const v = sc.get(e, d);
          if (v !== FREE) {
            lnsUndo.push(e, d, v);
            sc.set(e, d, FREE);
          }
        }
      let fail = false;
      for (let pass = 0; pass < dpPasses && !fail; pass++)
        for (const e of rng.shuffle(emps)) {
          for (let i = 0; i < noise.length; i++) noise[i] = pass === 0 ? rng.next() * dpNoise : 0;
          const res = dp.optimize(sc, e, a, b, hw, noise);
          if (!res) {
            fail = true;
            break;
          }
          for (let i = 0; i < res.values.length; i++) {
            const d = a + i;
            const old = sc.get(e, d);
            if (old === res.values[i]) continue;
            lnsUndo.push(e, d, old);
            sc.set(e, d, res.values[i]);
          }
        }
      const delta = (sc.hard - hard) * hw + (sc.soft - soft);
      if (!fail && (delta <= 0 || rng.next() < Math.exp(-delta / T))) {
        lnsAccepted++;
        hard = sc.hard;
        soft = sc.soft;
        if (hard < best.hard || (hard === best.hard && soft < best.soft)) {
          best = { hard, soft };
          dirty = true;
          atBest = true;
          lastImprove = it;
          if (hard === 0 && firstFeasibleMs === null) {
            firstFeasibleMs = now() - t0;
            opts.onFirstFeasible?.(firstFeasibleMs);
          }
        } else if (lnsUndo.length > 0) atBest = false;
      } else for (let i = lnsUndo.length - 3; i >= 0; i -= 3) sc.set(lnsUndo[i], lnsUndo[i + 1], lnsUndo[i + 2]);
      continue;
    }
    const r = rng.next() * totalW;
    let kind = 0;
    while (cum[kind] <= r) kind++;
    const n = moves.pick(kind);
    if (n === 0) continue;
    triedA[kind]++;
    sc.peekFlat(cells, n);
    const delta = (sc.peekHard - hard) * hw + (sc.peekSoft - soft);
    if (delta <= 0 || rng.next() < Math.exp(-delta / T)) {
      const nh = sc.peekHard;
      const ns = sc.peekSoft;
      const improves = nh < best.hard || (nh === best.hard && ns < best.soft);
      if (!improves) keepBest();
      sc.setFlat(cells, n);
      hard = nh;
      soft = ns;
      acceptedA[kind]++;
      if (improves) {
        best = { hard, soft };
        dirty = true;
        atBest = true;
        lastImprove = it;
        if (hard === 0 && firstFeasibleMs === null) {
            firstFeasibleMs = now() - t0;
            opts.onFirstFeasible?.(firstFeasibleMs);
          }
      } else atBest = false;
    }
  }
  keepBest();
  LS_MOVES.forEach((k, i) => {
    tried[k] = triedA[i];
    accepted[k] = acceptedA[i];
  });
  return { best, rows: bestRows, iterations: it, elapsedMs: now() - t0, firstFeasibleMs, tried, accepted, lnsTried, lnsAccepted };
}
