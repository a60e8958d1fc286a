/**
 * The risk assessment (forsvarlighetsvurdering) of a rota, as plain JSON: seven sections, each
 * with a traffic light, a short explanation in bokmål and English, its legal sources and the
 * figures behind it. No absence kinds anywhere (representatives read it).
 */
import type { Severity } from '../rules/types.js';

export type RiskLevel = 'green' | 'yellow' | 'red';

export interface Bilingual {
  nb: string;
  en: string;
}

export const RISK_SECTION_IDS = ['competence', 'quickReturns', 'longShifts', 'nights', 'hours', 'weekends', 'agreements'] as const;
export type RiskSectionId = (typeof RISK_SECTION_IDS)[number];

export interface SectionBase {
  id: RiskSectionId;
  level: RiskLevel;
  title: Bilingual;
  explanation: Bilingual;
  /** Legal or agreement sources of the section (the rule references, as the checker gives them). */
  sources: string[];
}

/** One date × shift × competence below the target (and perhaps the minimum). */
export interface CompetenceGap {
  date: string;
  shift: string;
  /** null: the line counts every employee, whatever the competence. */
  competence: string | null;
  actual: number;
  min: number;
  target: number;
  missingMin: number;
  missingTarget: number;
  belowMin: boolean;
  rule: 'PRA-11' | 'PRA-13';
  severity: Severity;
  source: string;
}

export interface CompetenceTotals {
  competence: string | null;
  cellsBelowMin: number;
  missingMin: number;
  cellsBelowTarget: number;
  missingTarget: number;
}

export interface CompetenceSection extends SectionBase {
  id: 'competence';
  hasDemand: boolean;
  gaps: CompetenceGap[];
  byCompetence: CompetenceTotals[];
  /** cellsBelowTarget counts cells at or above the minimum but below the target. */
  totals: Omit<CompetenceTotals, 'competence'>;
}

/** One rest between two shifts shorter than 11 h (or than a stricter local minimum). */
export interface QuickReturn {
  employee: string;
  employeeName: string;
  fromDate: string;
  fromShift: string;
  toDate: string;
  toShift: string;
  restHours: number;
  /** breach: below the rule set's minimum (a LAW-06 finding); agreement: allowed by the local agreement. */
  kind: 'breach' | 'agreement';
  /** Evening followed by a day shift the next day (PRA-01's "kveld–dag"). */
  eveningToDay: boolean;
  /** Flagged by PRA-01 (above the local allowance per 4 weeks). */
  pra01: boolean;
  source: string;
}

export interface QuickReturnPerson {
  employee: string;
  employeeName: string;
  count: number;
  agreementUses: number;
  breaches: number;
  eveningToDay: number;
  shortestRestHours: number;
}

export interface QuickReturnSection extends SectionBase {
  id: 'quickReturns';
  /** The rule set's minimum daily rest (11 h by law, down to 8 h by agreement). */
  minRestHours: number;
  agreementRef: string | null;
  events: QuickReturn[];
  persons: QuickReturnPerson[];
  totals: { count: number; agreementUses: number; breaches: number; eveningToDay: number; pra01: number; persons: number };
}

export interface LongShiftPerson {
  employee: string;
  employeeName: string;
  longShifts: number;
  /** Runs of two or more long shifts on consecutive days. */
  series: number;
  longestSeries: number;
  longestFrom: string | null;
  longestTo: string | null;
  /** Runs longer than the local agreement allows (LOC-01). */
  overLimit: number;
  /** Other hard findings on long shifts: not agreed to long shifts, above the tier or 12.5 h (LOC-01, LOC-02). */
  otherFindings: number;
}

export interface LongShiftSection extends SectionBase {
  id: 'longShifts';
  maxInRow: number;
  persons: LongShiftPerson[];
  totals: { longShifts: number; series: number; longestSeries: number; overLimit: number; otherFindings: number; persons: number };
}

export interface NightPerson {
  employee: string;
  employeeName: string;
  nights: number;
  runs: number;
  longestRun: number;
  longestFrom: string | null;
  longestTo: string | null;
  /** Runs above the limit (PRA-04). */
  runsOverLimit: number;
  /** Too few days off after a night series (PRA-02). */
  shortRestAfter: number;
  /** Hard night-work findings (LAW-10 exempt from nights, LAW-11 night workers' 8 h average). */
  hardFindings: number;
}

export interface NightSection extends SectionBase {
  id: 'nights';
  maxInRow: number;
  persons: NightPerson[];
  totals: { nights: number; longestRun: number; runsOverLimit: number; shortRestAfter: number; hardFindings: number; persons: number };
}

export interface HoursPerson {
  employee: string;
  employeeName: string;
  positionPercent: number;
  weeklyNorm: number;
  normBasis: string;
  plannedHours: number;
  requiredHours: number;
  deviationHours: number;
  /** Outside the tolerance: a TAR-04 finding. */
  outside: boolean;
}

export interface HoursSection extends SectionBase {
  id: 'hours';
  toleranceHours: number;
  persons: HoursPerson[];
  totals: { plannedHours: number; requiredHours: number; over: number; under: number; absoluteDeviationHours: number };
}

export interface WeekendPerson {
  employee: string;
  employeeName: string;
  weekendsWorked: number;
  weekendsInPeriod: number;
  /** Every k-th weekend: the person's own agreed frequency, else the rule set's. */
  frequency: number;
  personalFrequency: boolean;
  allowed: number;
  /** Works on average every n-th weekend (null: none worked). */
  everyNth: number | null;
  longestRow: number;
  /** LOC-03 findings (too many weekends, too many in a row). */
  findings: number;
}

export interface WeekendSection extends SectionBase {
  id: 'weekends';
  frequency: number;
  maxConsecutive: number;
  severity: Severity;
  persons: WeekendPerson[];
  totals: { weekendsInPeriod: number; weekendsWorked: number; personsOver: number; findings: number };
}

export type ExceptionDirection = 'relaxed' | 'stricter' | 'changed';

/** A rule-set parameter that differs from the KS default, and how often the rota uses it. */
export interface AgreementException {
  path: string;
  label: Bilingual;
  law: string;
  unit: string | null;
  defaultValue: number | string | boolean;
  value: number | string | boolean;
  direction: ExceptionDirection;
  agreementRef: string | null;
  /** Checker rules whose findings the parameter changes. */
  rules: string[];
  /**
   * How many times the rota uses the exception: the findings (weekends over the frequency for
   * LOC-03) the checker would report under the KS default but does not under this rule set.
   * null for a stricter setting or a parameter no rule measures.
   */
  uses: number | null;
}

export interface AgreementSection extends SectionBase {
  id: 'agreements';
  exceptions: AgreementException[];
  /** Rule-set problems (outside the legal bounds, or a relaxation without its agreement). */
  problems: Bilingual[];
  totals: { differing: number; relaxed: number; used: number; uses: number };
}

export interface RuleCount {
  rule: string;
  title: Bilingual;
  severity: Severity;
  count: number;
  reference: string;
}

export interface RiskAssessment {
  unit: string;
  start: string;
  end: string;
  planningForm: string;
  employees: number;
  assignments: number;
  /** The checker's figures the assessment is built on (counts per rule, no messages). */
  check: { hardCount: number; softCount: number; byRule: RuleCount[] };
  overall: { level: RiskLevel; explanation: Bilingual };
  sections: {
    competence: CompetenceSection;
    quickReturns: QuickReturnSection;
    longShifts: LongShiftSection;
    nights: NightSection;
    hours: HoursSection;
    weekends: WeekendSection;
    agreements: AgreementSection;
  };
}
