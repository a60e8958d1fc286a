/**
 * One evaluation of a plan with the checker's own machinery (buildContext, the rota rows and
 * the ScoreDirector over the one rule catalogue), keeping the raw violations with their
 * rule-specific details. `checkRows` describes exactly these raw violations, so every count
 * taken from here agrees with `checkPlan`.
 */
import { rowsFromAssignments } from '../eval/checker.js';
import { buildContext, type EvalContext } from '../eval/context.js';
import { buildLine, type EmployeeLine } from '../eval/line.js';
import { ScoreDirector } from '../eval/score.js';
import type { Plan } from '../model/plan.js';
import { RULES_BY_ID, referenceOf } from '../rules/catalogue.js';
import type { RawViolation, Severity } from '../rules/types.js';

export interface Evaluation {
  plan: Plan;
  ctx: EvalContext;
  rows: Int16Array[];
  raws: RawViolation[];
  lines: EmployeeLine[];
  /** Raw violations of one rule (empty when none). */
  of(rule: string): RawViolation[];
  severity(rule: string): Severity;
  reference(rule: string): string;
}

export function evaluate(plan: Plan): Evaluation {
  const ctx = buildContext(plan);
  const rows = rowsFromAssignments(ctx, plan);
  const raws = new ScoreDirector(ctx, rows).rawViolations();
  const byRule = new Map<string, RawViolation[]>();
  for (const v of raws) {
    const list = byRule.get(v.rule);
    if (list) list.push(v);
    else byRule.set(v.rule, [v]);
  }
  return {
    plan,
    ctx,
    rows,
    raws,
    lines: ctx.employees.map((_, e) => buildLine(ctx, e, rows[e])),
    of: (rule) => byRule.get(rule) ?? [],
    severity: (rule) => RULES_BY_ID.get(rule)!.severity(ctx.rules),
    reference: (rule) => referenceOf(RULES_BY_ID.get(rule)!, ctx.rules),
  };
}

/** The date of a day index; in a rolling rota, days outside the period wrap into it. */
export function dateOf(ctx: EvalContext, day: number): string {
  const D = ctx.D;
  return ctx.days[((day % D) + D) % D].date;
}

export const round2 = (x: number) => Math.round(x * 100) / 100;
