/**
 * Small builders for the rule tests: a plan from a few lines, and the violations of one rule.
 * (Not a test file itself; imported by the *.test.ts files.)
 */
import { PlanSchema, type PlanInput, type Plan } from '../model/plan.js';
import { parsePlan } from '../model/validatePlan.js';
import { checkPlan, type Violation } from '../eval/checker.js';
import { addDays } from '../time/localDate.js';

export const STD_SHIFTS = [
  { code: 'D', start: '07:00', end: '15:00' },
  { code: 'K', start: '14:30', end: '22:30' },
  { code: 'N', start: '22:00', end: '07:30' },
  { code: 'L', start: '08:00', end: '20:30' },
];

export type Row = [employee: string, date: string, shift: string];

export interface MiniPlan extends Partial<Omit<PlanInput, 'assignments'>> {
  rows?: Row[];
}

export function plan(p: MiniPlan): Plan {
  const { rows = [], ...rest } = p;
  const input: PlanInput = {
    unit: 'Testavdeling',
    start: '2027-01-04',
    end: '2027-02-14',
    shiftTypes: STD_SHIFTS,
    employees: [{ id: 'e1', name: 'Kari Nordmann', competence: 'sykepleier', positionPercent: 100 }],
    ...rest,
    assignments: rows.map(([employee, date, shift]) => ({ employee, date, shift })),
  };
  const r = parsePlan(input);
  if (!r.ok) throw new Error(`invalid test plan: ${JSON.stringify(r.problems)}`);
  return PlanSchema.parse(r.value);
}

export function violationsOf(p: Plan, rule: string): Violation[] {
  return checkPlan(p).violations.filter((v) => v.rule === rule);
}

/** Assignments of one shift code for one employee on consecutive dates. */
export function run(employee: string, from: string, days: number, shift: string, step = 1): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < days; i++) out.push([employee, addDays(from, i * step), shift]);
  return out;
}

/** Weekday-only assignments (Mon–Fri) from a Monday for n weeks. */
export function weekdays(employee: string, monday: string, weeks: number, shift: string): Row[] {
  const out: Row[] = [];
  for (let w = 0; w < weeks; w++) for (let d = 0; d < 5; d++) out.push([employee, addDays(monday, w * 7 + d), shift]);
  return out;
}
