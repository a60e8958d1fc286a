/**
 * Targeted passes around the search, using the staffing plan directly:
 * - fill: for each cell below its minimum (then its target), try every eligible free employee
 *   and keep the best assignment that improves the score;
 * - trim: for each employee above their position hours, try freeing each shift and keep the
 *   removals that improve the score.
 * Each pass is a descent under the full rule catalogue, bounded by a deadline.
 */
import type { ScoreDirector } from '../core/eval/score.js';
import { countOnShift } from '../core/rules/pra11MinStaffing.js';
import { FREE, compareScores, type Change } from './types.js';

export function fillPass(sd: ScoreDirector, deadline: number, level: 'min' | 'target' = 'min'): number {
  const { ctx } = sd;
  let added = 0;
  const onShift = (d: number, s: number) => sd.rows.map((r, e) => (r[d] === s ? e : -1)).filter((e) => e >= 0);
  for (let d = 0; d < ctx.D; d++) {
    if (Date.now() > deadline) break;
    // Prediction shifts weigh more than target staffing (PRA-13): offer them the free hours first.
    const cells = level === 'target' ? [...ctx.demand[d]].sort((a, b) => Number(ctx.shiftTypes[b.shift].predictionFor >= 0) - Number(ctx.shiftTypes[a.shift].predictionFor >= 0)) : ctx.demand[d];
    for (const cell of cells) {
      const need = level === 'min' ? cell.min : cell.target;
      let have = countOnShift(ctx, d, onShift(d, cell.shift), cell.competence);
      while (have < need) {
        const now = sd.score();
        let best: Change | null = null;
        let bestScore = now;
        for (const emp of ctx.employees) {
          const e = emp.idx;
          if (sd.isFixed(e, d) || !sd.canWork(e, cell.shift)) continue;
          if (cell.competence !== null && !emp.competences.includes(cell.competence)) continue;
          const cur = sd.rows[e][d];
          if (cur === cell.shift) continue;
          // Taking someone off another shift of the same day is allowed if that shift has slack.
          const sc = sd.peekMany([[e, d, cell.shift]]);
          if (compareScores(sc, bestScore) < 0) {
            bestScore = sc;
            best = [e, d, cell.shift];
          }
        }
        if (!best) break;
        sd.setMany([best]);
        added++;
        have++;
      }
    }
  }
  return added;
}

export function trimPass(sd: ScoreDirector, deadline: number): number {
  let removed = 0;
  for (let e = 0; e < sd.E; e++) {
    for (let d = 0; d < sd.D; d++) {
      if (Date.now() > deadline) return removed;
      if (sd.rows[e][d] === FREE || sd.isFixed(e, d)) continue;
      const now = sd.score();
      const sc = sd.peekMany([[e, d, FREE]]);
      if (compareScores(sc, now) < 0) {
        sd.setMany([[e, d, FREE]]);
        removed++;
      }
    }
  }
  return removed;
}
