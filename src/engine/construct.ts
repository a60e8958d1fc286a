/**
 * Construction heuristic for a unit's rota: day by day, fill each staffing-plan cell up to its
 * minimum (competence-specific cells first), then up to its target, each time giving the
 * shift to the available employee whose assignment scores best under the full rule catalogue.
 */
import type { ScoreDirector } from '../core/eval/score.js';
import { FREE } from './types.js';
import { compareScores } from './types.js';
import type { Rng } from './random.js';

export function constructRota(sd: ScoreDirector, rng: Rng): number {
  const { ctx } = sd;
  let placed = 0;
  for (const level of ['min', 'target'] as const) {
    for (let d = 0; d < ctx.D; d++) {
      const cells = [...ctx.demand[d]].sort((a, b) => (a.competence === null ? 1 : 0) - (b.competence === null ? 1 : 0));
      for (const cell of cells) {
        const need = level === 'min' ? cell.min : cell.target;
        for (;;) {
          const have = sd.rows.reduce((n, row, e) => {
            if (row[d] !== cell.shift || ctx.absence[e][d] !== 0) return n;
            return cell.competence === null || ctx.employees[e].competences.includes(cell.competence) ? n + 1 : n;
          }, 0);
          if (have >= need) break;
          let bestE = -1;
          let best = sd.score();
          const order = rng.shuffle(ctx.employees.map((e) => e.idx));
          for (const e of order) {
            if (sd.rows[e][d] !== FREE || sd.isFixed(e, d) || !sd.canWork(e, cell.shift)) continue;
            if (cell.competence !== null && !ctx.employees[e].competences.includes(cell.competence)) continue;
            const sc = sd.peekMany([[e, d, cell.shift]]);
            if (bestE < 0 || compareScores(sc, best) < 0) {
              best = sc;
              bestE = e;
            }
          }
          // At the target level only add people when it does not make the rota worse.
          if (bestE < 0 || (level === 'target' && compareScores(best, sd.score()) > 0)) break;
          sd.setMany([[bestE, d, cell.shift]]);
          placed++;
        }
      }
    }
  }
  return placed;
}
