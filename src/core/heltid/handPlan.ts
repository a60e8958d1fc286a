/**
 * A staffing plan entered by hand (no unit file): shift types and demand lines, over whole
 * weeks from a Monday, as a Plan the scenario planner reads.
 */
import { PlanSchema, type Plan, type PlanInput } from '../model/plan.js';
import type { RuleSetInput } from '../model/ruleSet.js';
import { addDays } from '../time/localDate.js';

export interface StaffingPlanInput {
  unit?: string;
  shiftTypes: PlanInput['shiftTypes'];
  demand: PlanInput['demand'];
  /** A Monday (default 2027-01-04). */
  start?: string;
  /** Whole weeks (default 4). */
  weeks?: number;
  rules?: RuleSetInput;
  planningForm?: Plan['planningForm'];
}

export function staffingPlan(input: StaffingPlanInput): Plan {
  const start = input.start ?? '2027-01-04';
  const weeks = input.weeks ?? 4;
  return PlanSchema.parse({
    unit: input.unit ?? 'Bemanningsplan',
    start,
    end: addDays(start, weeks * 7 - 1),
    planningForm: input.planningForm ?? 'calendar',
    shiftTypes: input.shiftTypes,
    employees: [],
    demand: input.demand,
    rules: input.rules ?? {},
  });
}
