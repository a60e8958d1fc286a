/**
 * Rule sets: law defaults + collective agreement (KS) + local agreement parameters.
 * Every parameter carries its legal bounds and the law that sets them; a value outside the
 * bounds, or a relaxation without the agreement the law requires, is rejected with an error
 * that names the bound and the law (RULES.md § 10).
 */
import { z } from 'zod';
import { ClockSchema } from './primitives.js';
import { clockToMinutes } from '../time/zone.js';

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

export interface ParameterBound {
  /** Dotted path in the rule set. */
  path: string;
  labelNb: string;
  labelEn: string;
  min?: number;
  max?: number;
  unit: 'h' | 'min' | 'weeks' | 'count' | 'k';
  /** The law or agreement that sets the bound. */
  law: string;
}

/** Every numeric parameter with its legal or agreed bounds (shown and enforced in the UI). */
export const PARAMETER_BOUNDS: ParameterBound[] = [
  { path: 'dailyRest.minHours', labelNb: 'Daglig hvile, minst', labelEn: 'Daily rest, minimum', min: 8, max: 24, unit: 'h', law: 'AML § 10-8 (1) og (3)' },
  { path: 'weeklyRest.minHours', labelNb: 'Ukentlig hvile, minst', labelEn: 'Weekly rest, minimum', min: 28, max: 72, unit: 'h', law: 'AML § 10-8 (2) og (3)' },
  { path: 'totalTime.maxHoursPer24', labelNb: 'Samlet arbeidstid per 24 t, høyst', labelEn: 'Total working time per 24 h, maximum', min: 0, max: 16, unit: 'h', law: 'AML § 10-6 (8) og (9)' },
  { path: 'averaging.centralMaxShiftHours', labelNb: 'Sentralt godkjent vaktlengde, høyst', labelEn: 'Centrally approved shift length, maximum', min: 12.5, max: 16, unit: 'h', law: 'AML § 10-12 (4), § 10-6 (9)' },
  { path: 'longShifts.localMaxHours', labelNb: 'Langvakt etter lokal avtale, høyst', labelEn: 'Long shift by local agreement, maximum', min: 9, max: 12.5, unit: 'h', law: 'AML § 10-5 (2)' },
  { path: 'longShifts.maxInRow', labelNb: 'Langvakter på rad, høyst', labelEn: 'Long shifts in a row, maximum', min: 1, max: 7, unit: 'count', law: 'Lokal avtale (AML § 10-2)' },
  { path: 'sundayRule.averagingWeeks', labelNb: 'Gjennomsnittsberegning søn-/helgedager, uker', labelEn: 'Sunday/holiday averaging period, weeks', min: 1, max: 26, unit: 'weeks', law: 'AML § 10-8 (4)' },
  { path: 'sundayRule.toleranceMinutes', labelNb: 'Toleranse for arbeid i søndagssonen', labelEn: 'Tolerance for work in the Sunday zone', min: 0, max: 60, unit: 'min', law: 'AML § 10-10 (1)' },
  { path: 'weekend.frequency', labelNb: 'Helgefrekvens (hver k-te helg)', labelEn: 'Weekend frequency (every k-th weekend)', min: 1, max: 6, unit: 'k', law: 'Lokal avtale (LOC-03)' },
  { path: 'weekend.maxConsecutive', labelNb: 'Arbeidshelger på rad, høyst', labelEn: 'Weekends worked in a row, maximum', min: 1, max: 4, unit: 'count', law: 'Lokal avtale (LOC-03)' },
  { path: 'weekend.minOverlapMinutes', labelNb: 'Minste overlapp for at helgen regnes som arbeidet', labelEn: 'Minimum overlap for a worked weekend', min: 1, max: 480, unit: 'min', law: 'Lokal praksis (RULES § 2.5)' },
  { path: 'breaks.defaultMinutes', labelNb: 'Standard pause per vakt', labelEn: 'Default break per shift', min: 0, max: 120, unit: 'min', law: 'AML § 10-9 (1)' },
  { path: 'hours.toleranceHoursPerWeek', labelNb: 'Toleranse timer mot stilling, per uke', labelEn: 'Hours vs position tolerance, per week', min: 0, max: 5, unit: 'h', law: 'HTA kap. 1 § 4 (lokal praksis)' },
  { path: 'vacation.days', labelNb: 'Feriedager (virkedager)', labelEn: 'Vacation days (working days)', min: 25, max: 36, unit: 'count', law: 'Ferieloven § 5, HTA (5. ferieuke)' },
  { path: 'vacation.over60Extra', labelNb: 'Ekstra ferie fra fylte 60', labelEn: 'Extra vacation from age 60', min: 6, max: 12, unit: 'count', law: 'Ferieloven § 5 (1)' },
  { path: 'soft.quickReturnMaxPer4Weeks', labelNb: 'Kveld–dag per 4 uker, høyst', labelEn: 'Evening–day returns per 4 weeks, maximum', min: 0, max: 8, unit: 'count', law: 'PRA-01 (lokal avtale)' },
  { path: 'soft.minDaysOffAfterNights', labelNb: 'Fridager etter nattserie, minst', labelEn: 'Days off after a night series, minimum', min: 0, max: 4, unit: 'count', law: 'PRA-02' },
  { path: 'soft.maxConsecutiveDays', labelNb: 'Arbeidsdager på rad, høyst', labelEn: 'Consecutive working days, maximum', min: 1, max: 12, unit: 'count', law: 'PRA-03' },
  { path: 'soft.maxConsecutiveNights', labelNb: 'Netter på rad, høyst', labelEn: 'Consecutive nights, maximum', min: 1, max: 7, unit: 'count', law: 'PRA-04' },
  { path: 'soft.minShiftHours', labelNb: 'Korteste vakt', labelEn: 'Shortest shift', min: 3, max: 8, unit: 'h', law: 'PRA-07' },
];

export interface RuleSetProblem {
  path: string;
  message: string;
  messageEn: string;
}

function get(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

const fmt = (n: number) => String(n).replace('.', ',');

/**
 * Checks a parsed rule set against the legal bounds and the agreements the law requires for
 * each relaxation. Returns every problem found (empty when the rule set is lawful).
 */
export function checkRuleSetBounds(rs: RuleSet): RuleSetProblem[] {
  const out: RuleSetProblem[] = [];
  for (const b of PARAMETER_BOUNDS) {
    const v = get(rs, b.path);
    if (typeof v !== 'number') continue;
    if (b.min !== undefined && v < b.min)
      out.push({
        path: b.path,
        message: `${b.labelNb} = ${fmt(v)} er under nedre grense ${fmt(b.min)} ${b.unit} (${b.law})`,
        messageEn: `${b.labelEn} = ${v} is below the lower bound ${b.min} ${b.unit} (${b.law})`,
      });
    if (b.max !== undefined && v > b.max)
      out.push({
        path: b.path,
        message: `${b.labelNb} = ${fmt(v)} er over øvre grense ${fmt(b.max)} ${b.unit} (${b.law})`,
        messageEn: `${b.labelEn} = ${v} is above the upper bound ${b.max} ${b.unit} (${b.law})`,
      });
  }
  if (rs.dailyRest.minHours < 11 && !rs.dailyRest.agreementRef)
    out.push({
      path: 'dailyRest.agreementRef',
      message: 'Daglig hvile under 11 t krever skriftlig avtale med tillitsvalgte i tariffbundet virksomhet (AML § 10-8 (3)); oppgi avtalereferanse',
      messageEn: 'Daily rest below 11 h requires a written agreement with union representatives in a tariff-bound undertaking (AML § 10-8 (3)); give the agreement reference',
    });
  if (rs.weeklyRest.minHours < 35 && !rs.weeklyRest.agreementRef)
    out.push({
      path: 'weeklyRest.agreementRef',
      message: 'Ukentlig hvile under 35 t krever avtale med tillitsvalgte (AML § 10-8 (3)); oppgi avtalereferanse',
      messageEn: 'Weekly rest below 35 h requires an agreement with union representatives (AML § 10-8 (3)); give the agreement reference',
    });
  if (rs.totalTime.maxHoursPer24 > 13 && !rs.totalTime.agreementRef)
    out.push({
      path: 'totalTime.agreementRef',
      message: 'Samlet arbeidstid over 13 t per 24 t krever tariffavtale med tillitsvalgte (AML § 10-6 (9)); oppgi avtalereferanse',
      messageEn: 'Total working time above 13 h per 24 h requires a tariff agreement with union representatives (AML § 10-6 (9)); give the agreement reference',
    });
  if (rs.averaging.tier === 'central' && !rs.averaging.centralAgreementRef)
    out.push({
      path: 'averaging.centralAgreementRef',
      message: 'Vakter over 12,5 t krever avtale med fagforening med innstillingsrett (AML § 10-12 (4)); oppgi referansen til den sentrale godkjenningen',
      messageEn: 'Shifts above 12.5 h require an agreement with a union with innstillingsrett (AML § 10-12 (4)); give the reference of the central approval',
    });
  // The night window may be moved by the tariff parties, but must be ≥ 8 h and contain 00–06.
  const ns = clockToMinutes(rs.night.start);
  const ne = clockToMinutes(rs.night.end);
  const len = (ne - ns + 1440) % 1440;
  const contains0to6 = ns >= 12 * 60 && ne >= 6 * 60 && ne < 12 * 60 ? true : ns === 0 && ne >= 6 * 60;
  if (len < 8 * 60 || !contains0to6)
    out.push({
      path: 'night',
      message: `Nattvinduet ${rs.night.start}–${rs.night.end} må være minst 8 t og omfatte 00–06 (AML § 10-11 (1))`,
      messageEn: `The night window ${rs.night.start}–${rs.night.end} must be at least 8 h and contain 00–06 (AML § 10-11 (1))`,
    });
  return out;
}

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
