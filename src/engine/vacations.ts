/**
 * Vacation placement for annual rotas (årsturnus): each person without vacation already in
 * the plan gets 5 weeks — 3 consecutive weeks within 1 June–30 September (ferieloven § 7) and
 * 2 more weeks outside the summer — staggered so as few as possible are away the same week.
 */
import type { Plan } from '../core/model/plan.js';
import { addDays, toEpochDay, weekday, fromEpochDay } from '../core/time/localDate.js';

export function placeVacations(plan: Plan): { plan: Plan; placed: number } {
  if (plan.planningForm !== 'annual') return { plan, placed: 0 };
  const start = toEpochDay(plan.start);
  const end = toEpochDay(plan.end);
  const mondays: number[] = [];
  for (let d = start; d + 6 <= end; d++) if (weekday(fromEpochDay(d)) === 0) mondays.push(d);
  const year = Number(plan.start.slice(0, 4)) + (toEpochDay(`${plan.start.slice(0, 4)}-06-01`) < start ? 1 : 0);
  const summerFrom = toEpochDay(`${year}-06-01`);
  const summerTo = toEpochDay(`${year}-09-30`);
  const summerStarts = mondays.filter((m) => m >= summerFrom && m + 20 <= summerTo);
  const otherWeeks = mondays.filter((m) => m + 6 < summerFrom || m > summerTo).filter((m) => {
    const md = fromEpochDay(m).slice(5);
    return md < '12-15' && !(md >= '03-15' && md <= '04-20'); // keep Christmas and Easter for rota cover
  });
  if (summerStarts.length === 0) return { plan, placed: 0 };
  const load = new Map<number, number>();
  const inc = (m: number) => load.set(m, (load.get(m) ?? 0) + 1);
  const has = new Set(plan.absences.filter((a) => a.kind === 'vacation').map((a) => a.employee));
  const absences = [...plan.absences];
  let placed = 0;
  for (const emp of plan.employees) {
    if (has.has(emp.id)) continue;
    // Summer: the start week whose three weeks are least loaded.
    let bestM = summerStarts[0];
    let bestLoad = Infinity;
    for (const m of summerStarts) {
      const l = (load.get(m) ?? 0) + (load.get(m + 7) ?? 0) + (load.get(m + 14) ?? 0);
      if (l < bestLoad) {
        bestLoad = l;
        bestM = m;
      }
    }
    [bestM, bestM + 7, bestM + 14].forEach(inc);
    absences.push({ employee: emp.id, from: fromEpochDay(bestM), to: addDays(fromEpochDay(bestM), 20), kind: 'vacation' });
    // Two more single weeks, least loaded, at least four weeks apart.
    const chosen: number[] = [];
    for (let k = 0; k < 2; k++) {
      const options = otherWeeks.filter((m) => chosen.every((c) => Math.abs(c - m) >= 28));
      if (options.length === 0) break;
      const m = options.reduce((a, b) => ((load.get(b) ?? 0) < (load.get(a) ?? 0) ? b : a));
      chosen.push(m);
      inc(m);
      absences.push({ employee: emp.id, from: fromEpochDay(m), to: addDays(fromEpochDay(m), 6), kind: 'vacation' });
    }
    placed++;
  }
  return { plan: { ...plan, absences }, placed };
}
