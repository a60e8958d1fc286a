/**
 * The Curtois & Qu solver (single thread): simulated annealing over CurtoisScorer with
 * benchmark-shaped moves (src/curtois/local.ts), interleaved with a large neighbourhood that
 * clears a few employees over a window of days and re-rosters them one by one with an exact
 * dynamic programme (src/curtois/rowdp.ts). The search starts from an empty rota; the hard
 * constraints are weighted into the acceptance cost, so it first reaches a feasible rota and
 * then lowers the penalty. Beyond 12 weeks and before a dive, a constructed rota
 * (construct.ts) comes first: the first feasible rota, and the fallback. Anytime;
 * deterministic for a seed when an iteration budget is given. `solveCurtoisParallel` (parallel.ts) runs a portfolio of these in worker
 * threads.
 */
import { compareScores, type Score } from '../engine/types.js';
import type { CurtoisInstance } from './parse.js';
import { CurtoisScorer } from './scorer.js';
import { localSearch, type LocalSearchOptions } from './local.js';
import { RowOptimizer } from './rowdp.js';
import type { Highs } from 'highs';
import { subMipSearch, type SubMipOptions } from './submip.js';
import { priceAndDive } from './colgen.js';
import { constructRota, repairRota } from './construct.js';

export interface CurtoisSolveOptions {
  /** Wall-clock budget in seconds. */
  seconds: number;
  seed?: number;
  /** Iteration budget (makes the run repeatable; the time limit still applies). */
  maxIterations?: number;
  /** Start rota (rows of shift indices, -1 = off); default empty. */
  initial?: readonly ArrayLike<number>[];
  shouldStop?: () => boolean;
  onFirstFeasible?: (elapsedMs: number) => void;
  onProgress?: (p: { iteration: number; elapsedMs: number; best: Score; current: Score }) => void;
  /** Parameter overrides (tuning). */
  params?: Partial<LocalSearchOptions>;
  now?: () => number;
  /**
   * A loaded HiGHS runtime (mip.ts loadHighs): with it, once the annealing has had `subMipAfter`
   * of the time and holds a feasible rota, the rest of the time goes to the exact large
   * neighbourhood of submip.ts. Not used with an iteration budget (it is time based).
   */
  highs?: Highs;
  /** Share of the time for the annealing before the exact neighbourhood (default from defaultParams). */
  subMipAfter?: number;
  /**
   * Called with an anytime result to keep: the constructed rota (when built), the dive's or the
   * annealing's rota before the exact neighbourhood starts.
   */
  onAnnealed?: (result: CurtoisSolveResult) => void;
  /**
   * With `highs`: the share of the time for column generation with diving (colgen.ts) first; its
   * rota then goes to the exact large neighbourhood for the rest of the time. When the dive
   * yields no feasible rota, the annealing runs in the time left.
   */
  dive?: number;
  /** Overrides of the exact neighbourhood's parameters (tuning). */
  subMipParams?: Partial<Pick<SubMipOptions, 'stepLimitMs' | 'windowShare' | 'windowDays' | 'relatedShare'>>;
}

export interface CurtoisSolveResult {
  rows: Int16Array[];
  /** hard = weighted violation measure (0 = feasible); soft = benchmark penalty. */
  score: Score;
  firstFeasibleMs: number | null;
  iterations: number;
  elapsedMs: number;
  lnsTried: number;
  lnsAccepted: number;
  /** When the exact model ran (portfolio worker on a small instance): its status and proven lower bound. */
  mip?: { status: string; bound: number | null };
  /** When the column generation dive ran: its root LP value and the penalty of its rota. */
  dive?: { rootBound: number | null; penalty: number };
  /** When the exact large neighbourhood ran: sub-problems solved and how many improved the rota. */
  subMip?: { steps: number; improved: number; softBefore: number };
}

/** Default search parameters for an instance (by its size). */
export function defaultParams(inst: CurtoisInstance): Partial<LocalSearchOptions> {
  const D = inst.horizon;
  const long = D > 28;
  return {
    hardWeight: 300,
    tStart: 100,
    tEnd: 2,
    dpPasses: 3,
    dpNoise: 10,
    dpMaxEmployees: 4,
    dpWindow: long ? 14 : D,
    dpEvery: long ? 5000 : 2000,
    dpAfterFeasible: long,
    // Aimed large-neighbourhood steps pay on the 4-week and longer instances (3-seed runs on
    // Instances 5 and 9); on the 2-week ones they made no difference or worse.
    dpTargeted: D >= 28 ? 1 : 0,
  };
}

/**
 * Share of the time the annealing gets before the exact large neighbourhood takes over, or
 * undefined where it is not used. Up to 12 weeks (Instances 1–19) it pays (measured single-thread
 * at 60 s on Instances 7–12, 14, 16 and 18; see README.md); the 26- and 52-week instances are not
 * measured with it yet. If the annealing holds no feasible rota at the hand-over, it goes on.
 */
export function subMipShare(inst: CurtoisInstance): number | undefined {
  return inst.horizon <= 84 ? 0.4 : undefined;
}

/**
 * Share of the time for column generation with diving (colgen.ts) before the exact large
 * neighbourhood, or undefined where it is not used: up to 12 weeks, like the exact
 * neighbourhood. A dive that finishes early leaves the rest to the neighbourhood.
 */
export function diveShare(inst: CurtoisInstance): number | undefined {
  return inst.horizon <= 84 ? 0.7 : undefined;
}

/**
 * Whether a run starts from the construction heuristic (construct.ts) rather than an empty rota:
 * beyond 12 weeks, where the annealing from empty needed up to 190 s for a feasible rota on
 * Instance 24 (and once missed it in 600 s) while the construction is feasible in 15 s; and
 * before a dive, which gives no rota until it ends. Not in the repeatable iteration-budget mode.
 */
export function constructsFirst(inst: CurtoisInstance, opts: Pick<CurtoisSolveOptions, 'initial' | 'dive' | 'highs' | 'maxIterations'>): boolean {
  if (opts.initial !== undefined || opts.maxIterations !== undefined) return false;
  return inst.horizon > 84 || (opts.dive !== undefined && opts.highs !== undefined);
}

export function solveCurtois(inst: CurtoisInstance, opts: CurtoisSolveOptions): CurtoisSolveResult {
  return constructsFirst(inst, opts) ? searchAfterConstruction(inst, opts) : search(inst, opts);
}

/**
 * Construction first (the first feasible rota and an anytime result), then the search from an
 * empty rota, as without the construction: from the constructed rota (every row packed to its
 * limits around a poor cover) the annealing hardly moves (Instance 22, 60 s: 117 970 -> 114 466;
 * from empty: 41 521). Time is kept back to repair the search's best rota should it end
 * infeasible; the constructed rota is the fallback.
 */
function searchAfterConstruction(inst: CurtoisInstance, opts: CurtoisSolveOptions): CurtoisSolveResult {
  const now = opts.now ?? (() => performance.now());
  const t0 = now();
  const built = constructRota(inst, { seed: opts.seed, timeLimitMs: opts.seconds * 1000, now, shouldStop: opts.shouldStop });
  const builtMs = now() - t0;
  const feasible = built.complete && built.score.hard === 0;
  if (feasible) opts.onFirstFeasible?.(builtMs);
  opts.onAnnealed?.({ rows: built.rows, score: built.score, firstFeasibleMs: feasible ? builtMs : null, iterations: 0, elapsedMs: builtMs, lnsTried: 0, lnsAccepted: 0 });
  const reserveMs = inst.horizon > 84 ? Math.min(20_000, opts.seconds * 100) : Math.min(2_000, opts.seconds * 50);
  const rest = search(inst, {
    ...opts,
    seconds: Math.max(0.05, opts.seconds - (builtMs + reserveMs) / 1000),
    onFirstFeasible: feasible || !opts.onFirstFeasible ? undefined : (ms) => opts.onFirstFeasible!(ms + builtMs),
  });
  let { rows, score } = rest;
  if (score.hard > 0) {
    const fixed = repairRota(inst, rows, { timeLimitMs: opts.seconds * 1000 - (now() - t0), now, shouldStop: opts.shouldStop });
    if (compareScores(fixed.score, score) < 0) ({ rows, score } = fixed);
    if (score.hard === 0 && !feasible) opts.onFirstFeasible?.(now() - t0);
  }
  if (compareScores(built.score, score) < 0) ({ rows, score } = built);
  const firstFeasibleMs = feasible ? builtMs : rest.firstFeasibleMs !== null ? rest.firstFeasibleMs + builtMs : score.hard === 0 ? now() - t0 : null;
  return { ...rest, rows, score, firstFeasibleMs, elapsedMs: now() - t0 };
}

/** The search proper: the dive (with `dive` and `highs`) or the annealing, each then the exact neighbourhood where it is used. */
function search(inst: CurtoisInstance, opts: CurtoisSolveOptions): CurtoisSolveResult {
  const now = opts.now ?? (() => performance.now());
  const t0 = now();
  /** The exact large neighbourhood from `rows` until the deadline. */
  const polish = (rows: readonly ArrayLike<number>[], iteration: number) =>
    subMipSearch(inst, rows, {
      ...opts.subMipParams,
      highs: opts.highs!,
      seed: (opts.seed ?? 1) + 1,
      timeLimitMs: opts.seconds * 1000 - (now() - t0),
      shouldStop: opts.shouldStop,
      now,
      onImprove: opts.onProgress ? (best) => opts.onProgress!({ iteration, elapsedMs: now() - t0, best, current: best }) : undefined,
    });
  if (opts.dive !== undefined && opts.highs && opts.maxIterations === undefined) {
    const dive = priceAndDive(inst, { highs: opts.highs, timeLimitMs: opts.seconds * 1000 * opts.dive, shouldStop: opts.shouldStop, now });
    const rest = { ...opts, dive: undefined, seconds: Math.max(0.05, opts.seconds - (now() - t0) / 1000) };
    if (!dive.rows || !dive.score || dive.score.hard > 0) return search(inst, rest);
    const elapsed = now() - t0;
    opts.onFirstFeasible?.(elapsed);
    const base = { firstFeasibleMs: elapsed, iterations: 0, lnsTried: 0, lnsAccepted: 0, dive: { rootBound: dive.rootBound, penalty: dive.score.soft } };
    opts.onAnnealed?.({ ...base, rows: dive.rows, score: dive.score, elapsedMs: elapsed });
    const sub = polish(dive.rows, 0);
    return { ...base, rows: sub.rows, score: sub.score, elapsedMs: now() - t0, subMip: { steps: sub.steps, improved: sub.improved, softBefore: dive.score.soft } };
  }
  const share = opts.highs && opts.maxIterations === undefined ? (opts.subMipAfter ?? subMipShare(inst)) : undefined;
  const anneal = (start: readonly ArrayLike<number>[] | undefined, seed: number, timeLimitMs: number, extra: Partial<LocalSearchOptions>) =>
    localSearch(new CurtoisScorer(inst, start), {
      ...defaultParams(inst),
      ...opts.params,
      seed,
      timeLimitMs,
      shouldStop: opts.shouldStop,
      onProgress: opts.onProgress,
      now: opts.now,
      rowOptimizer: new RowOptimizer(inst),
      ...extra,
    });
  const res = anneal(opts.initial, opts.seed ?? 1, opts.seconds * 1000 * (share ?? 1), {
    maxIterations: opts.maxIterations,
    onFirstFeasible: opts.onFirstFeasible,
  });
  // Re-score the best rota from scratch (the incremental score is checked, not trusted).
  const check = new CurtoisScorer(inst, res.rows).scoreFromScratch();
  if (check.hard !== res.best.hard || check.soft !== res.best.soft)
    throw new Error(`internal error: best score ${JSON.stringify(res.best)} != recomputed ${JSON.stringify(check)}`);
  let rows = res.rows;
  let score = check;
  let subMip: CurtoisSolveResult['subMip'];
  if (share !== undefined && check.hard > 0 && !opts.shouldStop?.()) {
    // Not feasible yet at the hand-over: the annealing goes on, from its best rota, to the end.
    const more = anneal(rows, (opts.seed ?? 1) + 2, opts.seconds * 1000 - (now() - t0), {
      onFirstFeasible: opts.onFirstFeasible ? (ms) => opts.onFirstFeasible!(ms + res.elapsedMs) : undefined,
    });
    const again = new CurtoisScorer(inst, more.rows).scoreFromScratch();
    if (again.hard < score.hard || (again.hard === score.hard && again.soft < score.soft)) {
      rows = more.rows;
      score = again;
    }
    return { rows, score, firstFeasibleMs: res.firstFeasibleMs ?? (more.firstFeasibleMs === null ? null : more.firstFeasibleMs + res.elapsedMs), iterations: res.iterations + more.iterations, elapsedMs: now() - t0, lnsTried: res.lnsTried + more.lnsTried, lnsAccepted: res.lnsAccepted + more.lnsAccepted };
  }
  if (share !== undefined && opts.highs && check.hard === 0 && !opts.shouldStop?.()) {
    opts.onAnnealed?.({ rows, score, firstFeasibleMs: res.firstFeasibleMs, iterations: res.iterations, elapsedMs: now() - t0, lnsTried: res.lnsTried, lnsAccepted: res.lnsAccepted });
    const sub = polish(rows, res.iterations);
    subMip = { steps: sub.steps, improved: sub.improved, softBefore: check.soft };
    rows = sub.rows;
    score = sub.score;
  }
  return {
    rows,
    score,
    subMip,
    firstFeasibleMs: res.firstFeasibleMs,
    iterations: res.iterations,
    elapsedMs: now() - t0,
    lnsTried: res.lnsTried,
    lnsAccepted: res.lnsAccepted,
  };
}
