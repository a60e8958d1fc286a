/**
 * Construction heuristic for the Curtois & Qu instances: every employee's row is built by the
 * exact row programme (rowdp.ts) against the cover left open by the employees before, so each
 * row keeps the employee's own constraints (all hard constraints of the benchmark are per
 * employee) and chases the cover that is still short.
 *
 * On a long horizon one whole-year row costs seconds (the minutes and weekends in the DP state
 * grow with the horizon), so the horizon is filled in pieces of `pieceDays`: piece by piece,
 * employee by employee, each piece with its pro-rated share of the year's limits (total
 * minutes, weekends, MaxShifts counted up to the piece's end), the last piece with the real
 * limits. The left edge of a piece is the part already built, so runs, successions and days off
 * are kept across pieces. The result is usually feasible at once; what is left (a last piece
 * that cannot reach the year's minutes) is the annealing's to repair.
 */
import { compareScores, type Score } from '../engine/types.js';
import type { CurtoisInstance } from './parse.js';
import { CurtoisScorer } from './scorer.js';
import { RowOptimizer, type RowLimits } from './rowdp.js';

export interface ConstructOptions {
  /** Days per piece (default: the whole horizon up to 12 weeks, 4 weeks beyond). */
  pieceDays?: number;
  /** Cost per started hour outside the (share of the) minutes range and per weekend too many. */
  hardWeight?: number;
  /** Rotates the order in which the employees pick (0 = in file order first). */
  seed?: number;
  /** Stops building (the rest of the rows stay empty) after this many milliseconds. */
  timeLimitMs?: number;
  now?: () => number;
  shouldStop?: () => boolean;
}

export interface ConstructResult {
  rows: Int16Array[];
  score: Score;
  /** False when stopped before every piece was built (the rows are then partly empty). */
  complete: boolean;
}

/** Default piece length for an instance. */
export function defaultPieceDays(inst: CurtoisInstance): number {
  return inst.horizon <= 84 ? inst.horizon : 28;
}

/** The employee's limits pro-rated to days 0..b (the real ones when b is the last day). */
export function proRatedLimits(inst: CurtoisInstance, e: number, b: number): RowLimits {
  const st = inst.staff[e];
  const D = inst.horizon;
  if (b >= D - 1) return { minTotalMinutes: st.minTotalMinutes, maxTotalMinutes: st.maxTotalMinutes, maxWeekends: st.maxWeekends, maxShifts: st.maxShifts };
  // The share of the days the employee can work (fixed days off do not count).
  const off = new Set(st.daysOff);
  let open = 0;
  let openSoFar = 0;
  for (let d = 0; d < D; d++)
    if (!off.has(d)) {
      open++;
      if (d <= b) openSoFar++;
    }
  const share = open > 0 ? openSoFar / open : (b + 1) / D;
  // A shift of slack above: a piece cannot always land on its share exactly, and the next piece
  // is measured against the cumulative total again, so the slack does not add up. None below:
  // the cover pays a row to stay at its minimum, and a year that falls behind cannot catch up
  // in its last piece.
  const slack = Math.max(...inst.shifts.map((s) => s.length));
  const weekends = Math.floor(D / 7);
  const weekendsSoFar = Math.floor((b + 2) / 7);
  return {
    minTotalMinutes: Math.floor(st.minTotalMinutes * share),
    maxTotalMinutes: Math.ceil(st.maxTotalMinutes * share) + slack,
    maxWeekends: weekends > 0 ? Math.ceil((st.maxWeekends * weekendsSoFar) / weekends) : st.maxWeekends,
    maxShifts: st.maxShifts.map((m) => Math.min(m, Math.ceil(m * share))),
  };
}

export function constructRota(inst: CurtoisInstance, opts: ConstructOptions = {}): ConstructResult {
  const D = inst.horizon;
  const E = inst.staff.length;
  const piece = Math.max(1, Math.min(D, opts.pieceDays ?? defaultPieceDays(inst)));
  const hardWeight = opts.hardWeight ?? 10_000;
  const sc = new CurtoisScorer(inst);
  const dp = new RowOptimizer(inst);
  const now = opts.now ?? (() => performance.now());
  const deadline = now() + (opts.timeLimitMs ?? Number.POSITIVE_INFINITY);
  const stop = () => opts.shouldStop?.() === true || now() > deadline;
  let complete = true;
  let round = 0;
  outer: for (let a = 0; a < D; a += piece, round++) {
    const b = Math.min(D - 1, a + piece - 1);
    // The first employee of a piece gets the pick of the open cover: rotate who that is.
    const first = (round * Math.max(1, Math.floor(E / 3)) + (opts.seed ?? 0)) % E;
    for (let k = 0; k < E; k++) {
      if (stop()) {
        complete = false;
        break outer;
      }
      const e = (first + k) % E;
      const limits = proRatedLimits(inst, e, b);
      // A MaxShifts limit the row programme settles by Lagrangian prices may not settle against
      // a heavy minutes penalty (null): then the same piece with lighter weights.
      let res = null;
      for (let w = hardWeight; !res && w >= 1; w /= 10) res = dp.optimize(sc, e, a, b, w, undefined, limits);
      if (!res) continue;
      const changes = rowChanges(sc, e, a, res.values);
      if (changes.length > 0) sc.setMany(changes);
    }
  }
  if (complete && piece < D) repairRows(sc, dp, piece, hardWeight, stop);
  return { rows: sc.snapshot(), score: sc.scoreFromScratch(), complete };
}

/**
 * Repairs the rows of a rota that break an employee's hard constraints (construct.ts's own
 * result, or the annealing's best when it ends infeasible): see repairRows.
 */
export function repairRota(inst: CurtoisInstance, rows: readonly ArrayLike<number>[], opts: Pick<ConstructOptions, 'timeLimitMs' | 'now' | 'shouldStop' | 'hardWeight'> = {}): { rows: Int16Array[]; score: Score } {
  const sc = new CurtoisScorer(inst, rows);
  const now = opts.now ?? (() => performance.now());
  const deadline = now() + (opts.timeLimitMs ?? Number.POSITIVE_INFINITY);
  repairRows(sc, new RowOptimizer(inst), 28, opts.hardWeight ?? 10_000, () => opts.shouldStop?.() === true || now() > deadline);
  return { rows: sc.snapshot(), score: sc.scoreFromScratch() };
}

/**
 * Rows that break an employee's hard constraints (in construction: missed the year's limits in
 * the last piece, as a piece cannot see that the ones after it will be tight) are re-rostered
 * over windows of two pieces with the real limits, sliding from the end of the year to the
 * start, until the row keeps its limits; rows still broken get windows of three, then six
 * pieces. A window is taken when the scorer says the rota is better with it.
 */
function repairRows(sc: CurtoisScorer, dp: RowOptimizer, piece: number, hardWeight: number, shouldStop?: () => boolean): void {
  for (const pieces of [2, 3, 6]) repairPass(sc, dp, piece, Math.min(sc.D, pieces * piece), hardWeight, shouldStop);
}

function repairPass(sc: CurtoisScorer, dp: RowOptimizer, piece: number, width: number, hardWeight: number, shouldStop?: () => boolean): void {
  const D = sc.D;
  for (let e = 0; e < sc.E; e++) {
    for (let b = D - 1; b >= 0 && sc.employeeScore(e).hard > 0; b -= piece) {
      if (shouldStop?.()) return;
      const a = Math.max(0, b - width + 1);
      const res = dp.optimize(sc, e, a, b, hardWeight);
      if (!res) continue;
      const changes = rowChanges(sc, e, a, res.values);
      // The scorer decides (the DP's own cost leaves out the run rules it keeps exactly, so a
      // window that repairs a broken run would look no better to it).
      if (changes.length > 0 && compareScores(sc.peekMany(changes), sc.score()) < 0) sc.setMany(changes);
    }
  }
}

/** The cells of employee e from day a on that `values` changes. */
function rowChanges(sc: CurtoisScorer, e: number, a: number, values: Int16Array): [number, number, number][] {
  const changes: [number, number, number][] = [];
  for (let i = 0; i < values.length; i++) if (sc.get(e, a + i) !== values[i]) changes.push([e, a + i, values[i]]);
  return changes;
}
