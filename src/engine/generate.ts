/**
 * Generate a rota for a plan (pure, single thread): vacations placed for annual rotas,
 * construction, then local search over the one rule catalogue, then the result is checked by
 * the same checker a leader uses, and a shortfall is explained in numbers.
 */
import type { Plan } from '../core/model/plan.js';
import { buildContext } from '../core/eval/context.js';
import { ScoreDirector } from '../core/eval/score.js';
import { assignmentsFromRows, checkRows, rowsFromAssignments, type CheckResult } from '../core/eval/checker.js';
import { Rng } from './random.js';
import { constructRota } from './construct.js';
import { search, type SearchProgress, type SearchResult } from './search.js';
import { placeVacations } from './vacations.js';
import { explainShortfall, type Shortfall } from './explain.js';
import { repairHard } from './repair.js';
import { balanceHours, fillPass, repairStaffing, trimPass } from './polish.js';
import { compareScores, type IncrementalScorer, type Score } from './types.js';

export interface GenerateOptions {
  seconds: number;
  /** Epoch ms by which the search must end (default: now + seconds). Repair and the final check follow it. */
  deadline?: number;
  seed?: number;
  maxIterations?: number;
  fullAssert?: boolean;
  shouldStop?: () => boolean;
  onProgress?: (p: SearchProgress) => void;
  /** Called at most once a second, from the search, with the best rota so far (for anytime use). */
  onBestRows?: (rows: Int16Array[], score: Score) => void;
}

export interface GenerateResult {
  plan: Plan;
  score: Score;
  check: CheckResult;
  search: Omit<SearchResult, 'rows'>;
  shortfall: Shortfall;
  placedVacations: number;
  /** Cells freed by the final repair to remove a remaining breach of law. */
  repaired: number;
}

/** Time kept back from the search for the final repair and check. */
const FINISH_RESERVE_MS = 150;

export function generateRota(input: Plan, opts: GenerateOptions): GenerateResult {
  const deadline = opts.deadline ?? Date.now() + opts.seconds * 1000;
  const seed = opts.seed ?? 1;
  const rng = new Rng(seed ^ 0x5bd1e995);
  const { plan, placed } = placeVacations(input);
  const ctx = buildContext(plan);
  const sd = new ScoreDirector(ctx, rowsFromAssignments(ctx, plan));
  // Keep back time for the finish (polish, repair, the full check): a few full evaluations,
  // timed warm (the first evaluation in a fresh thread also pays for loading and compiling).
  const t0 = Date.now();
  sd.scoreFromScratch();
  const reserve = FINISH_RESERVE_MS + 6 * (Date.now() - t0);
  // Cells of absent employees are cleared before the search (they are fixed free).
  const clear: Array<[number, number, number]> = [];
  sd.rows.forEach((row, e) => row.forEach((s, d) => s !== -1 && sd.isFixed(e, d) && clear.push([e, d, -1])));
  if (clear.length) sd.setMany(clear);
  // The construction always gets a moment, even when starting the thread used up the time
  // (a loaded machine): a rota without it is nearly empty. The caller's hard deadline (one
  // second past the limit) still holds, and the constructed rota is posted before the search.
  const constructBy = Math.max(deadline - reserve - 200, Date.now() + Math.min(500, opts.seconds * 250));
  constructRota(sd, rng, { deadline: constructBy });
  fillPass(sd, constructBy);
  // Long plans (annual rotas): the random moves of the search are too local to move hours
  // between people across a year or to close the last staffing gaps, so targeted passes get a
  // share of the time before and after the search.
  const total = Math.max(0, deadline - Date.now() - reserve);
  const longPlan = ctx.D > 12 * 7;
  if (longPlan) {
    repairStaffing(sd, Date.now() + total * 0.1);
    balanceHours(sd, Date.now() + total * 0.15);
  }
  const postShare = longPlan ? 0.2 : 0;
  const weekendStarts = ctx.weekends.filter((s) => s >= 0 && s + 1 < ctx.D);
  // Track the best rota the search commits to, so a caller can have it before the end.
  const best: { rows: Int16Array[] | null; score: Score | null } = { rows: null, score: null };
  let lastBestPost = -Infinity;
  const tracked = opts.onBestRows ? trackBest(sd, best) : sd;
  if (opts.onBestRows && best.rows && best.score) opts.onBestRows(best.rows, best.score);
  const res = search(tracked, {
    seed,
    timeLimitMs: Math.max(0, deadline - Date.now() - reserve - total * postShare),
    maxIterations: opts.maxIterations,
    fullAssert: opts.fullAssert,
    weekendStarts,
    shouldStop: opts.shouldStop,
    onProgress: (p) => {
      if (opts.onBestRows && p.elapsedMs - lastBestPost >= 1000 && best.score !== null) {
        lastBestPost = p.elapsedMs;
        opts.onBestRows(best.rows!, best.score);
      }
      opts.onProgress?.(p);
    },
    hardWeight: 1000,
  });
  // Continue from the best rota found: fill what is still short, trim what only costs, and
  // make sure no breach of law is left.
  const final = new ScoreDirector(ctx, res.rows);
  // A cancelled run finishes at once: a short polish, then the repair and the check.
  const polishUntil = res.stoppedBy === 'stop' ? Date.now() + 50 : Math.max(Date.now() + 50, deadline - reserve / 2);
  fillPass(final, polishUntil);
  if (longPlan) {
    const mid = Date.now() + (polishUntil - Date.now()) / 2;
    repairStaffing(final, mid);
    balanceHours(final, polishUntil);
    repairStaffing(final, polishUntil);
  }
  fillPass(final, polishUntil, 'target');
  trimPass(final, polishUntil);
  const repaired = repairHard(final);
  const rows = final.snapshot();
  const { rows: _searched, ...stats } = res;
  return finishRota(plan, ctx, rows, stats, placed, repaired);
}

/** The checked result for a rota: the same checker a leader uses, and the shortfall explained. */
export function finishRota(
  plan: Plan,
  ctx: ReturnType<typeof buildContext>,
  rows: Int16Array[],
  stats: Omit<SearchResult, 'rows'>,
  placed: number,
  repaired: number,
): GenerateResult {
  const check = checkRows(ctx, rows);
  return {
    plan: { ...plan, assignments: assignmentsFromRows(ctx, rows) },
    score: check.score,
    repaired,
    check,
    search: stats,
    shortfall: explainShortfall(ctx, rows),
    placedVacations: placed,
  };
}

/** Finish from a rota posted by a worker that did not return (terminated at the deadline). */
export function finishFromRows(input: Plan, rows: Int16Array[], elapsedMs: number): GenerateResult {
  const { plan, placed } = placeVacations(input);
  const ctx = buildContext(plan);
  const sd = new ScoreDirector(ctx, rows);
  const repaired = repairHard(sd);
  const stats: Omit<SearchResult, 'rows'> = {
    best: sd.score(),
    iterations: 0,
    elapsedMs,
    firstFeasibleMs: null,
    accepted: { change: 0, swap: 0, block: 0, weekend: 0, ruin: 0 },
    tried: { change: 0, swap: 0, block: 0, weekend: 0, ruin: 0 },
    stoppedBy: 'stop',
  };
  return finishRota(plan, ctx, sd.snapshot(), stats, placed, repaired);
}

/** Delegates to the director and snapshots the rota whenever a committed change improves the best score. */
function trackBest(sd: ScoreDirector, best: { rows: Int16Array[] | null; score: Score | null }): IncrementalScorer {
  const note = () => {
    const sc = sd.score();
    if (best.score === null || compareScores(sc, best.score) < 0) {
      best.score = sc;
      best.rows = sd.snapshot();
    }
  };
  note();
  return {
    get E() {
      return sd.E;
    },
    get D() {
      return sd.D;
    },
    get S() {
      return sd.S;
    },
    get: (e, d) => sd.get(e, d),
    score: () => sd.score(),
    peekMany: (c) => sd.peekMany(c),
    setMany: (c) => {
      sd.setMany(c);
      note();
    },
    isFixed: (e, d) => sd.isFixed(e, d),
    canWork: (e, s) => sd.canWork(e, s),
    scoreFromScratch: () => sd.scoreFromScratch(),
    snapshot: () => sd.snapshot(),
  };
}
