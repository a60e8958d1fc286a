/**
 * Rule sets: law defaults + collective agreement (KS) + local agreement parameters.
 * Every parameter carries its legal bounds and the law that sets them (the table is in
 * ruleBounds.ts); a value outside the bounds, or a relaxation without the agreement the law
 * requires, is rejected with an error that names the bound and the law (RULES.md § 10).
 */
import { z } from 'zod';
import { ClockSchema } from './primitives.js';

export const AVERAGING_TIERS = ['none', 'individual', 'tillitsvalgte', 'arbeidstilsynet', 'central'] as const;
export type AveragingTier = (typeof AVERAGING_TIERS)[number];

export const RuleSetSchema = z
  .object({
    agreement: z.enum(['KS', 'Spekter', 'AML']).default('KS'),
    averaging: z
      .object({
        tier: z.enum(AVERAGING_TIERS).default('tillitsvalgte'),
        centralAgreementRef: z.string().min(1).nullable().default(null),
        centralMaxShiftHours: z.number().default(12.5),
      })
      .default({ tier: 'tillitsvalgte', centralAgreementRef: null, centralMaxShiftHours: 12.5 }),
    dailyRest: z
      .object({ minHours: z.number().default(11), agreementRef: z.string().min(1).nullable().default(null) })
      .default({ minHours: 11, agreementRef: null }),
    weeklyRest: z
      .object({
        minHours: z.number().default(35),
        agreementRef: z.string().min(1).nullable().default(null),
        mode: z.enum(['calendarWeek', 'rolling']).default('calendarWeek'),
      })
      .default({ minHours: 35, agreementRef: null, mode: 'calendarWeek' }),
    totalTime: z
      .object({ maxHoursPer24: z.number().default(13), agreementRef: z.string().min(1).nullable().default(null) })
      .default({ maxHoursPer24: 13, agreementRef: null }),
    night: z
      .object({ start: ClockSchema.default('21:00'), end: ClockSchema.default('06:00'), riskClause: z.boolean().default(false) })
      .default({ start: '21:00', end: '06:00', riskClause: false }),
    sundayRule: z
      .object({
        mode: z.enum(['mainRule', 'averaging']).default('mainRule'),
        averagingWeeks: z.number().int().default(26),
        toleranceMinutes: z.number().int().default(0),
      })
      .default({ mode: 'mainRule', averagingWeeks: 26, toleranceMinutes: 0 }),
    weekend: z
      .object({
        frequency: z.number().int().default(3),
        maxConsecutive: z.number().int().default(1),
        minOverlapMinutes: z.number().int().default(60),
        severity: z.enum(['hard', 'soft']).default('soft'),
      })
      .default({ frequency: 3, maxConsecutive: 1, minOverlapMinutes: 60, severity: 'soft' }),
    longShifts: z
      .object({ localMaxHours: z.number().default(12.5), maxInRow: z.number().int().default(3) })
      .default({ localMaxHours: 12.5, maxInRow: 3 }),
    breaks: z
      .object({ defaultMinutes: z.number().int().default(30), defaultPaid: z.boolean().default(true) })
      .default({ defaultMinutes: 30, defaultPaid: true }),
    hours: z
      .object({
        weeklyNorm: z.union([z.literal('auto'), z.literal(37.5), z.literal(35.5), z.literal(33.6)]).default('auto'),
        toleranceHoursPerWeek: z.number().default(0.25),
        redDayModel: z.enum(['dayWorkerEquivalent', 'none']).default('dayWorkerEquivalent'),
      })
      .default({ weeklyNorm: 'auto', toleranceHoursPerWeek: 0.25, redDayModel: 'dayWorkerEquivalent' }),
    vacation: z
      .object({ days: z.number().int().default(30), over60Extra: z.number().int().default(6), mainWeeksHard: z.boolean().default(false) })
      .default({ days: 30, over60Extra: 6, mainWeeksHard: false }),
    staffing: z
      .object({ minSeverity: z.enum(['hard', 'soft']).default('hard') })
      .default({ minSeverity: 'hard' }),
    soft: z
      .object({
        quickReturnMaxPer4Weeks: z.number().int().default(0),
        minDaysOffAfterNights: z.number().int().default(2),
        maxConsecutiveDays: z.number().int().default(5),
        maxConsecutiveNights: z.number().int().default(4),
        minShiftHours: z.number().default(4),
        mondayFreeAfterLongWeekend: z.boolean().default(true),
      })
      .default({
        quickReturnMaxPer4Weeks: 0,
        minDaysOffAfterNights: 2,
        maxConsecutiveDays: 5,
        maxConsecutiveNights: 4,
        minShiftHours: 4,
        mondayFreeAfterLongWeekend: true,
      }),
    /** Per-rule weight multipliers for scoring (1 = default). */
    weights: z.record(z.string(), z.number().min(0)).default({}),
  })
  .strict();

export type RuleSet = z.infer<typeof RuleSetSchema>;
export type RuleSetInput = z.input<typeof RuleSetSchema>;

/** The KS nursing-home defaults of RULES.md § 10. */
export function defaultRuleSet(): RuleSet {
  return RuleSetSchema.parse({});
}

export {
  PARAMETER_BOUNDS,
  CHOICE_PARAMETERS,
  NIGHT_WINDOW_BOUND,
  checkRuleSetBounds,
  checkParameter,
  boundsWithValues,
  type ParameterBound,
  type RuleSetProblem,
  type ChoiceParameter,
  type BoundWithValue,
} from './ruleBounds.js';

/** Maximum hours in any 24 h (of normal working time) for each averaging tier, AML § 10-4/10-5. */
export function tierDailyMaxHours(rs: RuleSet): number {
  switch (rs.averaging.tier) {
    case 'none':
      return 9;
    case 'individual':
      return 10;
    case 'tillitsvalgte':
      return 12.5;
    case 'arbeidstilsynet':
      return 13;
    case 'central':
      return rs.averaging.centralMaxShiftHours;
  }
}

/** Maximum hours in any single week under the averaging tier, AML § 10-5. */
export function tierWeekMaxHours(rs: RuleSet): number {
  return rs.averaging.tier === 'individual' ? 50 : 54;
}

export function tierSource(rs: RuleSet): string {
  switch (rs.averaging.tier) {
    case 'none':
      return 'AML § 10-4 (1)';
    case 'individual':
      return 'AML § 10-5 (1)';
    case 'tillitsvalgte':
      return 'AML § 10-5 (2)';
    case 'arbeidstilsynet':
      return 'AML § 10-5 (3)';
    case 'central':
      return 'AML § 10-12 (4)';
  }
}
