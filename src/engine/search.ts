/**
 * The local search: Late Acceptance Hill Climbing over rota moves, on any IncrementalScorer.
 *
 * Moves (src/engine/moves.ts): change one cell, swap two employees' cells on a day, swap a
 * block of days (whole runs, whole weekends) between two employees, and ruin-and-recreate a
 * window of days for a few employees (a large neighbourhood, rebuilt greedily cell by cell).
 * Every move is scored incrementally (peekMany) before it is applied. The search is anytime:
 * the best rota so far is kept and reported; it honours a deadline and a stop flag and is
 * deterministic for a given seed (the clock is read only to stop, never to decide).
 */
import { compareScores, FREE, type Change, type IncrementalScorer, type Score } from './types.js';
import { Rng } from './random.js';
import { pickMove, recreate, type MoveKind, MOVE_KINDS } from './moves.js';

export interface SearchOptions {
  seed: number;
  /** Wall-clock budget in milliseconds. */
  timeLimitMs: number;
  /** Stop after this many iterations (for deterministic tests); default unlimited. */
  maxIterations?: number;
  /** Weight of one unit of hard score against soft in the acceptance cost. */
  hardWeight?: number;
  /** Late-acceptance history length. */
  lahcLength?: number;
  /** Recompute the score from scratch after every applied move and fail on any drift. */
  fullAssert?: boolean;
  /** Saturdays (day indices), for weekend moves. */
  weekendStarts?: number[];
  /** Polled every few hundred iterations; true stops the search. */
  shouldStop?: () => boolean;
  onProgress?: (p: SearchProgress) => void;
  progressEveryMs?: number;
  now?: () => number;
}

export interface SearchProgress {
  iteration: number;
  elapsedMs: number;
  best: Score;
  current: Score;
  /** 0..1 of the time budget used. */
  fraction: number;
}

export interface SearchResult {
  best: Score;
  rows: Int16Array[];
  iterations: number;
  elapsedMs: number;
  /** Milliseconds until the first rota with zero hard score (null if never). */
  firstFeasibleMs: number | null;
  accepted: Record<MoveKind, number>;
  tried: Record<MoveKind, number>;
  stoppedBy: 'time' | 'iterations' | 'stop';
}

export function search(scorer: IncrementalScorer, opts: SearchOptions): SearchResult {
  const now = opts.now ?? (() => performance.now());
  const t0 = now();
  const rng = new Rng(opts.seed);
  const hw = opts.hardWeight ?? 1000;
  const cost = (s: Score) => s.hard * hw + s.soft;
  const L = opts.lahcLength ?? 2000;
  let current = scorer.score();
  let curCost = cost(current);
  const history = new Float64Array(L).fill(curCost);
  let best = current;
  let bestRows = scorer.snapshot();
  let firstFeasibleMs: number | null = current.hard === 0 ? 0 : null;
  const accepted = Object.fromEntries(MOVE_KINDS.map((k) => [k, 0])) as Record<MoveKind, number>;
  const tried = Object.fromEntries(MOVE_KINDS.map((k) => [k, 0])) as Record<MoveKind, number>;
  const progressEvery = opts.progressEveryMs ?? 250;
  let lastProgress = t0;
  let it = 0;
  let stoppedBy: SearchResult['stoppedBy'] = 'time';
  const maxIt = opts.maxIterations ?? Infinity;
  const ctx = { scorer, rng, weekendStarts: opts.weekendStarts ?? [] };

  for (;;) {
    if (it >= maxIt) {
      stoppedBy = 'iterations';
      break;
    }
    if ((it & 255) === 0) {
      const t = now();
      if (t - t0 >= opts.timeLimitMs) break;
      if (opts.shouldStop?.()) {
        stoppedBy = 'stop';
        break;
      }
      if (opts.onProgress && t - lastProgress >= progressEvery) {
        lastProgress = t;
        opts.onProgress({ iteration: it, elapsedMs: t - t0, best, current, fraction: Math.min(1, (t - t0) / opts.timeLimitMs) });
      }
    }
    it++;
    const move = pickMove(ctx);
    if (!move) continue;
    tried[move.kind]++;
    let candidate: Score;
    let applied = false;
    let undo: Change[] | null = null;
    if (move.kind === 'ruin') {
      // Large neighbourhood: clear the window, rebuild greedily, keep or roll back.
      undo = move.changes.map(([e, d]) => [e, d, scorer.get(e, d)] as const);
      scorer.setMany(move.changes);
      recreate(ctx, move.changes);
      candidate = scorer.score();
      applied = true;
    } else candidate = scorer.peekMany(move.changes);
    const c = cost(candidate);
    const slot = it % L;
    if (c <= curCost || c <= history[slot]) {
      if (!applied) scorer.setMany(move.changes);
      current = candidate;
      curCost = c;
      accepted[move.kind]++;
      if (opts.fullAssert) assertNoDrift(scorer);
      if (compareScores(current, best) < 0) {
        best = current;
        bestRows = scorer.snapshot();
        if (best.hard === 0 && firstFeasibleMs === null) firstFeasibleMs = now() - t0;
      }
    } else if (applied && undo) {
      // Roll back: recreate only touches the cells the ruin cleared.
      scorer.setMany(undo);
      if (opts.fullAssert) assertNoDrift(scorer);
    }
    history[slot] = curCost;
  }
  // A last report, so that even a search cut short on a loaded machine has said where it got.
  const elapsed = now() - t0;
  opts.onProgress?.({ iteration: it, elapsedMs: elapsed, best, current, fraction: stoppedBy === 'time' ? 1 : Math.min(1, elapsed / opts.timeLimitMs) });
  return {
    best,
    rows: bestRows,
    iterations: it,
    elapsedMs: now() - t0,
    firstFeasibleMs,
    accepted,
    tried,
    stoppedBy,
  };
}

function assertNoDrift(scorer: IncrementalScorer): void {
  const inc = scorer.score();
  const full = scorer.scoreFromScratch();
  if (Math.abs(inc.hard - full.hard) > 1e-6 || Math.abs(inc.soft - full.soft) > 1e-6)
    throw new Error(`full assert: incremental ${JSON.stringify(inc)} ≠ from scratch ${JSON.stringify(full)}`);
}

export { FREE };
