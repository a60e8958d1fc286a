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
import { requiredHours } from '../core/rules/weeklyNorm.js';
import { buildLine } from '../core/eval/line.js';
import { straddlesRedDays } from './explain.js';

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

/** Planned minus required hours per employee, as TAR-04 computes them. */
export function hoursDeviation(sd: ScoreDirector, e: number): number {
  const q = requiredHours(sd.ctx, buildLine(sd.ctx, e, sd.rows[e]));
  return q.planned - q.required;
}

/**
 * Hours balance: moves single shifts from the people furthest over their position to people
 * free that day who are further under it (the same shift, so the day's staffing is unchanged),
 * keeping each transfer that improves the score. On a long plan the random moves of the search
 * rarely pair the right two people on the right day; this pass does it directly.
 */
export function balanceHours(sd: ScoreDirector, deadline: number, candidates = 6): number {
  const { ctx } = sd;
  const dev = ctx.employees.map((e) => hoursDeviation(sd, e.idx));
  const tol = (ctx.rules.hours.toleranceHoursPerWeek * ctx.D) / 7;
  let moved = 0;
  const tried = new Set<number>();
  for (let round = 0; round < ctx.employees.length * 4; round++) {
    if (Date.now() > deadline) break;
    // The person furthest from their position (over or under) not yet tried since the last gain.
    let o = -1;
    for (const emp of ctx.employees) if (!tried.has(emp.idx) && Math.abs(dev[emp.idx]) > tol && (o < 0 || Math.abs(dev[emp.idx]) > Math.abs(dev[o]))) o = emp.idx;
    if (o < 0) break;
    tried.add(o);
    const over = dev[o] > 0;
    let gained = false;
    for (let d = 0; d < ctx.D && Date.now() <= deadline; d++) {
      // over: o gives a shift away to someone free; under: o takes a shift from someone working.
      const s = over ? sd.rows[o][d] : -1;
      if (over && (s === FREE || sd.isFixed(o, d))) continue;
      if (!over && (sd.rows[o][d] !== FREE || sd.isFixed(o, d))) continue;
      const others = ctx.employees
        .map((x) => x.idx)
        .filter((x) => x !== o && !sd.isFixed(x, d) && (over ? sd.rows[x][d] === FREE && sd.canWork(x, s) && dev[x] < dev[o] : sd.rows[x][d] !== FREE && sd.canWork(o, sd.rows[x][d]) && dev[x] > dev[o]))
        .sort((a, b) => (over ? dev[a] - dev[b] : dev[b] - dev[a]))
        .slice(0, candidates);
      const now = sd.score();
      let best: Change[] | null = null;
      let bestScore = now;
      for (const x of others) {
        const ch: Change[] = over ? [[o, d, FREE], [x, d, s]] : [[x, d, FREE], [o, d, sd.rows[x][d]]];
        const sc = sd.peekMany(ch);
        if (compareScores(sc, bestScore) < 0) {
          bestScore = sc;
          best = ch;
        }
      }
      if (best) {
        sd.setMany(best);
        moved++;
        gained = true;
        for (const [e] of best) dev[e] = hoursDeviation(sd, e);
        if (Math.abs(dev[o]) <= tol) break;
      }
    }
    if (gained) tried.clear();
  }
  return moved;
}

/**
 * Minimum-staffing repair with ejection chains: for a shift below its minimum, a candidate
 * who cannot simply take it (it would break a rule with one of their other shifts) takes it
 * and hands that other shift to a colleague free that day, or leaves it when it has slack.
 * The chain is kept when the whole score improves.
 */
export function repairStaffing(sd: ScoreDirector, deadline: number, candidates = 8): number {
  const { ctx } = sd;
  let fixed = 0;
  const dev = ctx.employees.map((e) => hoursDeviation(sd, e.idx));
  for (let d = 0; d < ctx.D; d++) {
    for (const v of sd.dayViolations(d)) {
      if (Date.now() > deadline) return fixed;
      if (v.rule !== 'PRA-11') continue;
      const [sStr, comp] = String(v.detail).split(':');
      const s = Number(sStr);
      const competence = comp === '' ? null : comp;
      if (straddlesRedDays(ctx, d, s)) continue; // nobody can take it (explained in the shortfall)
      const now = sd.score();
      let best: Change[] | null = null;
      let bestScore = now;
      const eligible = ctx.employees.filter((emp) => !sd.isFixed(emp.idx, d) && sd.rows[emp.idx][d] !== s && sd.canWork(emp.idx, s) && (competence === null || emp.competences.includes(competence)));
      for (const emp of eligible) {
        if (Date.now() > deadline) return fixed;
        const e = emp.idx;
        const first: Change[] = [[e, d, s]];
        const sc = sd.peekMany(first);
        if (compareScores(sc, bestScore) < 0) {
          bestScore = sc;
          best = first;
        }
        // The other days on which e's new shift breaks a hard rule.
        const old = sd.rows[e][d];
        sd.setMany(first);
        const days = new Set<number>();
        for (const r of sd.employeeViolations(e)) {
          if (!sd.isHard(r.rule)) continue;
          const ds = r.days ?? (r.dayTo - r.day <= 14 ? Array.from({ length: r.dayTo - r.day + 1 }, (_, i) => r.day + i) : []);
          for (const x of ds) if (x !== d && x >= 0 && x < ctx.D && Math.abs(x - d) <= 14 && sd.rows[e][x] !== FREE && !sd.isFixed(e, x)) days.add(x);
        }
        sd.setMany([[e, d, old]]);
        const takersOn = (d2: number, s2: number) =>
          ctx.employees
            .map((x) => x.idx)
            .filter((f) => f !== e && sd.rows[f][d2] === FREE && !sd.isFixed(f, d2) && sd.canWork(f, s2))
            .sort((a, b) => dev[a] - dev[b])
            .slice(0, candidates);
        if (days.size >= 2) {
          // Clashes on both sides (e.g. the Sundays before and after): hand all of them on, each
          // to the colleague who fits best given the others.
          let chain: Change[] = [[e, d, s], ...[...days].map((d2): Change => [e, d2, FREE])];
          for (const d2 of days) {
            const s2 = sd.rows[e][d2];
            let pick: Change | null = null;
            let pickScore = sd.peekMany(chain);
            for (const f of takersOn(d2, s2)) {
              const sc4 = sd.peekMany([...chain, [f, d2, s2]]);
              if (compareScores(sc4, pickScore) < 0) {
                pickScore = sc4;
                pick = [f, d2, s2];
              }
            }
            if (pick) chain = [...chain, pick];
          }
          const scAll = sd.peekMany(chain);
          if (compareScores(scAll, bestScore) < 0) {
            bestScore = scAll;
            best = chain;
          }
        }
        for (const d2 of days) {
          const s2 = sd.rows[e][d2];
          const chain: Change[] = [[e, d, s], [e, d2, FREE]];
          const sc2 = sd.peekMany(chain);
          if (compareScores(sc2, bestScore) < 0) {
            bestScore = sc2;
            best = chain;
          }
          for (const f of takersOn(d2, s2)) {
            const ch: Change[] = [...chain, [f, d2, s2]];
            const sc3 = sd.peekMany(ch);
            if (compareScores(sc3, bestScore) < 0) {
              bestScore = sc3;
              best = ch;
            }
          }
        }
      }
      if (best && bestScore.hard < now.hard) {
        sd.setMany(best);
        for (const [e] of best) dev[e] = hoursDeviation(sd, e);
        fixed++;
      }
    }
  }
  return fixed;
}
