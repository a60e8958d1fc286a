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
  // Outside the summer: not the weeks with public holidays (Easter, Ascension, Whitsun, 1/17
  // May, Christmas and New Year), whose red-day cover is the hardest to staff.
  const holidayWeek = (m: number) => Array.from({ length: 7 }, (_, i) => fromEpochDay(m + i)).some((d) => holidayOn(d) !== undefined);
  const otherWeeks = mondays.filter((m) => (m + 6 < summerFrom || m > summerTo) && !holidayWeek(m));
  if (summerStarts.length === 0) return { plan, placed: 0 };
  // Load per week: the share of the unit's full-time equivalents away, plus the same share for
  // each competence the staffing plan asks for (nurses away weigh on the nurse cells too).
  // Absences already in the plan (vacation, leave, courses) count for their days.
  const comps = [...new Set(plan.demand.map((d) => d.competence).filter((c): c is string => !!c))];
  const compsOf = (e: Plan['employees'][number]) => (e.competences ?? (e.competence ? [e.competence] : [])).filter((c) => comps.includes(c));
  const fte = plan.employees.reduce((a, e) => a + e.positionPercent, 0) || 1;
  const compFte = new Map(comps.map((c) => [c, plan.employees.filter((e) => compsOf(e).includes(c)).reduce((a, e) => a + e.positionPercent, 0) || 1]));
  // away[0] = the unit's share of FTE away per week, away[1 + i] = competence i's share.
  const away = [fte, ...comps.map((c) => compFte.get(c)!)].map(() => new Map<number, number>());
  const groupsOf = (e: Plan['employees'][number]) => [0, ...compsOf(e).map((c) => 1 + comps.indexOf(c))];
  const shareOf = (e: Plan['employees'][number], g: number) => e.positionPercent / (g === 0 ? fte : compFte.get(comps[g - 1])!);
  const loadOf = (e: Plan['employees'][number], m: number, extra = 0) =>
    groupsOf(e).reduce((a, g) => a + (away[g].get(m) ?? 0) + extra * shareOf(e, g), 0);
  const add = (e: Plan['employees'][number], m: number, f = 1) => {
    for (const g of groupsOf(e)) away[g].set(m, (away[g].get(m) ?? 0) + f * shareOf(e, g));
  };
  const byId = new Map(plan.employees.map((e) => [e.id, e]));
  for (const a of plan.absences) {
    const e = byId.get(a.employee);
    if (!e) continue;
    const [f, t] = [toEpochDay(a.from), toEpochDay(a.to)];
    for (const m of mondays) {
      const days = Math.min(t, m + 6) - Math.max(f, m) + 1;
      if (days > 0) add(e, m, days / 7);
    }
  }
  const has = new Set(plan.absences.filter((a) => a.kind === 'vacation').map((a) => a.employee));
  const absences = [...plan.absences];
  let placed = 0;
  // The largest positions first (each placed where the load is lowest so far), as in
  // longest-processing-time scheduling, so the small ones even out what is left.
  const order = [...plan.employees].sort((a, b) => b.positionPercent - a.positionPercent || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const emp of order) {
    if (has.has(emp.id)) continue;
    // Summer: the start week whose three weeks, with this person added, have the lowest peak.
    let bestM = summerStarts[0];
    let bestCost = Infinity;
    for (const m of summerStarts) {
      const ls = [m, m + 7, m + 14].map((x) => loadOf(emp, x, 1));
      const cost = Math.max(...ls) * 1000 + ls.reduce((a, b) => a + b, 0);
      if (cost < bestCost - 1e-9) {
        bestCost = cost;
        bestM = m;
      }
    }
    [bestM, bestM + 7, bestM + 14].forEach((m) => add(emp, m));
    absences.push({ employee: emp.id, from: fromEpochDay(bestM), to: addDays(fromEpochDay(bestM), 20), kind: 'vacation' });
    // Two more single weeks, least loaded, at least four weeks apart.
    const chosen: number[] = [];
    for (let k = 0; k < 2; k++) {
      const options = otherWeeks.filter((m) => chosen.every((c) => Math.abs(c - m) >= 28));
      if (options.length === 0) break;
      const m = options.reduce((a, b) => (loadOf(emp, b) < loadOf(emp, a) - 1e-9 ? b : a));
      chosen.push(m);
      add(emp, m);
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
