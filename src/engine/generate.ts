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
import type { Score } from './types.js';

export interface GenerateOptions {
  seconds: number;
  /** Epoch ms by which the search must end (default: now + seconds). Repair and the final check follow it. */
  deadline?: number;
  seed?: number;
  maxIterations?: number;
  fullAssert?: boolean;
  shouldStop?: () => boolean;
  onProgress?: (p: SearchProgress) => void;
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
  // Cells of absent employees are cleared before the search (they are fixed free).
  const clear: Array<[number, number, number]> = [];
  sd.rows.forEach((row, e) => row.forEach((s, d) => s !== -1 && sd.isFixed(e, d) && clear.push([e, d, -1])));
  if (clear.length) sd.setMany(clear);
  constructRota(sd, rng);
  const weekendStarts = ctx.weekends.filter((s) => s >= 0 && s + 1 < ctx.D);
  const res = search(sd, {
    seed,
    timeLimitMs: Math.max(0, deadline - Date.now() - FINISH_RESERVE_MS),
    maxIterations: opts.maxIterations,
    fullAssert: opts.fullAssert,
    weekendStarts,
    shouldStop: opts.shouldStop,
    onProgress: opts.onProgress,
    hardWeight: 1000,
  });
  // Continue from the best rota found and make sure no breach of law is left.
  const final = new ScoreDirector(ctx, res.rows);
  const repaired = repairHard(final);
  const rows = final.snapshot();
  const { rows: _searched, ...stats } = res;
  const check = checkRows(ctx, rows);
  return {
    plan: { ...plan, assignments: assignmentsFromRows(ctx, rows) },
    score: final.score(),
    repaired,
    check,
    search: stats,
    shortfall: explainShortfall(ctx, rows),
    placedVacations: placed,
  };
}
