/**
 * Vacation placement for annual rotas (årsturnus): each person without vacation already in
 * the plan gets 5 weeks — 3 consecutive weeks within 1 June–30 September (ferieloven § 7) and
 * 2 more weeks outside the summer — staggered so as few as possible are away the same week.
 */
import type { Plan } from '../core/model/plan.js';
import { addDays, toEpochDay, weekday, fromEpochDay, datesInRange } from '../core/time/localDate.js';
import { holidayOn } from '../core/calendar/holidays.js';

/** Vacation days as ferieloven counts them: Monday–Saturday, not public holidays. */
function workingDays(from: string, to: string): number {
  return datesInRange(from, to).filter((d) => weekday(d) < 6 && holidayOn(d) === undefined).length;
}

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
    // Five weeks must give the full entitlement in working days (30, or 36 from the year one
    // turns 60): weeks with a public holiday give fewer, so the last week is lengthened.
    const year = Number(plan.end.slice(0, 4));
    const entitled = plan.rules.vacation.days + (emp.birthDate && Number(emp.birthDate.slice(0, 4)) + 60 <= year ? plan.rules.vacation.over60Extra : 0);
    const mine = absences.filter((a) => a.employee === emp.id && a.kind === 'vacation');
    let days = mine.reduce((n, a) => n + workingDays(a.from, a.to), 0);
    const last = mine[mine.length - 1];
    while (days < entitled && last && toEpochDay(last.to) < end) {
      last.to = addDays(last.to, 1);
      if (weekday(last.to) < 6 && holidayOn(last.to) === undefined) days++;
    }
    placed++;
  }
  return { plan: { ...plan, absences }, placed };
}
