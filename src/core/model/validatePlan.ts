/**
 * Parses and validates a plan file: shape (zod) first, then every cross-reference, so that a
 * leader gets all problems at once, each with its JSON path and reason, in bokmål and English.
 */
import { PlanSchema, zodProblems, type InputProblem, type ParseResult, type Plan } from './plan.js';
import { checkRuleSetBounds } from './ruleSet.js';
import { addDays, toEpochDay } from '../time/localDate.js';
import { localInstant } from '../time/zone.js';
import { compileShiftTypes, type CShiftType } from '../eval/context.js';

export const MAX_PLAN_DAYS = 53 * 7;

export function parsePlan(raw: unknown): ParseResult<Plan> {
  const parsed = PlanSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const plan = parsed.data;
  const problems: InputProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  const start = toEpochDay(plan.start);
  const end = toEpochDay(plan.end);
  if (end < start) add('end', `sluttdato ${plan.end} er før startdato ${plan.start} / end date is before start date`);
  else if (end - start + 1 > MAX_PLAN_DAYS) add('end', `perioden er ${end - start + 1} dager; høyst ${MAX_PLAN_DAYS} / the period is longer than ${MAX_PLAN_DAYS} days`);
  const inPeriod = (date: string) => {
    const x = toEpochDay(date);
    return x >= start && x <= end;
  };

  for (const p of checkRuleSetBounds(plan.rules)) add(`rules.${p.path}`, `${p.message} / ${p.messageEn}`);

  const codes = new Map<string, number>();
  plan.shiftTypes.forEach((s, i) => {
    if (codes.has(s.code)) add(`shiftTypes[${i}].code`, `vaktkoden «${s.code}» finnes allerede (shiftTypes[${codes.get(s.code)}]) / duplicate shift code`);
    else codes.set(s.code, i);
    if (s.start === s.end) add(`shiftTypes[${i}].end`, 'vakten har lik start og slutt / the shift starts and ends at the same time');
  });
  plan.shiftTypes.forEach((s, i) => {
    if (s.predictionFor === undefined) return;
    const base = plan.shiftTypes[codes.get(s.predictionFor) ?? -1];
    if (!base) add(`shiftTypes[${i}].predictionFor`, `ukjent vaktkode «${s.predictionFor}» / unknown shift code`);
    else if (base.predictionFor !== undefined) add(`shiftTypes[${i}].predictionFor`, `«${s.predictionFor}» er selv en prediksjonsvakt / is itself a prediction shift`);
    else if (s.predictionFor === s.code) add(`shiftTypes[${i}].predictionFor`, 'en prediksjonsvakt kan ikke stå for seg selv / a prediction shift cannot stand in for itself');
  });
  const ids = new Map<string, number>();
  plan.employees.forEach((e, i) => {
    if (ids.has(e.id)) add(`employees[${i}].id`, `ansatt-id «${e.id}» finnes allerede (employees[${ids.get(e.id)}]) / duplicate employee id`);
    else ids.set(e.id, i);
  });

  plan.demand.forEach((dm, i) => {
    if (!codes.has(dm.shift)) add(`demand[${i}].shift`, `ukjent vaktkode «${dm.shift}» / unknown shift code`);
    if (dm.target !== undefined && dm.target < dm.min) add(`demand[${i}].target`, `mål ${dm.target} er lavere enn minimum ${dm.min} / target below minimum`);
    dm.dates?.forEach((date, j) => {
      if (!inPeriod(date)) add(`demand[${i}].dates[${j}]`, `datoen ${date} er utenfor perioden ${plan.start}–${plan.end} / date outside the period`);
    });
  });
  plan.absences.forEach((a, i) => {
    if (!ids.has(a.employee)) add(`absences[${i}].employee`, `ukjent ansatt «${a.employee}» / unknown employee`);
    if (toEpochDay(a.to) < toEpochDay(a.from)) add(`absences[${i}].to`, `til-dato ${a.to} er før fra-dato ${a.from} / 'to' is before 'from'`);
  });
  plan.wishes.forEach((w, i) => {
    if (!ids.has(w.employee)) add(`wishes[${i}].employee`, `ukjent ansatt «${w.employee}» / unknown employee`);
    if (w.shift !== null && !codes.has(w.shift)) add(`wishes[${i}].shift`, `ukjent vaktkode «${w.shift}» / unknown shift code`);
    if (!inPeriod(w.date)) add(`wishes[${i}].date`, `datoen ${w.date} er utenfor perioden ${plan.start}–${plan.end} / date outside the period`);
  });

  // Assignments: references, period, one shift per person and day, no overlapping shifts.
  const shiftTypes = compileShiftTypes(plan);
  const byEmployee = new Map<string, PlacedShift[]>();
  const seen = new Map<string, number>();
  plan.assignments.forEach((a, i) => {
    let ok = true;
    if (!ids.has(a.employee)) {
      add(`assignments[${i}].employee`, `ukjent ansatt «${a.employee}» / unknown employee`);
      ok = false;
    }
    const s = codes.get(a.shift);
    if (s === undefined) {
      add(`assignments[${i}].shift`, `ukjent vaktkode «${a.shift}» / unknown shift code`);
      ok = false;
    }
    if (!inPeriod(a.date)) {
      add(`assignments[${i}].date`, `datoen ${a.date} er utenfor perioden ${plan.start}–${plan.end} / date outside the period`);
      ok = false;
    }
    const key = `${a.employee}|${a.date}`;
    if (seen.has(key)) {
      add(`assignments[${i}]`, `${a.employee} har allerede en vakt ${a.date} (assignments[${seen.get(key)}]); én vakt per person per dag / one shift per person per day`);
      ok = false;
    } else seen.set(key, i);
    if (!ok || s === undefined) return;
    const list = byEmployee.get(a.employee) ?? [];
    list.push({ i, date: a.date, shift: s });
    byEmployee.set(a.employee, list);
  });
  for (const [emp, list] of byEmployee) problems.push(...overlapProblems(shiftTypes, emp, list));
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: plan };
}

/** One assignment of an employee: its index in the plan's assignments, date and shift type index. */
export interface PlacedShift {
  i: number;
  date: string;
  shift: number;
}

/**
 * Shifts of one employee that overlap in time (DST-aware), each reported against the shift
 * before it. `parsePlan` uses it for every employee; the instant re-check of an edit for the
 * employees whose cells changed.
 */
export function overlapProblems<T extends PlacedShift>(
  shiftTypes: readonly CShiftType[],
  employee: string,
  shifts: readonly T[],
  /** Start and end instant of a shift (default: computed; the evaluation context has them cached). */
  span: (x: T) => [number, number] = (x) => shiftSpan(shiftTypes[x.shift], x.date),
): InputProblem[] {
  const list = shifts.map((x) => {
    const [startI, endI] = span(x);
    return { i: x.i, date: x.date, startI, endI };
  });
  list.sort((x, y) => x.startI - y.startI);
  const out: InputProblem[] = [];
  for (let k = 1; k < list.length; k++) {
    const prev = list[k - 1];
    const cur = list[k];
    if (cur.startI < prev.endI)
      out.push({ path: `assignments[${cur.i}]`, message: `vakten ${cur.date} overlapper vakten ${prev.date} (assignments[${prev.i}]) for ${employee} / overlaps another shift of the same employee` });
  }
  return out;
}

/** Start and end instant of a shift on a date (Europe/Oslo; a shift ending at or before its start ends the next day). */
function shiftSpan(st: CShiftType, date: string): [number, number] {
  return [localInstant(date, st.startMin), st.endMin > st.startMin ? localInstant(date, st.endMin) : localInstant(addDays(date, 1), st.endMin)];
}
