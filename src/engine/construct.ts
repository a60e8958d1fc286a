/**
 * Construction heuristic for a unit's rota: day by day, fill each staffing-plan cell up to its
 * minimum (competence-specific cells first), then up to its target. Candidates are filtered
 * cheaply (free that day, allowed the shift, no overlap or rest clash with the neighbouring
 * days' shifts) and ordered by how far below their position hours they are; the best few are
 * scored under the full rule catalogue and the best one gets the shift.
 */
import type { ScoreDirector } from '../core/eval/score.js';
import { FREE, compareScores } from './types.js';
import type { Rng } from './random.js';
import type { EvalContext } from '../core/eval/context.js';

export interface ConstructOptions {
  /** How many candidates to score with the full catalogue per slot. */
  candidates?: number;
  /** Stop constructing at this epoch ms (the rest is left to the search). */
  deadline?: number;
}

export function constructRota(sd: ScoreDirector, rng: Rng, opts: ConstructOptions = {}): number {
  const { ctx } = sd;
  const K = opts.candidates ?? 4;
  const minRest = ctx.rules.dailyRest.minHours * 60;
  const hours = new Float64Array(ctx.employees.length);
  sd.rows.forEach((row, e) => row.forEach((s, d) => s !== FREE && (hours[e] += ctx.instance(d, s).workMin)));
  // Each person's hours budget accrues day by day over the days they are present (absence
  // and weekday holidays are credited, as TAR-04 credits them), so a candidate's priority is
  // how far behind their budget *up to this day* they are: someone back from five weeks of
  // vacation is not handed the next month's shifts to catch up, and nobody runs ahead early.
  const budget = hoursBudget(ctx);
  const restOk = (e: number, d: number, s: number) => {
    const it = ctx.instance(d, s);
    const prev = d > 0 ? sd.rows[e][d - 1] : FREE;
    if (prev !== FREE && it.start - ctx.instance(d - 1, prev).end < minRest) return false;
    const next = d + 1 < ctx.D ? sd.rows[e][d + 1] : FREE;
    if (next !== FREE && ctx.instance(d + 1, next).start - it.end < minRest) return false;
    return true;
  };
  const perDay = ctx.employees.map((e) => Math.max(1, (e.p * 35.5 * 60) / 7));
  let placed = 0;
  for (const level of ['min', 'target'] as const) {
    for (let d = 0; d < ctx.D; d++) {
      if (opts.deadline !== undefined && Date.now() > opts.deadline) return placed;
      const cells = [...ctx.demand[d]].sort((a, b) => (a.competence === null ? 1 : 0) - (b.competence === null ? 1 : 0));
      for (const cell of cells) {
        const need = level === 'min' ? cell.min : cell.target;
        let have = 0;
        sd.rows.forEach((row, e) => {
          if (row[d] === cell.shift && ctx.absence[e][d] === 0 && (cell.competence === null || ctx.employees[e].competences.includes(cell.competence))) have++;
        });
        while (have < need) {
          const pool = rng
            .shuffle(ctx.employees.map((e) => e.idx))
            .filter(
              (e) =>
                sd.rows[e][d] === FREE &&
                !sd.isFixed(e, d) &&
                sd.canWork(e, cell.shift) &&
                (cell.competence === null || ctx.employees[e].competences.includes(cell.competence)) &&
                restOk(e, d, cell.shift),
            )
            .sort((a, b) => (hours[a] - budget[a][d + 1]) / perDay[a] - (hours[b] - budget[b][d + 1]) / perDay[b])
            .slice(0, K);
          let bestE = -1;
          let best = sd.score();
          for (const e of pool) {
            const sc = sd.peekMany([[e, d, cell.shift]]);
            if (bestE < 0 || compareScores(sc, best) < 0) {
              best = sc;
              bestE = e;
            }
          }
          // Only add people when it makes the rota better: never buy staffing with a breach of law.
          if (bestE < 0 || compareScores(best, sd.score()) >= 0) break;
          sd.setMany([[bestE, d, cell.shift]]);
          hours[bestE] += ctx.instance(d, cell.shift).workMin;
          have++;
          placed++;
        }
      }
    }
  }
  return placed;
}

/**
 * budget[e][d] = the minutes employee e's position asks for over days 0..d-1 (length D + 1):
 * p × 35.5 h / 7 per day present, less a fifth of the week for a weekday holiday in dated
 * plans (the day-worker-equivalent model), nothing on absence days.
 */
export function hoursBudget(ctx: EvalContext): Float64Array[] {
  const useRed = ctx.rules.hours.redDayModel === 'dayWorkerEquivalent' && !ctx.cyclic;
  return ctx.employees.map((emp) => {
    const perWeek = emp.p * 35.5 * 60;
    const out = new Float64Array(ctx.D + 1);
    for (let d = 0; d < ctx.D; d++) {
      const day = ctx.days[d];
      let add = 0;
      if (ctx.absence[emp.idx][d] === 0) add = perWeek / 7 - (useRed && day.weekday < 5 && day.holidayName !== undefined ? perWeek / 5 : 0);
      out[d + 1] = out[d] + add;
    }
    return out;
  });
}
