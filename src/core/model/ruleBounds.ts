/**
 * The legal bounds of every configurable rule parameter, as data: its KS default, the bound
 * under the law alone, the bound with a local or tariff agreement, its unit and the legal
 * reference (RULES.md § 0 and § 10). One table, used by the plan validator (`parsePlan` →
 * `checkRuleSetBounds`), the risk assessment's exception list and the planner's rule-set
 * editor (GET /api/plans/:id/settings), so the bound shown is the bound enforced.
 *
 * - `min`/`max`: the outer bound — no agreement can go beyond it (a value outside is rejected).
 * - `lawMin`/`lawMax`: the bound under the law alone; between it and the outer bound the value
 *   needs the agreement named by `agreement`, and where the rule set has a field for the
 *   agreement's reference (`agreementRef`) that field must be filled in.
 */
import type { RuleSet } from './ruleSet.js';
import { clockToMinutes } from '../time/zone.js';

export type BoundUnit = 'h' | 'min' | 'weeks' | 'count' | 'k' | 'days';

/** What widens a parameter beyond the law's own bound. */
export type AgreementKind = 'tariff' | 'local' | 'central' | 'individual';

export interface ParameterBound {
  /** Dotted path in the rule set. */
  path: string;
  labelNb: string;
  labelEn: string;
  /** The KS nursing-home default (equals `defaultRuleSet()` at this path). */
  default: number;
  /** Whole numbers only. */
  integer: boolean;
  /** Outer bounds: never allowed beyond them, with or without an agreement. */
  min?: number;
  max?: number;
  /** Bounds under the law alone (without an agreement); left out when the law sets none of its own. */
  lawMin?: number;
  lawMax?: number;
  /** The agreement that allows the range between the law's bound and the outer bound. */
  agreement?: AgreementKind;
  agreementNb?: string;
  agreementEn?: string;
  /** Path of the rule-set field that must name the agreement when the value is beyond the law's bound. */
  agreementRef?: string;
  unit: BoundUnit;
  /** The law or agreement that sets the bound (shown with every error). */
  law: string;
  /** Where the parameter itself comes from: the law, the tariff agreement, a local agreement, or practice (PRA rules). */
  basis: 'law' | 'tariff' | 'local' | 'practice';
}

const TILLITSVALGTE_NB = 'tariffavtale med tillitsvalgte (tariffbundet virksomhet)';
const TILLITSVALGTE_EN = 'a tariff agreement with union representatives (tariff-bound undertaking)';

/** Every numeric parameter with its legal or agreed bounds (shown and enforced in the UI). */
export const PARAMETER_BOUNDS: ParameterBound[] = [
  {
    path: 'dailyRest.minHours', labelNb: 'Daglig hvile, minst', labelEn: 'Daily rest, minimum', default: 11, integer: false,
    min: 8, max: 24, lawMin: 11, agreement: 'tariff', agreementNb: TILLITSVALGTE_NB, agreementEn: TILLITSVALGTE_EN, agreementRef: 'dailyRest.agreementRef',
    unit: 'h', law: 'AML § 10-8 (1) og (3)', basis: 'law',
  },
  {
    path: 'weeklyRest.minHours', labelNb: 'Ukentlig hvile, minst', labelEn: 'Weekly rest, minimum', default: 35, integer: false,
    min: 28, max: 72, lawMin: 35, agreement: 'tariff', agreementNb: TILLITSVALGTE_NB, agreementEn: TILLITSVALGTE_EN, agreementRef: 'weeklyRest.agreementRef',
    unit: 'h', law: 'AML § 10-8 (2) og (3)', basis: 'law',
  },
  {
    path: 'totalTime.maxHoursPer24', labelNb: 'Samlet arbeidstid per 24 t, høyst', labelEn: 'Total working time per 24 h, maximum', default: 13, integer: false,
    min: 0, max: 16, lawMax: 13, agreement: 'tariff', agreementNb: TILLITSVALGTE_NB, agreementEn: TILLITSVALGTE_EN, agreementRef: 'totalTime.agreementRef',
    unit: 'h', law: 'AML § 10-6 (8) og (9)', basis: 'law',
  },
  {
    path: 'averaging.centralMaxShiftHours', labelNb: 'Sentralt godkjent vaktlengde, høyst', labelEn: 'Centrally approved shift length, maximum', default: 12.5, integer: false,
    min: 12.5, max: 16, lawMax: 12.5, agreement: 'central',
    agreementNb: 'avtale med fagforening med innstillingsrett (sentral godkjenning)', agreementEn: 'an agreement with a union with innstillingsrett (central approval)',
    agreementRef: 'averaging.centralAgreementRef', unit: 'h', law: 'AML § 10-12 (4), § 10-6 (9)', basis: 'law',
  },
  {
    path: 'longShifts.localMaxHours', labelNb: 'Langvakt etter lokal avtale, høyst', labelEn: 'Long shift by local agreement, maximum', default: 12.5, integer: false,
    min: 9, max: 12.5, lawMax: 9, agreement: 'local',
    agreementNb: 'avtale om gjennomsnittsberegning med tillitsvalgte', agreementEn: 'an averaging agreement with union representatives',
    unit: 'h', law: 'AML § 10-5 (2)', basis: 'law',
  },
  {
    path: 'longShifts.maxInRow', labelNb: 'Langvakter på rad, høyst', labelEn: 'Long shifts in a row, maximum', default: 3, integer: true,
    min: 1, max: 7, unit: 'count', law: 'Lokal avtale (AML § 10-2)', basis: 'local',
  },
  {
    path: 'sundayRule.averagingWeeks', labelNb: 'Gjennomsnittsberegning søn-/helgedager, uker', labelEn: 'Sunday/holiday averaging period, weeks', default: 26, integer: true,
    min: 1, max: 26, agreement: 'individual', agreementNb: 'skriftlig avtale', agreementEn: 'a written agreement',
    unit: 'weeks', law: 'AML § 10-8 (4)', basis: 'law',
  },
  {
    path: 'sundayRule.toleranceMinutes', labelNb: 'Toleranse for arbeid i søndagssonen', labelEn: 'Tolerance for work in the Sunday zone', default: 0, integer: true,
    min: 0, max: 60, unit: 'min', law: 'AML § 10-10 (1)', basis: 'practice',
  },
  {
    path: 'weekend.frequency', labelNb: 'Helgefrekvens (hver k-te helg)', labelEn: 'Weekend frequency (every k-th weekend)', default: 3, integer: true,
    min: 1, max: 6, unit: 'k', law: 'Lokal avtale (LOC-03)', basis: 'local',
  },
  {
    path: 'weekend.maxConsecutive', labelNb: 'Arbeidshelger på rad, høyst', labelEn: 'Weekends worked in a row, maximum', default: 1, integer: true,
    min: 1, max: 4, unit: 'count', law: 'Lokal avtale (LOC-03)', basis: 'local',
  },
  {
    path: 'weekend.minOverlapMinutes', labelNb: 'Minste overlapp for at helgen regnes som arbeidet', labelEn: 'Minimum overlap for a worked weekend', default: 60, integer: true,
    min: 1, max: 480, unit: 'min', law: 'Lokal praksis (RULES § 2.5)', basis: 'practice',
  },
  {
    path: 'breaks.defaultMinutes', labelNb: 'Standard pause per vakt', labelEn: 'Default break per shift', default: 30, integer: true,
    min: 0, max: 120, unit: 'min', law: 'AML § 10-9 (1)', basis: 'law',
  },
  {
    path: 'hours.toleranceHoursPerWeek', labelNb: 'Toleranse timer mot stilling, per uke', labelEn: 'Hours vs position tolerance, per week', default: 0.25, integer: false,
    min: 0, max: 5, unit: 'h', law: 'HTA kap. 1 § 4 (lokal praksis)', basis: 'tariff',
  },
  {
    path: 'vacation.days', labelNb: 'Feriedager (virkedager)', labelEn: 'Vacation days (working days)', default: 30, integer: true,
    min: 25, max: 36, unit: 'days', law: 'Ferieloven § 5, HTA (5. ferieuke)', basis: 'tariff',
  },
  {
    path: 'vacation.over60Extra', labelNb: 'Ekstra ferie fra fylte 60', labelEn: 'Extra vacation from age 60', default: 6, integer: true,
    min: 6, max: 12, unit: 'days', law: 'Ferieloven § 5 (1)', basis: 'law',
  },
  {
    path: 'soft.quickReturnMaxPer4Weeks', labelNb: 'Kveld–dag per 4 uker, høyst', labelEn: 'Evening–day returns per 4 weeks, maximum', default: 0, integer: true,
    min: 0, max: 8, unit: 'count', law: 'PRA-01 (lokal avtale)', basis: 'practice',
  },
  {
    path: 'soft.minDaysOffAfterNights', labelNb: 'Fridager etter nattserie, minst', labelEn: 'Days off after a night series, minimum', default: 2, integer: true,
    min: 0, max: 4, unit: 'count', law: 'PRA-02', basis: 'practice',
  },
  {
    path: 'soft.maxConsecutiveDays', labelNb: 'Arbeidsdager på rad, høyst', labelEn: 'Consecutive working days, maximum', default: 5, integer: true,
    min: 1, max: 12, unit: 'count', law: 'PRA-03', basis: 'practice',
  },
  {
    path: 'soft.maxConsecutiveNights', labelNb: 'Netter på rad, høyst', labelEn: 'Consecutive nights, maximum', default: 4, integer: true,
    min: 1, max: 7, unit: 'count', law: 'PRA-04', basis: 'practice',
  },
  {
    path: 'soft.minShiftHours', labelNb: 'Korteste vakt', labelEn: 'Shortest shift', default: 4, integer: false,
    min: 3, max: 8, unit: 'h', law: 'PRA-07', basis: 'practice',
  },
];

/** The night window (AML § 10-11 (1)): the tariff parties may move it, but it must be ≥ 8 h and contain 00–06. */
export const NIGHT_WINDOW_BOUND = {
  path: 'night',
  labelNb: 'Nattvindu',
  labelEn: 'Night window',
  default: { start: '21:00', end: '06:00' },
  minHours: 8,
  mustContain: { start: '00:00', end: '06:00' },
  law: 'AML § 10-11 (1)',
} as const;

/** The choice parameters of the rule set (shown as selects), with their options and legal source. */
export interface ChoiceParameter {
  path: string;
  labelNb: string;
  labelEn: string;
  default: string | number | boolean;
  options: Array<{ value: string | number | boolean; labelNb: string; labelEn: string }>;
  law: string;
}

export const CHOICE_PARAMETERS: ChoiceParameter[] = [
  {
    path: 'averaging.tier', labelNb: 'Gjennomsnittsberegning, avtalenivå', labelEn: 'Averaging agreement, tier', default: 'tillitsvalgte', law: 'AML § 10-4, § 10-5, § 10-12 (4)',
    options: [
      { value: 'none', labelNb: 'Ingen (9 t/døgn, 40 t/uke)', labelEn: 'None (9 h/day, 40 h/week)' },
      { value: 'individual', labelNb: 'Individuell avtale (10 t, 50 t/uke)', labelEn: 'Individual agreement (10 h, 50 h/week)' },
      { value: 'tillitsvalgte', labelNb: 'Avtale med tillitsvalgte (12,5 t, 54 t/uke)', labelEn: 'Agreement with union representatives (12.5 h, 54 h/week)' },
      { value: 'arbeidstilsynet', labelNb: 'Arbeidstilsynets samtykke (13 t)', labelEn: 'Labour Inspection consent (13 h)' },
      { value: 'central', labelNb: 'Sentral avtale (over 12,5 t)', labelEn: 'Central agreement (above 12.5 h)' },
    ],
  },
  {
    path: 'weeklyRest.mode', labelNb: 'Ukentlig hvile målt', labelEn: 'Weekly rest measured', default: 'calendarWeek', law: 'AML § 10-8 (2)',
    options: [
      { value: 'calendarWeek', labelNb: 'per kalenderuke', labelEn: 'per calendar week' },
      { value: 'rolling', labelNb: 'løpende 7 døgn', labelEn: 'rolling 7 days' },
    ],
  },
  {
    path: 'sundayRule.mode', labelNb: 'Søn- og helgedager', labelEn: 'Sundays and holidays', default: 'mainRule', law: 'AML § 10-8 (4)',
    options: [
      { value: 'mainRule', labelNb: 'Hovedregel: neste fri', labelEn: 'Main rule: the next one off' },
      { value: 'averaging', labelNb: 'Gjennomsnitt (skriftlig avtale)', labelEn: 'Averaging (written agreement)' },
    ],
  },
  {
    path: 'weekend.severity', labelNb: 'Helgefrekvens er', labelEn: 'Weekend frequency is', default: 'soft', law: 'Lokal avtale (LOC-03)',
    options: [
      { value: 'soft', labelNb: 'et kvalitetskrav', labelEn: 'a quality goal' },
      { value: 'hard', labelNb: 'et absolutt krav', labelEn: 'a hard requirement' },
    ],
  },
  {
    path: 'hours.weeklyNorm', labelNb: 'Ukentlig arbeidstid', labelEn: 'Weekly hours', default: 'auto', law: 'HTA kap. 1 § 4.2',
    options: [
      { value: 'auto', labelNb: 'automatisk (37,5 / 35,5 / 33,6)', labelEn: 'automatic (37.5 / 35.5 / 33.6)' },
      { value: 37.5, labelNb: '37,5 t', labelEn: '37.5 h' },
      { value: 35.5, labelNb: '35,5 t', labelEn: '35.5 h' },
      { value: 33.6, labelNb: '33,6 t', labelEn: '33.6 h' },
    ],
  },
  {
    path: 'staffing.minSeverity', labelNb: 'Minstebemanning er', labelEn: 'Minimum staffing is', default: 'hard', law: 'Forsvarlighet (helsepersonelloven § 4)',
    options: [
      { value: 'hard', labelNb: 'et absolutt krav', labelEn: 'a hard requirement' },
      { value: 'soft', labelNb: 'et kvalitetskrav', labelEn: 'a quality goal' },
    ],
  },
];

export interface RuleSetProblem {
  path: string;
  message: string;
  messageEn: string;
}

export function getRulePath(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

const fmt = (n: number) => String(n).replace('.', ',');
const UNIT_NB: Record<BoundUnit, string> = { h: 't', min: 'min', weeks: 'uker', count: '', k: '', days: 'dager' };
const UNIT_EN: Record<BoundUnit, string> = { h: 'h', min: 'min', weeks: 'weeks', count: '', k: '', days: 'days' };
const withUnit = (s: string, u: string) => (u ? `${s} ${u}` : s);

/** The problems of one numeric parameter value against its bound (empty when it is lawful). */
export function checkParameter(b: ParameterBound, v: number, rs?: RuleSet): RuleSetProblem[] {
  const out: RuleSetProblem[] = [];
  // The bound's unit as the existing messages wrote it ("8 h"), so the bound reads the same everywhere.
  const unitNb = b.unit === 'h' ? 'h' : UNIT_NB[b.unit];
  if (b.integer && !Number.isInteger(v))
    out.push({ path: b.path, message: `${b.labelNb} må være et helt tall (${b.law})`, messageEn: `${b.labelEn} must be a whole number (${b.law})` });
  if (b.min !== undefined && v < b.min)
    out.push({
      path: b.path,
      message: `${b.labelNb} = ${fmt(v)} er under nedre grense ${withUnit(fmt(b.min), unitNb)} (${b.law})`,
      messageEn: `${b.labelEn} = ${v} is below the lower bound ${withUnit(String(b.min), UNIT_EN[b.unit])} (${b.law})`,
    });
  if (b.max !== undefined && v > b.max)
    out.push({
      path: b.path,
      message: `${b.labelNb} = ${fmt(v)} er over øvre grense ${withUnit(fmt(b.max), unitNb)} (${b.law})`,
      messageEn: `${b.labelEn} = ${v} is above the upper bound ${withUnit(String(b.max), UNIT_EN[b.unit])} (${b.law})`,
    });
  if (out.length || !b.agreementRef || !rs) return out;
  const beyondLaw = (b.lawMin !== undefined && v < b.lawMin) || (b.lawMax !== undefined && v > b.lawMax);
  const ref = getRulePath(rs, b.agreementRef);
  if (beyondLaw && (typeof ref !== 'string' || ref.trim() === '')) {
    const lawBound = b.lawMin !== undefined && v < b.lawMin ? `under ${withUnit(fmt(b.lawMin), UNIT_NB[b.unit])}` : `over ${withUnit(fmt(b.lawMax!), UNIT_NB[b.unit])}`;
    const lawBoundEn = b.lawMin !== undefined && v < b.lawMin ? `below ${withUnit(String(b.lawMin), UNIT_EN[b.unit])}` : `above ${withUnit(String(b.lawMax!), UNIT_EN[b.unit])}`;
    out.push({
      path: b.agreementRef,
      message: `${b.labelNb} ${lawBound} krever ${b.agreementNb} (${b.law}); oppgi avtalereferanse`,
      messageEn: `${b.labelEn} ${lawBoundEn} requires ${b.agreementEn} (${b.law}); give the agreement reference`,
    });
  }
  return out;
}

/** Whether a night window is lawful: at least 8 h and containing 00:00–06:00 (AML § 10-11 (1)). */
export function nightWindowProblem(start: string, end: string): RuleSetProblem | null {
  const ns = clockToMinutes(start);
  const ne = clockToMinutes(end);
  const len = (ne - ns + 1440) % 1440;
  const contains0to6 = ns >= 12 * 60 && ne >= 6 * 60 && ne < 12 * 60 ? true : ns === 0 && ne >= 6 * 60;
  if (len >= NIGHT_WINDOW_BOUND.minHours * 60 && contains0to6) return null;
  return {
    path: 'night',
    message: `Nattvinduet ${start}–${end} må være minst 8 t og omfatte 00–06 (AML § 10-11 (1))`,
    messageEn: `The night window ${start}–${end} must be at least 8 h and contain 00–06 (AML § 10-11 (1))`,
  };
}

/**
 * Checks a parsed rule set against the legal bounds and the agreements the law requires for
 * each relaxation. Returns every problem found (empty when the rule set is lawful).
 */
export function checkRuleSetBounds(rs: RuleSet): RuleSetProblem[] {
  const out: RuleSetProblem[] = [];
  for (const b of PARAMETER_BOUNDS) {
    const v = getRulePath(rs, b.path);
    if (typeof v === 'number') out.push(...checkParameter(b, v, rs));
  }
  if (rs.averaging.tier === 'central' && !rs.averaging.centralAgreementRef && !out.some((p) => p.path === 'averaging.centralAgreementRef'))
    out.push({
      path: 'averaging.centralAgreementRef',
      message: 'Vakter over 12,5 t krever avtale med fagforening med innstillingsrett (AML § 10-12 (4)); oppgi referansen til den sentrale godkjenningen',
      messageEn: 'Shifts above 12.5 h require an agreement with a union with innstillingsrett (AML § 10-12 (4)); give the reference of the central approval',
    });
  const night = nightWindowProblem(rs.night.start, rs.night.end);
  if (night) out.push(night);
  return out;
}

/** A bound with the rule set's current value: what the rule-set editor shows per parameter. */
export interface BoundWithValue extends ParameterBound {
  value: number;
  /** The value needs the agreement (it is beyond the law's own bound). */
  usesAgreement: boolean;
}

export function boundsWithValues(rs: RuleSet): BoundWithValue[] {
  return PARAMETER_BOUNDS.map((b) => {
    const v = getRulePath(rs, b.path);
    const value = typeof v === 'number' ? v : b.default;
    return { ...b, value, usesAgreement: (b.lawMin !== undefined && value < b.lawMin) || (b.lawMax !== undefined && value > b.lawMax) };
  });
}
