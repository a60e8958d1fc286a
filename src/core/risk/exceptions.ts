/**
 * Local-agreement exceptions: every rule-set parameter that differs from the KS defaults
 * (`defaultRuleSet()`), with its legal source (PARAMETER_BOUNDS), whether it relaxes or
 * tightens the default, and how many times the rota actually uses it.
 *
 * "Uses" is measured with the checker itself, counterfactually: the plan is checked again with
 * that one parameter set back to the KS default, and the findings of the rules it governs that
 * appear only then are the uses (a rest of 8–11 h under an 8 h daily-rest agreement is one
 * LAW-06 finding under the default 11 h; for LOC-03 the weekends above the allowed number count).
 * No rule logic is repeated here, so the figure always agrees with the checker.
 */
import type { Plan } from '../model/plan.js';
import { checkRuleSetBounds, defaultRuleSet, PARAMETER_BOUNDS, tierSource, AVERAGING_TIERS, type RuleSet } from '../model/ruleSet.js';
import { evaluate, type Evaluation } from './evaluation.js';
import { bi } from './text.js';
import type { AgreementException, Bilingual, ExceptionDirection } from './types.js';

type Value = number | string | boolean;

interface ExceptionDef {
  path: string;
  label: Bilingual;
  law: (rs: RuleSet) => string;
  unit: string | null;
  value: (rs: RuleSet) => Value;
  direction: (value: Value, def: Value) => ExceptionDirection;
  /** The rule set with this parameter back at the KS default. */
  reset: (rs: RuleSet, def: RuleSet) => RuleSet;
  rules: string[];
  agreementRef?: (rs: RuleSet) => string | null;
  /** 'avoided' (default): findings only the KS default would raise. 'actual': findings now given a lower severity. */
  uses?: 'avoided' | 'actual';
}

function getPath(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

function withPath(rs: RuleSet, path: string, value: unknown): RuleSet {
  const copy = JSON.parse(JSON.stringify(rs)) as Record<string, unknown>;
  const keys = path.split('.');
  let o = copy;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  o[keys[keys.length - 1]] = value;
  return copy as unknown as RuleSet;
}

const resetPath = (path: string) => (rs: RuleSet, def: RuleSet) => withPath(rs, path, getPath(def, path));

/** How each bounded parameter relaxes the default, and which rules measure it. */
const NUMERIC: Record<string, { relaxedWhen: 'lower' | 'higher' | 'either'; rules: string[]; agreementRef?: (rs: RuleSet) => string | null }> = {
  'dailyRest.minHours': { relaxedWhen: 'lower', rules: ['LAW-06'], agreementRef: (rs) => rs.dailyRest.agreementRef },
  'weeklyRest.minHours': { relaxedWhen: 'lower', rules: ['LAW-07'], agreementRef: (rs) => rs.weeklyRest.agreementRef },
  'totalTime.maxHoursPer24': { relaxedWhen: 'higher', rules: ['LAW-03'], agreementRef: (rs) => rs.totalTime.agreementRef },
  'averaging.centralMaxShiftHours': { relaxedWhen: 'higher', rules: ['LOC-02'], agreementRef: (rs) => rs.averaging.centralAgreementRef },
  'longShifts.localMaxHours': { relaxedWhen: 'higher', rules: ['LOC-02'] },
  'longShifts.maxInRow': { relaxedWhen: 'higher', rules: ['LOC-01'] },
  'sundayRule.averagingWeeks': { relaxedWhen: 'higher', rules: ['LAW-08'] },
  'sundayRule.toleranceMinutes': { relaxedWhen: 'higher', rules: ['LAW-08'] },
  'weekend.frequency': { relaxedWhen: 'lower', rules: ['LOC-03'] },
  'weekend.maxConsecutive': { relaxedWhen: 'higher', rules: ['LOC-03'] },
  'weekend.minOverlapMinutes': { relaxedWhen: 'higher', rules: ['LOC-03', 'PRA-09'] },
  'breaks.defaultMinutes': { relaxedWhen: 'either', rules: ['LAW-09'] },
  'hours.toleranceHoursPerWeek': { relaxedWhen: 'higher', rules: ['TAR-04'] },
  'vacation.days': { relaxedWhen: 'lower', rules: ['FER-01'] },
  'vacation.over60Extra': { relaxedWhen: 'lower', rules: ['FER-01'] },
  'soft.quickReturnMaxPer4Weeks': { relaxedWhen: 'higher', rules: ['PRA-01'] },
  'soft.minDaysOffAfterNights': { relaxedWhen: 'lower', rules: ['PRA-02'] },
  'soft.maxConsecutiveDays': { relaxedWhen: 'higher', rules: ['PRA-03'] },
  'soft.maxConsecutiveNights': { relaxedWhen: 'higher', rules: ['PRA-04'] },
  'soft.minShiftHours': { relaxedWhen: 'lower', rules: ['PRA-07'] },
};

const numericDefs: ExceptionDef[] = PARAMETER_BOUNDS.map((b) => {
  const m = NUMERIC[b.path] ?? { relaxedWhen: 'either' as const, rules: [] };
  return {
    path: b.path,
    label: bi(b.labelNb, b.labelEn),
    law: () => b.law,
    unit: b.unit,
    value: (rs) => getPath(rs, b.path) as number,
    direction: (v, d) => (m.relaxedWhen === 'either' ? 'changed' : (m.relaxedWhen === 'lower') === (Number(v) < Number(d)) ? 'relaxed' : 'stricter'),
    reset: resetPath(b.path),
    rules: m.rules,
    agreementRef: m.agreementRef,
  };
});

const always =
  (dir: ExceptionDirection) =>
  (): ExceptionDirection =>
    dir;

const otherDefs: ExceptionDef[] = [
  {
    path: 'averaging.tier',
    label: bi('Gjennomsnittsberegning, avtalenivå', 'Averaging agreement, tier'),
    law: (rs) => tierSource(rs),
    unit: null,
    value: (rs) => rs.averaging.tier,
    direction: (v, d) => (AVERAGING_TIERS.indexOf(v as never) > AVERAGING_TIERS.indexOf(d as never) ? 'relaxed' : 'stricter'),
    reset: resetPath('averaging.tier'),
    rules: ['LAW-01', 'LAW-02', 'LAW-03', 'LOC-01', 'LOC-02'],
    agreementRef: (rs) => (rs.averaging.tier === 'central' ? rs.averaging.centralAgreementRef : null),
  },
  {
    path: 'weeklyRest.mode',
    label: bi('Ukentlig hvile målt per kalenderuke eller løpende 7 døgn', 'Weekly rest per calendar week or rolling 7 days'),
    law: () => 'AML § 10-8 (2)',
    unit: null,
    value: (rs) => rs.weeklyRest.mode,
    direction: always('changed'),
    reset: resetPath('weeklyRest.mode'),
    rules: ['LAW-07'],
  },
  {
    path: 'night',
    label: bi('Nattvindu', 'Night window'),
    law: () => 'AML § 10-11 (1)',
    unit: null,
    value: (rs) => `${rs.night.start}–${rs.night.end}`,
    direction: always('changed'),
    reset: (rs, def) => withPath(withPath(rs, 'night.start', def.night.start), 'night.end', def.night.end),
    rules: ['LAW-10', 'LAW-11'],
  },
  {
    path: 'night.riskClause',
    label: bi('Særlig risiko: nattarbeidere høyst 8 t per døgn', 'Special risk: night workers at most 8 h per 24 h'),
    law: () => 'AML § 10-11 (7)',
    unit: null,
    value: (rs) => rs.night.riskClause,
    direction: (v) => (v ? 'stricter' : 'relaxed'),
    reset: resetPath('night.riskClause'),
    rules: ['LAW-11'],
  },
  {
    path: 'sundayRule.mode',
    label: bi('Søn- og helgedager: gjennomsnittsberegning', 'Sundays and holidays: averaging'),
    law: () => 'AML § 10-8 (4)',
    unit: null,
    value: (rs) => rs.sundayRule.mode,
    direction: (v) => (v === 'averaging' ? 'relaxed' : 'stricter'),
    reset: resetPath('sundayRule.mode'),
    rules: ['LAW-08'],
  },
  {
    path: 'weekend.severity',
    label: bi('Helgefrekvens som absolutt krav', 'Weekend frequency as a hard rule'),
    law: () => 'Lokal avtale (LOC-03)',
    unit: null,
    value: (rs) => rs.weekend.severity,
    direction: (v) => (v === 'hard' ? 'stricter' : 'relaxed'),
    reset: resetPath('weekend.severity'),
    rules: ['LOC-03'],
    uses: 'actual',
  },
  {
    path: 'staffing.minSeverity',
    label: bi('Minimumsbemanning som absolutt krav', 'Minimum staffing as a hard rule'),
    law: () => 'Bemanningsplan; helsepersonelloven § 4 (forsvarlighet)',
    unit: null,
    value: (rs) => rs.staffing.minSeverity,
    direction: (v) => (v === 'hard' ? 'stricter' : 'relaxed'),
    reset: resetPath('staffing.minSeverity'),
    rules: ['PRA-11'],
    uses: 'actual',
  },
  {
    path: 'hours.weeklyNorm',
    label: bi('Ukenorm', 'Weekly norm'),
    law: () => 'HTA kap. 1 § 4.2',
    unit: 'h',
    value: (rs) => rs.hours.weeklyNorm,
    direction: always('changed'),
    reset: resetPath('hours.weeklyNorm'),
    rules: ['TAR-04'],
  },
  {
    path: 'hours.redDayModel',
    label: bi('Helligdager i timeregnskapet', 'Public holidays in the hours account'),
    law: () => 'HTA kap. 1 § 4.2',
    unit: null,
    value: (rs) => rs.hours.redDayModel,
    direction: always('changed'),
    reset: resetPath('hours.redDayModel'),
    rules: ['TAR-04'],
  },
  {
    path: 'breaks.defaultPaid',
    label: bi('Standardpause er betalt', 'Default break is paid'),
    law: () => 'AML § 10-9 (1)',
    unit: null,
    value: (rs) => rs.breaks.defaultPaid,
    direction: always('changed'),
    reset: resetPath('breaks.defaultPaid'),
    rules: ['LAW-09', 'TAR-04'],
  },
  {
    path: 'vacation.mainWeeksHard',
    label: bi('Hovedferie som absolutt krav', 'Main vacation as a hard rule'),
    law: () => 'Ferieloven § 7 (1)',
    unit: null,
    value: (rs) => rs.vacation.mainWeeksHard,
    direction: (v) => (v ? 'stricter' : 'relaxed'),
    reset: resetPath('vacation.mainWeeksHard'),
    rules: ['FER-02'],
  },
  {
    path: 'soft.mondayFreeAfterLongWeekend',
    label: bi('Fri mandag etter langvakthelg', 'Monday off after a long-shift weekend'),
    law: () => 'RULES PRA-06; lokal avtale',
    unit: null,
    value: (rs) => rs.soft.mondayFreeAfterLongWeekend,
    direction: (v) => (v ? 'stricter' : 'relaxed'),
    reset: resetPath('soft.mondayFreeAfterLongWeekend'),
    rules: ['PRA-06'],
  },
  {
    path: 'agreement',
    label: bi('Tariffområde', 'Collective agreement area'),
    law: () => 'Hovedtariffavtalen',
    unit: null,
    value: (rs) => rs.agreement,
    direction: always('changed'),
    reset: resetPath('agreement'),
    rules: [],
  },
];

/** Every parameter definition, bounded numbers first (as in docs/rules.md). */
export const EXCEPTION_DEFS: readonly ExceptionDef[] = [...numericDefs, ...otherDefs];

/** The findings of `rules` in an evaluation: one per finding, for LOC-03 the weekends above the limit. */
function measure(ev: Evaluation, rules: string[], employee?: number): number {
  let n = 0;
  for (const r of rules)
    for (const v of ev.of(r)) {
      if (employee !== undefined && v.employee !== employee) continue;
      n += r === 'LOC-03' ? Math.max(1, Math.round(v.measured - v.limit)) : 1;
    }
  return n;
}

export interface ExceptionResult {
  exceptions: AgreementException[];
  problems: Bilingual[];
}

/** The rule-set exceptions of the evaluated plan and how often its rota uses each. */
export function agreementExceptions(ev: Evaluation): ExceptionResult {
  const plan = ev.plan;
  const rs = plan.rules;
  const def = defaultRuleSet();
  const out: AgreementException[] = [];
  const counterfactual = (rules: RuleSet, employees?: Plan['employees']) => evaluate({ ...plan, rules, employees: employees ?? plan.employees });

  for (const d of EXCEPTION_DEFS) {
    const value = d.value(rs);
    const defaultValue = d.value(def);
    if (value === defaultValue) continue;
    const direction = d.direction(value, defaultValue);
    let uses: number | null = null;
    if (d.rules.length && direction !== 'stricter') {
      if (d.uses === 'actual') uses = measure(ev, d.rules);
      else uses = Math.max(0, measure(counterfactual(d.reset(rs, def)), d.rules) - measure(ev, d.rules));
    }
    out.push({
      path: d.path,
      label: d.label,
      law: d.law(rs),
      unit: d.unit,
      defaultValue,
      value,
      direction,
      agreementRef: d.agreementRef?.(rs) ?? null,
      rules: d.rules,
      uses,
    });
  }

  // Personal weekend frequencies agreed with single employees (LOC-03 uses them instead of the unit's).
  const personal = plan.employees.map((e, i) => ({ e, i })).filter(({ e }) => e.weekendFrequency !== undefined && e.weekendFrequency !== rs.weekend.frequency);
  if (personal.length) {
    const relaxedIdx = new Set(personal.filter(({ e }) => e.weekendFrequency! < rs.weekend.frequency).map(({ i }) => i));
    const cf = relaxedIdx.size
      ? counterfactual(
          rs,
          plan.employees.map((e, i) => (relaxedIdx.has(i) ? { ...e, weekendFrequency: undefined } : e)),
        )
      : null;
    for (const { e, i } of personal) {
      const relaxed = relaxedIdx.has(i);
      out.push({
        path: `employees.${e.id}.weekendFrequency`,
        label: bi(`Personlig helgefrekvens: ${e.name}`, `Personal weekend frequency: ${e.name}`),
        law: 'Lokal avtale (LOC-03); avtale med arbeidstakeren',
        unit: 'k',
        defaultValue: rs.weekend.frequency,
        value: e.weekendFrequency!,
        direction: relaxed ? 'relaxed' : 'stricter',
        agreementRef: null,
        rules: ['LOC-03'],
        uses: relaxed && cf ? Math.max(0, measure(cf, ['LOC-03'], i) - measure(ev, ['LOC-03'], i)) : null,
      });
    }
  }

  const problems = checkRuleSetBounds(rs).map((p) => bi(p.message, p.messageEn));
  return { exceptions: out, problems };
}
