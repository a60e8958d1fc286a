/**
 * The plan file: one unit, one period, its shift types, employees, staffing plan (demand),
 * absences, wishes, rule set and the rota (assignments). Shared by the CLI, the API and
 * the database. `parsePlan` validates the shape with zod and then the cross-references
 * (unknown shift codes, dates outside the period, overlapping shifts …), and reports every
 * problem with its JSON path and reason.
 */
import { z } from 'zod';
import {
  ABSENCE_KINDS,
  CONTRACT_TYPES,
  ClockSchema,
  IdSchema,
  LocalDateSchema,
  SHIFT_CATEGORIES,
  WeekdaySchema,
} from './primitives.js';
import { RuleSetSchema } from './ruleSet.js';

export const ShiftTypeSchema = z
  .object({
    code: z.string().min(1).max(8).regex(/^[A-Za-zÆØÅæøå0-9_-]+$/, 'bare bokstaver, tall, _ og - / letters, digits, _ and - only'),
    name: z.string().max(80).optional(),
    start: ClockSchema,
    end: ClockSchema,
    breakMinutes: z.number().int().min(0).max(240).optional().describe('Break minutes within the shift (default from the rule set)'),
    breakPaid: z.boolean().optional().describe('Paid break (the employee cannot leave): counts as working time'),
    category: z.enum(SHIFT_CATEGORIES).optional().describe('day/evening/night/long/middle; derived from the times when left out'),
    predictionFor: z
      .string()
      .min(1)
      .optional()
      .describe('A prediction shift (prediksjonsvakt): planned on own staff in advance for the expected short-notice absence on this shift code; it does not count towards that shift\'s staffing until the holder steps in'),
  })
  .strict();

export const EmployeeSchema = z
  .object({
    id: IdSchema,
    name: z.string().min(1).max(120),
    competence: z.string().min(1).optional().describe('Main competence (sykepleier, vernepleier, helsefagarbeider, assistent …)'),
    competences: z.array(z.string().min(1)).optional().describe('All competences; the first is the main one'),
    positionPercent: z
      .number()
      .gt(0, 'stillingsprosent må være over 0 / position percentage must be above 0')
      .max(100, 'stillingsprosent kan ikke være over 100 / position percentage cannot exceed 100'),
    contract: z.enum(CONTRACT_TYPES).optional(),
    homeUnit: z.string().optional(),
    canWorkLongShifts: z.boolean().optional().describe('Has agreed to long shifts (voluntary, NSF)'),
    canWorkNights: z.boolean().optional().describe('false if exempt from night work (AML § 10-11 (8))'),
    birthDate: LocalDateSchema.optional().describe('For the youth rules (AML kap. 11) and vacation from 60'),
    weekendFrequency: z.number().int().min(1).max(6).optional().describe('Personal weekend frequency, agreed with the employee'),
    desiredPositionPercent: z.number().gt(0).max(100).optional(),
  })
  .strict();

export const DemandSchema = z
  .object({
    shift: z.string().min(1),
    days: z.array(WeekdaySchema).optional().describe('Weekdays this applies to (default all)'),
    dates: z.array(LocalDateSchema).optional().describe('Specific dates (override weekdays)'),
    min: z.number().int().min(0),
    target: z.number().int().min(0).optional(),
    competence: z.string().min(1).optional().describe('Count only employees with this competence'),
  })
  .strict();

export const AbsenceSchema = z
  .object({
    employee: IdSchema,
    from: LocalDateSchema,
    to: LocalDateSchema,
    kind: z.enum(ABSENCE_KINDS),
  })
  .strict();

export const WishSchema = z
  .object({
    employee: IdSchema,
    date: LocalDateSchema,
    shift: z.string().min(1).nullable().describe('Shift code, or null for the whole day'),
    kind: z.enum(['want', 'avoid']),
    weight: z.number().min(0).max(10).default(1),
  })
  .strict();

export const AssignmentSchema = z
  .object({
    employee: IdSchema,
    date: LocalDateSchema,
    shift: z.string().min(1),
  })
  .strict();

export const PLANNING_FORMS = ['calendar', 'rolling', 'annual'] as const;

export const PlanSchema = z
  .object({
    $schema: z.string().optional(),
    unit: z.string().min(1).max(120),
    start: LocalDateSchema,
    end: LocalDateSchema,
    planningForm: z.enum(PLANNING_FORMS).default('calendar'),
    shiftTypes: z.array(ShiftTypeSchema).min(1, 'minst én vakttype / at least one shift type'),
    employees: z.array(EmployeeSchema),
    demand: z.array(DemandSchema).default([]),
    absences: z.array(AbsenceSchema).default([]),
    wishes: z.array(WishSchema).default([]),
    rules: RuleSetSchema.default(RuleSetSchema.parse({})),
    assignments: z.array(AssignmentSchema).default([]),
  })
  .strict();

export type PlanInput = z.input<typeof PlanSchema>;
export type Plan = z.output<typeof PlanSchema>;
export type ShiftTypeInput = z.output<typeof ShiftTypeSchema>;
export type EmployeeInput = z.output<typeof EmployeeSchema>;
export type Demand = z.output<typeof DemandSchema>;
export type Absence = z.output<typeof AbsenceSchema>;
export type Wish = z.output<typeof WishSchema>;
export type Assignment = z.output<typeof AssignmentSchema>;

export interface InputProblem {
  /** JSON path, e.g. "assignments[3].shift". */
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) {
    if (typeof p === 'number') s += `[${p}]`;
    else s += s ? `.${String(p)}` : String(p);
  }
  return s || '(rot)';
}

export function zodProblems(error: z.ZodError): InputProblem[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}
