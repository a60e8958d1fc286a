/**
 * Column generation with diving for the Curtois & Qu benchmark ("price and dive").
 *
 * Master: choose one whole row (column) per employee; minimise the rows' request penalties
 * plus the weighted under- and over-cover. Each column is a whole-horizon row that keeps every
 * constraint of its employee (successions, run lengths, days off, minutes, weekends, MaxShifts),
 * so the cover is the only coupling. The LP relaxation of this master convexifies each employee's
 * constraints and is far tighter than that of the compact model in mip.ts.
 *
 * Pricing: given the cover rows' duals π(d,s) and the employee's convexity dual μ(e), the best
 * new row for employee e is a shortest path in the row dynamic programme of rowdp.ts with costs
 * request(e,d,v) − π(d,v); it enters when its reduced cost is negative. The master is one
 * persistent HiGHS model: new columns are appended and the simplex restarts from the previous
 * basis.
 *
 * Diving: when no column prices out, the employees whose LP row is (nearly) integral and the
 * one with the largest fractional row are fixed to that row, the LP is re-optimised with
 * further pricing, and so on until every employee is fixed. The result is a complete rota (a
 * heuristic: the dive never backtracks); the first converged LP value is a lower bound when the
 * pricing is exact.
 */
import type { Highs } from 'highs';
import { FREE, type Score } from '../engine/types.js';
import type { CurtoisInstance } from './parse.js';
import { CurtoisScorer } from './scorer.js';
import { RowOptimizer, requestCosts } from './rowdp.js';
import { solveCurtoisMipWith } from './mip.js';

export interface DiveOptions {
  highs: Highs;
  /** Wall-clock budget in ms. */
  timeLimitMs: number;
  /** λ at or above which a row counts as integral and is fixed at once (default 0.99). */
  integralAt?: number;
  /** Share of the fractional employees fixed per dive step (default 0.1, at least one). */
  fixShare?: number;
  /** Fractional employees left when the closing sub-MIP takes over (default 3). */
  finishWith?: number;
  now?: () => number;
  shouldStop?: () => boolean;
  log?: (msg: string) => void;
}

export interface DiveResult {
  /** The dive's rota (null when the time ran out first). */
  rows: Int16Array[] | null;
  score: Score | null;
  /** Value of the first converged LP (a lower bound on the penalty), else null. */
  rootBound: number | null;
  columns: number;
  lpSolves: number;
}

/** Hard weight for the DP: minutes or weekends outside the range are never worth it. */
const HARD = 1e6;
const EPS = 1e-6;
/** Pricing rounds per dive step (after the root) before fixing from the LP at hand. */
const MAX_STEP_ROUNDS = 60;
/** Columns per open employee carried into the master after a dive step. */
const KEEP_COLUMNS = 30;
/** Time limit of the closing sub-MIP in seconds. */
const FINISH_SECONDS = 5;

/** A generated row of one employee with its request cost. */
interface Column {
  e: number;
  row: Int16Array;
  cost: number;
}

/**
 * The master LP over the employees not fixed yet, as one persistent HiGHS model: a convexity row
 * per open employee, then a cover row per (d, s) whose right-hand side is the requirement less
 * the cover of the fixed employees.
 */
class Master {
  readonly model;
  /** Pool index of each master column (slack columns excluded). */
  readonly cols: number[] = [];
  private readonly rowOf: Int32Array;
  private readonly first: number;
  private readonly nConv: number;

  constructor(
    h: Highs,
    private readonly inst: CurtoisInstance,
    open: readonly number[],
    rhs: Float64Array,
  ) {
    const D = inst.horizon;
    const S = inst.shifts.length;
    const model = (this.model = h.createModel());
    model.options.set('output_flag', false);
    model.options.set('presolve', 'off');
    model.options.set('solver', 'simplex');
    // Primal simplex: new columns leave the previous basis primal feasible.
    model.options.set('simplex_strategy', 4);
    const none = { indices: new Int32Array(0), values: new Float64Array(0) };
    this.rowOf = new Int32Array(inst.staff.length).fill(-1);
    open.forEach((e, i) => {
      this.rowOf[e] = i;
      model.addRow(1, 1, none);
    });
    this.nConv = open.length;
    for (let k = 0; k < D * S; k++) model.addRow(rhs[k], rhs[k], none);
    // Slack columns: under-cover (+1) and over-cover (-1) per cover row.
    for (let d = 0; d < D; d++)
      for (let s = 0; s < S; s++) {
        const row = this.nConv + d * S + s;
        model.addCol(inst.cover[d][s].weightUnder, 0, Infinity, { indices: Int32Array.of(row), values: Float64Array.of(1) });
        model.addCol(inst.cover[d][s].weightOver, 0, Infinity, { indices: Int32Array.of(row), values: Float64Array.of(-1) });
      }
    this.first = 2 * D * S;
  }

  /** Adds pool column k (of an open employee). */
  add(k: number, c: Column): void {
    const S = this.inst.shifts.length;
    const idx = [this.rowOf[c.e]];
    for (let d = 0; d < c.row.length; d++) if (c.row[d] !== FREE) idx.push(this.nConv + d * S + c.row[d]);
    this.model.addCol(c.cost, 0, Infinity, { indices: Int32Array.from(idx), values: new Float64Array(idx.length).fill(1) });
    this.cols.push(k);
  }

  /** Solves the LP; null when HiGHS does not report an optimum. Duals per employee (0 when fixed). */
  solve(seconds: number): { value: number; lambda: Float64Array; cover: Float64Array; convexity: Float64Array } | null {
    const m = this.model;
    m.options.set('time_limit', Math.max(0.05, seconds));
    // HiGHS' time limit counts the model's cumulative run time.
    m.zeroAllClocks();
    m.run();
    if (m.getModelStatus() !== 7) return null;
    const sol = m.getSolution();
    const convexity = new Float64Array(this.rowOf.length);
    this.rowOf.forEach((r, e) => {
      if (r >= 0) convexity[e] = sol.rowDual[r];
    });
    return { value: m.getObjectiveValue(), lambda: sol.colValue.subarray(this.first), convexity, cover: sol.rowDual.subarray(this.nConv) };
  }

  dispose(): void {
    this.model.dispose();
  }
}

/** Column generation and a dive to a complete rota; see the file comment. */
export function priceAndDive(inst: CurtoisInstance, opts: DiveOptions): DiveResult {
  const now = opts.now ?? (() => performance.now());
  const t0 = now();
  const deadline = t0 + opts.timeLimitMs;
  const E = inst.staff.length;
  const D = inst.horizon;
  const S = inst.shifts.length;
  const S1 = S + 1;
  const integralAt = opts.integralAt ?? 0.99;
  const fixShare = opts.fixShare ?? 0.1;
  const finishWith = opts.finishWith ?? 3;
  const req = requestCosts(inst);
  const dp = new RowOptimizer(inst);
  const lonely = new CurtoisScorer(inst);
  const pool: Column[] = [];
  const seen = new Set<string>();
  const fixed = new Int32Array(E).fill(-1);
  const rhs = new Float64Array(D * S);
  for (let d = 0; d < D; d++) for (let s = 0; s < S; s++) rhs[d * S + s] = inst.cover[d][s].requirement;
  let master: Master | null = null;
  /** Adds a row to the pool (and to the master); false when it is already known. */
  const add = (e: number, row: ArrayLike<number>): boolean => {
    const key = `${e}:${Array.prototype.join.call(row, ',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    let cost = 0;
    for (let d = 0; d < D; d++) cost += req[(e * D + d) * S1 + row[d] + 1];
    pool.push({ e, row: Int16Array.from(row), cost });
    master?.add(pool.length - 1, pool[pool.length - 1]);
    return true;
  };
  /**
   * A new master over the open employees. With the last LP's duals, only the columns most
   * likely to matter go in: per employee the KEEP_COLUMNS of least reduced cost (columns with
   * a positive value in that LP have reduced cost 0); the pool keeps the rest.
   */
  const rebuild = (duals?: { cover: ArrayLike<number>; convexity: ArrayLike<number> }) => {
    master?.dispose();
    const open: number[] = [];
    for (let e = 0; e < E; e++) if (fixed[e] < 0) open.push(e);
    const m = (master = new Master(opts.highs, inst, open, rhs));
    const byEmployee = new Map<number, Array<{ k: number; rc: number }>>();
    pool.forEach((c, k) => {
      if (fixed[c.e] >= 0) return;
      let rc = 0;
      if (duals) {
        rc = c.cost - duals.convexity[c.e];
        for (let d = 0; d < D; d++) if (c.row[d] !== FREE) rc -= duals.cover[d * S + c.row[d]];
      }
      const list = byEmployee.get(c.e) ?? [];
      list.push({ k, rc });
      byEmployee.set(c.e, list);
    });
    for (const list of byEmployee.values()) {
      list.sort((x, y) => x.rc - y.rc);
      for (const { k } of duals ? list.slice(0, KEEP_COLUMNS) : list) m.add(k, pool[k]);
    }
    return m;
  };
  /** Whether the row keeps every constraint of its employee. */
  const legal = (e: number, row: ArrayLike<number>) => {
    for (let d = 0; d < D; d++) lonely.set(e, d, row[d]);
    const ok = lonely.employeeScore(e).hard === 0;
    for (let d = 0; d < D; d++) lonely.set(e, d, FREE);
    return ok;
  };
  const cost = new Float64Array(D * S1);
  /** Prices every open employee; returns the number of columns added. */
  const price = (cover: ArrayLike<number> | null, convexity: ArrayLike<number> | null): number => {
    let added = 0;
    for (let e = 0; e < E; e++) {
      if (fixed[e] >= 0) continue;
      // Pricing a long horizon takes a while: the deadline is checked per employee.
      if (now() >= deadline) break;
      for (let d = 0; d < D; d++) {
        const base = (e * D + d) * S1;
        cost[d * S1] = req[base];
        for (let s = 0; s < S; s++) cost[d * S1 + s + 1] = req[base + s + 1] - (cover ? cover[d * S + s] : 0);
      }
      const res = dp.priceRow(e, cost, HARD);
      if (!res || res.cost >= HARD) continue;
      if (convexity && res.cost - convexity[e] > -EPS) continue;
      if (legal(e, res.values) && add(e, res.values)) added++;
    }
    return added;
  };
  let fixedCost = 0;
  const fix = (e: number, k: number) => {
    fixed[e] = k;
    fixedCost += pool[k].cost;
    const row = pool[k].row;
    for (let d = 0; d < D; d++) if (row[d] !== FREE) rhs[d * S + row[d]]--;
  };
  let lpSolves = 0;
  let stepRounds = 0;
  let tLp = 0;
  let tPrice = 0;
  let rootBound: number | null = null;
  const result = (rows: Int16Array[] | null): DiveResult => ({ rows, score: rows && new CurtoisScorer(inst, rows).scoreFromScratch(), rootBound, columns: pool.length, lpSolves });
  try {
    price(null, null);
    let m = rebuild();
    for (;;) {
      if (now() >= deadline || opts.shouldStop?.()) return result(null);
      const tq = now();
      const lp = m.solve((deadline - now()) / 1000);
      tLp += now() - tq;
      lpSolves++;
      if (!lp) return result(null);
      const tp = now();
      const added = price(lp.cover, lp.convexity);
      tPrice += now() - tp;
      // A pricing pass cut short by the deadline proves nothing.
      if (now() >= deadline) return result(null);
      // After the root, a dive step's pricing is cut off when it drags on (degenerate tails)
      // or the time runs short; the LP solution at hand then guides the fixing.
      stepRounds++;
      if (added > 0 && (rootBound === null || (stepRounds < MAX_STEP_ROUNDS && now() - t0 < 0.85 * opts.timeLimitMs))) continue;
      stepRounds = 0;
      if (rootBound === null) {
        rootBound = lp.value;
        opts.log?.(`root LP ${lp.value.toFixed(2)} after ${lpSolves} solves, ${pool.length} columns`);
      }
      // Fix every employee whose row is integral, and the largest fractional ones (a share of
      // the fractional employees per step, at least one).
      const best = new Int32Array(E).fill(-1);
      const bestLambda = new Float64Array(E);
      m.cols.forEach((k, j) => {
        const e = pool[k].e;
        if (best[e] < 0 || lp.lambda[j] > bestLambda[e]) {
          best[e] = k;
          bestLambda[e] = lp.lambda[j];
        }
      });
      const fractional: number[] = [];
      for (let e = 0; e < E; e++) {
        if (fixed[e] >= 0) continue;
        if (bestLambda[e] >= integralAt) fix(e, best[e]);
        else fractional.push(e);
      }
      if (fractional.length === 0) break;
      if (fractional.length <= finishWith) {
        // The last few employees together, exactly (compact sub-MIP, everybody else fixed): the
        // column generation tails off when few employees are left.
        for (const e of fractional) fix(e, best[e]);
        const rows = Array.from({ length: E }, (_, e) => Int16Array.from(pool[fixed[e]].row));
        const left = (deadline - now()) / 1000;
        if (left > 0.2) {
          const sub = solveCurtoisMipWith(opts.highs, inst, { seconds: Math.min(left, FINISH_SECONDS), start: rows, sub: { free: fractional, rows } });
          if (sub.rows) {
            const a = new CurtoisScorer(inst, sub.rows).scoreFromScratch();
            const b = new CurtoisScorer(inst, rows).scoreFromScratch();
            if (a.hard < b.hard || (a.hard === b.hard && a.soft < b.soft)) return result(sub.rows);
          }
        }
        return result(rows);
      }
      fractional.sort((x, y) => bestLambda[y] - bestLambda[x]);
      // Short of time: fix more per step, and all of them at the end (a complete rota in time).
      const used = (now() - t0) / opts.timeLimitMs;
      const share = used > 0.85 ? 1 : used > 0.5 ? Math.max(fixShare, 0.3) : fixShare;
      for (const e of fractional.slice(0, Math.max(1, Math.floor(fractional.length * share)))) fix(e, best[e]);
      opts.log?.(`LP ${(lp.value + fixedCost).toFixed(2)}, ${fixed.filter((k) => k >= 0).length} of ${E} fixed; ${lpSolves} solves, lp ${(tLp / 1000).toFixed(1)} s, pricing ${(tPrice / 1000).toFixed(1)} s`);
      if (fixed.every((k) => k >= 0)) break;
      m = rebuild({ cover: Float64Array.from(lp.cover), convexity: lp.convexity });
    }
    return result(Array.from({ length: E }, (_, e) => Int16Array.from(pool[fixed[e]].row)));
  } finally {
    (master as Master | null)?.dispose();
  }
}
