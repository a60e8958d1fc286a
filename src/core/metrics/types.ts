/**
 * Full-time culture metrics (heltidskultur): the plain input the figures are computed from, and
 * the figures themselves. Every figure carries its definition (bokmål and English) and, when it
 * cannot be computed, `value: null` with the reason — never a silent 0.
 */
import { z } from 'zod';
import { ABSENCE_KINDS, CONTRACT_TYPES, IdSchema, LocalDateSchema, type AbsenceKind, type ContractType } from '../model/primitives.js';
import { PlanSchema, type Plan } from '../model/plan.js';
import type { LocalDate } from '../time/localDate.js';
import type { Message } from '../heltid/messages.js';

export type { Message };

/** A text in both languages. */
export interface Text {
  nb: string;
  en: string;
}

export const MetricsUnitSchema = z
  .object({
    id: IdSchema,
    name: z.string().min(1).max(120),
    serviceArea: z.string().min(1).max(120).describe('Tjenesteområde, for roll-ups'),
  })
  .strict();

/**
 * One position (stilling) of one person over a time span. A person's history is several records
 * with the same id (a change of position from a date is a new record); a person with positions in
 * two units has one record per unit.
 */
export const MetricsEmployeeSchema = z
  .object({
    id: IdSchema,
    name: z.string().max(120).optional(),
    unitId: IdSchema,
    competence: z.string().min(1).nullable().optional(),
    positionPercent: z.number().min(0).max(100),
    contract: z.enum(CONTRACT_TYPES).optional().describe('permanent (default), temporary or hourly; hourly staff hold no position'),
    validFrom: LocalDateSchema.optional().describe('First day of this position (inclusive); open when left out'),
    validTo: LocalDateSchema.optional().describe('Last day of this position (inclusive); open when left out'),
    weekendOnly: z.boolean().optional().describe('A weekend-only position (ren helgestilling)'),
  })
  .strict()
  .refine((e) => !e.validFrom || !e.validTo || e.validFrom <= e.validTo, { message: 'validTo er før validFrom / validTo is before validFrom', path: ['validTo'] });

export const ACTUAL_COVER_KINDS = ['planned', 'prediction', 'own', 'pool', 'substitute', 'uncovered'] as const;
export type ActualCoverKind = (typeof ACTUAL_COVER_KINDS)[number];

/**
 * Planned vs actual for one shift, as `GET /api/plans/:id/actuals` lists it: one row per planned
 * shift ('planned' when the planned person worked it), a cover row for each absence.
 */
export const ActualSchema = z
  .object({
    date: LocalDateSchema,
    shift: z.string().min(1),
    unitId: IdSchema,
    plannedEmployee: z.string().min(1).nullable(),
    actualEmployee: z.string().min(1).nullable(),
    actualCompetence: z.string().min(1).nullable(),
    coverKind: z.enum(ACTUAL_COVER_KINDS),
  })
  .strict();

export const AbsenceRecordSchema = z
  .object({
    employee: IdSchema,
    from: LocalDateSchema,
    to: LocalDateSchema,
    kind: z.enum(ABSENCE_KINDS),
  })
  .strict()
  .refine((a) => a.from <= a.to, { message: 'to er før from / to is before from', path: ['to'] });

export const HIRED_KINDS = ['agency', 'extra', 'overtime'] as const;
export type HiredKind = (typeof HIRED_KINDS)[number];

/** Hours bought beyond the positions: agency staff (innleie), extra shifts (ekstravakter), overtime (overtid). */
export const HiredSchema = z
  .object({
    date: LocalDateSchema,
    unitId: IdSchema,
    hours: z.number().min(0).max(24 * 31),
    kind: z.enum(HIRED_KINDS),
  })
  .strict();

export const MetricsInputSchema = z
  .object({
    units: z.array(MetricsUnitSchema),
    employees: z.array(MetricsEmployeeSchema),
    /** Rota plans with their assignments; a plan belongs to the unit whose id (or else name) equals `plan.unit`. */
    plans: z.array(PlanSchema).default([]),
    actuals: z.array(ActualSchema).optional(),
    absences: z.array(AbsenceRecordSchema).optional(),
    hired: z.array(HiredSchema).optional(),
  })
  .strict();

export type MetricsUnit = z.output<typeof MetricsUnitSchema>;
export type MetricsEmployee = z.output<typeof MetricsEmployeeSchema>;
export type Actual = z.output<typeof ActualSchema>;
export type AbsenceRecord = z.output<typeof AbsenceRecordSchema>;
export type HiredRecord = z.output<typeof HiredSchema>;

/**
 * What the metrics are computed from. Left out (undefined) means "not registered": the figures
 * that need it are null with that reason. An empty array means "registered, none".
 */
export interface MetricsInput {
  units: MetricsUnit[];
  employees: MetricsEmployee[];
  plans: Plan[];
  actuals?: Actual[];
  absences?: AbsenceRecord[];
  hired?: HiredRecord[];
}

export type ScopeKind = 'unit' | 'serviceArea' | 'organisation';

/** A unit by id, a service area by its name, or the whole organisation (all units). */
export interface Scope {
  kind: ScopeKind;
  id?: string;
}

export interface MetricsOptions {
  /** The flow figures (hours, sick leave, covers, wishes) count the `windowDays` days ending on the date (default 365). */
  windowDays?: number;
  /** First day of the flow window (overrides windowDays). */
  windowFrom?: LocalDate;
  /** Contracts that hold a position (default permanent and temporary; hourly staff are counted apart). */
  contracts?: ContractType[];
  /** Absence kinds counted as sick leave (default egenmeldt and legemeldt, as SSB/NAV count it; sick_child apart). */
  sickKinds?: AbsenceKind[];
}

export type FigureUnit = 'persons' | 'fte' | 'percent' | 'hours' | 'shifts' | 'hoursPerPersonYear';

export interface Figure {
  /** Stable key, e.g. "fullTimeShare.atLeast80" or "averagePositionByCompetence.sykepleier". */
  key: string;
  /** null when it cannot be computed: `reason` says why. */
  value: number | null;
  unit: FigureUnit;
  /** One sentence saying exactly how it is computed. */
  definition: Text;
  reason?: Message;
  /** The parts of a ratio (or a sum's count), when there are any. */
  numerator?: number;
  denominator?: number;
}

export interface PositionBucket {
  key: string;
  /** Inclusive lower bound, exclusive upper bound (100 for the last: exactly 100 %). */
  min: number;
  max: number;
  label: Text;
}

export interface MetricsSnapshot {
  date: LocalDate;
  /** The flow figures' window (inclusive). */
  window: { from: LocalDate; to: LocalDate; days: number };
  scope: { kind: ScopeKind; id: string | null; name: Text; units: string[] };
  positions: {
    headcount: Figure;
    hourlyHeadcount: Figure;
    fte: Figure;
    averagePosition: Figure;
    averagePositionByCompetence: Record<string, Figure>;
    fullTimeShare: { percent100: Figure; atLeast80: Figure; above90: Figure };
    distribution: Array<{ bucket: PositionBucket; count: Figure; share: Figure }>;
    weekendOnly: Figure;
    small: Figure;
  };
  weekendHoursPerPersonYear: Figure;
  hired: { agencyHours: Figure; extraHours: Figure; extraShifts: Figure; overtimeHours: Figure };
  sickLeave: { rate: Figure; selfCertified: Figure; doctorCertified: Figure; sickChild: Figure };
  staffing: {
    plannedShifts: Figure;
    workedShifts: Figure;
    uncoveredShifts: Figure;
    actualVsPlanned: Figure;
    asPlanned: Figure;
    byCoverKind: Record<ActualCoverKind, Figure>;
    sameCompetenceCover: Figure;
  };
  predictionShifts: { planned: Figure; used: Figure; unused: Figure; useRate: Figure };
  wishes: { fulfilment: Figure; meanPersonShare: Figure; minPersonShare: Figure; belowHalfShare: Figure; persons: Figure };
  /** Data that was left out or looks wrong (unknown units, overlapping plans, a person above 100 % …). */
  warnings: Message[];
}

export interface TrendSeries {
  key: string;
  unit: FigureUnit;
  definition: Text;
  values: Array<number | null>;
}

export interface MonthlyTrend {
  scope: MetricsSnapshot['scope'];
  /** 'month': each point's flow figures count that calendar month; 'rollingYear': the 365 days ending on the point. */
  window: 'month' | 'rollingYear';
  /** The month ends in [from, to]. */
  dates: LocalDate[];
  points: MetricsSnapshot[];
  /** One series per figure key, aligned with `dates`. */
  series: TrendSeries[];
  notes: Message[];
}

export interface FigureChange {
  key: string;
  unit: FigureUnit;
  definition: Text;
  baseline: number | null;
  current: number | null;
  /** current − baseline (percentage points for percent figures); null when either is null. */
  change: number | null;
  changeUnit: FigureUnit | 'percentagePoints';
  /** change / |baseline| × 100; null when the baseline is 0 or null. */
  relativeChangePercent: number | null;
  reason?: Message;
}

export interface BaselineComparison {
  scope: MetricsSnapshot['scope'];
  baselineDate: LocalDate;
  date: LocalDate;
  baseline: MetricsSnapshot;
  current: MetricsSnapshot;
  changes: FigureChange[];
}

/** Invalid metrics input (a scope that does not exist, dates in the wrong order …), with bilingual reasons. */
export class MetricsInputError extends Error {
  readonly problems: Message[];
  constructor(problems: Message[]) {
    super(problems.map((p) => p.en).join('; '));
    this.name = 'MetricsInputError';
    this.problems = problems;
  }
}
