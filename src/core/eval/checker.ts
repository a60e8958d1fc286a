/**
 * The rota checker: a whole plan in, every violation out, each with rule id, severity,
 * employee, dates, measured value, limit, message in bokmål and English, and the legal source.
 */
import type { Plan } from '../model/plan.js';
import { buildContext, type EvalContext } from './context.js';
import { FREE } from './line.js';
import { ScoreDirector, emptyRows, type Score } from './score.js';
import { RULES_BY_ID, referenceOf } from '../rules/catalogue.js';
import type { MeasureUnit, RawViolation, Severity } from '../rules/types.js';
import { fromEpochDay, toEpochDay, type LocalDate } from '../time/localDate.js';

export interface Violation {
  rule: string;
  severity: Severity;
  title: string;
  titleEn: string;
  employee: string | null;
  employeeName: string | null;
  dates: LocalDate[];
  measured: number;
  limit: number;
  unit: MeasureUnit;
  message: string;
  messageEn: string;
  reference: string;
}

export interface CheckResult {
  violations: Violation[];
  score: Score;
  hardCount: number;
  softCount: number;
}

export function rowsFromAssignments(ctx: EvalContext, plan: Plan): Int16Array[] {
  const rows = emptyRows(ctx);
  for (const a of plan.assignments) {
    const e = ctx.employeeIndex.get(a.employee);
    const s = ctx.shiftIndex.get(a.shift);
    const d = toEpochDay(a.date) - ctx.startEpoch;
    if (e === undefined || s === undefined || d < 0 || d >= ctx.D) continue;
    rows[e][d] = s;
  }
  return rows;
}

export function assignmentsFromRows(ctx: EvalContext, rows: Int16Array[]): Plan['assignments'] {
  const out: Plan['assignments'] = [];
  rows.forEach((row, e) =>
    row.forEach((s, d) => {
      if (s !== FREE) out.push({ employee: ctx.employees[e].id, date: fromEpochDay(ctx.startEpoch + d), shift: ctx.shiftTypes[s].code });
    }),
  );
  return out;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function describe(ctx: EvalContext, v: RawViolation): Violation {
  const rule = RULES_BY_ID.get(v.rule)!;
  const days = v.days ?? (v.day === v.dayTo ? [v.day] : [v.day, v.dayTo]);
  const emp = v.employee >= 0 ? ctx.employees[v.employee] : null;
  return {
    rule: v.rule,
    severity: rule.severity(ctx.rules),
    title: rule.titleNb,
    titleEn: rule.titleEn,
    employee: emp?.id ?? null,
    employeeName: emp?.name ?? null,
    dates: days.map((d) => fromEpochDay(ctx.startEpoch + d)),
    measured: round2(v.measured),
    limit: round2(v.limit),
    unit: rule.unit,
    message: rule.message(v, ctx, 'nb'),
    messageEn: rule.message(v, ctx, 'en'),
    reference: referenceOf(rule, ctx.rules),
  };
}

/** The order violations are listed in: hard first, then by employee (unit-level last), first date and rule. */
export function compareViolations(a: Violation, b: Violation): number {
  return a.severity !== b.severity ? (a.severity === 'hard' ? -1 : 1) : (a.employee ?? '~').localeCompare(b.employee ?? '~') || a.dates[0].localeCompare(b.dates[0]) || a.rule.localeCompare(b.rule);
}

export function checkRows(ctx: EvalContext, rows: Int16Array[]): CheckResult {
  return checkDirector(new ScoreDirector(ctx, rows));
}

/** The check of the rota a director holds (its current state). */
export function checkDirector(director: ScoreDirector): CheckResult {
  const violations = director
    .rawViolations()
    .map((v) => describe(director.ctx, v))
    .sort(compareViolations);
  const hardCount = violations.filter((v) => v.severity === 'hard').length;
  return { violations, score: director.score(), hardCount, softCount: violations.length - hardCount };
}

export function checkPlan(plan: Plan): CheckResult {
  const ctx = buildContext(plan);
  return checkRows(ctx, rowsFromAssignments(ctx, plan));
}
