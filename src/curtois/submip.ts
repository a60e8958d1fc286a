/**
 * Exact large neighbourhood for the Curtois & Qu benchmark ("fix and optimise"): free a few
 * employees (over the whole horizon, or more of them over a window of days), keep everybody
 * else as they are, and solve the sub-problem exactly with HiGHS (src/curtois/mip.ts) from the
 * current rota as a start. Employees are coupled only through the cover, so the sub-problem is
 * exact for the freed employees given the others: the search is a descent that only ever keeps
 * a strictly better rota, in a neighbourhood far larger than the annealing's moves.
 *
 * The neighbourhood size adapts: a sub-problem proven optimal in well under its time limit
 * grows the next one by an employee, one that runs into the limit shrinks it.
 */
import type { Highs } from 'highs';
import { Rng } from '../engine/random.js';
import type { Score } from '../engine/types.js';
import type { CurtoisInstance } from './parse.js';
import { CurtoisScorer } from './scorer.js';
import { solveCurtoisMipWith } from './mip.js';

export interface SubMipOptions {
  highs: Highs;
  seed: number;
  /** Wall-clock budget in ms. */
  timeLimitMs: number;
  /** HiGHS time limit per sub-problem in ms (default 1000). */
  stepLimitMs?: number;
  /** Share of the steps that free more employees over a window of days (default 0.25). */
  windowShare?: number;
  /** Share of the steps that free employees who can all work one shift type (default 0.5). */
  relatedShare?: number;
  /** Window length in days (default 7). */
  windowDays?: number;
  shouldStop?: () => boolean;
  now?: () => number;
  onImprove?: (best: Score, elapsedMs: number) => void;
}

export interface SubMipResult {
  rows: Int16Array[];
  score: Score;
  steps: number;
  improved: number;
}

interface Size {
  k: number;
  min: number;
  max: number;
}

/** Improves a feasible rota by repeated exact re-optimisation of freed employees. */
export function subMipSearch(inst: CurtoisInstance, start: readonly ArrayLike<number>[], opts: SubMipOptions): SubMipResult {
  const now = opts.now ?? (() => performance.now());
  const t0 = now();
  const rng = new Rng(opts.seed);
  const E = inst.staff.length;
  const D = inst.horizon;
  const stepLimit = opts.stepLimitMs ?? 1000;
  const windowShare = opts.windowShare ?? 0.25;
  const wl = Math.min(D, opts.windowDays ?? 7);
  let rows: Int16Array[] = start.map((r) => Int16Array.from(r));
  let score = new CurtoisScorer(inst, rows).scoreFromScratch();
  const whole: Size = { k: Math.min(E, 4), min: 1, max: Math.min(E, 12) };
  const windowed: Size = { k: Math.min(E, 10), min: 2, max: E };
  const related = opts.relatedShare ?? 0.5;
  const byShift = inst.shifts.map((_, s) => inst.staff.map((st, e) => (st.maxShifts[s] > 0 ? e : -1)).filter((e) => e >= 0));
  let steps = 0;
  let improved = 0;
  for (;;) {
    const elapsed = now() - t0;
    const left = opts.timeLimitMs - elapsed;
    if (left < 50 || opts.shouldStop?.()) break;
    const useWindow = wl < D && rng.next() < windowShare;
    const size = useWindow ? windowed : whole;
    const free: number[] = [];
    if (rng.next() < related) {
      // Related employees: all can work one shift type, so they can trade its shifts.
      const s = rng.int(inst.shifts.length);
      const able = byShift[s];
      if (able.length >= 2) for (const e of rng.shuffle(able.slice())) if (free.length < size.k) free.push(e);
    }
    while (free.length < size.k) {
      const e = rng.int(E);
      if (!free.includes(e)) free.push(e);
    }
    const a = rng.int(D - wl + 1);
    const limit = Math.min(stepLimit, left - 25);
    const t1 = now();
    const res = solveCurtoisMipWith(opts.highs, inst, {
      seconds: limit / 1000,
      start: rows,
      sub: { free, rows, window: useWindow ? [a, a + wl - 1] : undefined },
    });
    const took = now() - t1;
    steps++;
    if (res.status === 'optimal' && took < limit * 0.3) size.k = Math.min(size.max, size.k + 1);
    else if (res.status !== 'optimal') size.k = Math.max(size.min, size.k - 1);
    if (!res.rows) continue;
    const check = new CurtoisScorer(inst, res.rows).scoreFromScratch();
    if (check.hard < score.hard || (check.hard === score.hard && check.soft < score.soft)) {
      rows = res.rows;
      score = check;
      improved++;
      opts.onImprove?.(score, now() - t0);
    }
  }
  return { rows, score, steps, improved };
}
