/**
 * Key figures of a demo unit (heltid/deltid, competence mix, contracted hours against the
 * staffing plan) and the realised absence rates of the history: for the README, the seed
 * script and the tests.
 */
import { toEpochDay, WEEKDAY_KEYS } from '../core/time/localDate.js';
import { clockToMinutes } from '../core/time/zone.js';
import type { Plan } from '../core/model/plan.js';
import { resolveOptions } from './generate.js';
import { HISTORY_KINDS, type HistoryKind } from './absenceModel.js';
import type { DemoDataset, DemoOptions, DemoUnit } from './types.js';

/** The weekly norm used for the figures: 35.5 h (three-shift rota / every third Sunday, KS). */
export const FIGURES_WEEKLY_NORM = 35.5;

export interface UnitFigures {
  unit: string;
  employees: number;
  /** Mean position percentage (stillingssnitt). */
  averagePosition: number;
  /** Full-time equivalents (årsverk). */
  fte: number;
  /** Share of employees in 100 % positions. */
  fullTimeShare: number;
  /** Part-timers who want a larger position. */
  wantMore: number;
  /** Weekend-only positions. */
  weekendOnly: number;
  competences: Record<string, number>;
  /** Contracted hours per week at the weekly norm. */
  contractedHoursPerWeek: number;
  /** Hours per ordinary week in the staffing plan, at minimum and at target. */
  demandHoursPerWeek: { min: number; target: number };
}

/** Paid working hours of a shift type (clock length, less an unpaid break). */
export function shiftHours(plan: Plan, code: string): number {
  const st = plan.shiftTypes.find((s) => s.code === code);
  if (!st) return 0;
  const a = clockToMinutes(st.start);
  const b = clockToMinutes(st.end);
  const dur = (b - a + 1440) % 1440 || 1440;
  const paid = st.breakPaid ?? plan.rules.breaks.defaultPaid;
  const brk = st.breakMinutes ?? (dur > 330 ? plan.rules.breaks.defaultMinutes : 0);
  return (dur - (paid ? 0 : brk)) / 60;
}

export function unitFigures(unit: DemoUnit): UnitFigures {
  const plan = unit.plan;
  const emps = plan.employees;
  const sum = emps.reduce((a, e) => a + e.positionPercent, 0);
  const competences: Record<string, number> = {};
  for (const e of emps) {
    const c = e.competences?.[0] ?? e.competence ?? 'ukjent';
    competences[c] = (competences[c] ?? 0) + 1;
  }
  // Demand per ordinary week: for every weekday, the total line (without competence) of each shift.
  let min = 0;
  let target = 0;
  for (const d of plan.demand) {
    if (d.competence || d.dates) continue;
    const n = (d.days ?? WEEKDAY_KEYS).length;
    const h = shiftHours(plan, d.shift);
    min += n * d.min * h;
    target += n * (d.target ?? d.min) * h;
  }
  return {
    unit: unit.id,
    employees: emps.length,
    averagePosition: emps.length ? sum / emps.length : 0,
    fte: sum / 100,
    fullTimeShare: emps.length ? emps.filter((e) => e.positionPercent >= 100).length / emps.length : 0,
    wantMore: emps.filter((e) => e.desiredPositionPercent !== undefined && e.desiredPositionPercent > e.positionPercent).length,
    weekendOnly: unit.staffProfiles?.filter((p) => p.pattern === 'weekendOnly').length ?? 0,
    competences,
    contractedHoursPerWeek: (sum / 100) * FIGURES_WEEKLY_NORM,
    demandHoursPerWeek: { min, target },
  };
}

export interface AbsenceRates {
  unit: string;
  /** Employee-days observed in the history window (from employment start). */
  personDays: number;
  absentDays: Record<HistoryKind, number>;
  /** Share of person-days absent by kind, and for sickness (all but `leave`). */
  rate: Record<HistoryKind | 'sickness', number>;
  spells: number;
}

/** Realised absence rates per unit over the history window (calendar days). */
export function absenceRates(ds: DemoDataset, opts: DemoOptions = {}): AbsenceRates[] {
  const o = resolveOptions(opts);
  const hs = toEpochDay(o.historyStart);
  const s = toEpochDay(o.start);
  return ds.units.map((u) => {
    let personDays = 0;
    for (const p of u.staffProfiles ?? []) personDays += Math.max(0, s - Math.max(hs, toEpochDay(p.employedFrom)));
    const absentDays = Object.fromEntries(HISTORY_KINDS.map((k) => [k, 0])) as Record<HistoryKind, number>;
    let spells = 0;
    for (const r of ds.absenceHistory) {
      if (r.unit !== u.id) continue;
      spells++;
      absentDays[r.kind] += toEpochDay(r.to) - toEpochDay(r.from) + 1;
    }
    const rate = Object.fromEntries(HISTORY_KINDS.map((k) => [k, personDays ? absentDays[k] / personDays : 0])) as Record<HistoryKind | 'sickness', number>;
    rate.sickness = rate.self_certified + rate.sick_child + rate.doctor_certified;
    return { unit: u.id, personDays, absentDays, rate, spells };
  });
}
