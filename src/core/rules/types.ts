/**
 * The rule interface. A rule reads the compiled context and one employee's line (or one
 * day of the unit) and emits raw violations: numbers only, no strings, so the generator can
 * score millions of moves. Messages are built only when a violation is shown.
 */
import type { CEmployee, EvalContext } from '../eval/context.js';
import type { EmployeeLine } from '../eval/line.js';
import type { RuleSet } from '../model/ruleSet.js';

export type Severity = 'hard' | 'soft';
export type Lang = 'nb' | 'en';

export type MeasureUnit = 'h' | 'min' | 'count' | 'days' | 'percent';

export interface RawViolation {
  rule: string;
  /** Employee index, or -1 for a unit-level violation. */
  employee: number;
  /** First and last day index the violation concerns (may lie outside the period in rolling rotas). */
  day: number;
  dayTo: number;
  /** Specific days when not a range (e.g. the dates a shift type was used). */
  days?: number[];
  measured: number;
  limit: number;
  penalty: number;
  /** Rule-specific detail: a shift index, a competence name, a week index … */
  detail?: number | string;
}

export type Emit = (v: RawViolation) => void;

interface RuleBase {
  id: string;
  titleNb: string;
  titleEn: string;
  /** Legal or agreement reference, e.g. "AML § 10-8 (1)". */
  reference: string | ((rs: RuleSet) => string);
  unit: MeasureUnit;
  severity(rs: RuleSet): Severity;
  /** A one-line message for a violation, in bokmål or English. */
  message(v: RawViolation, ctx: EvalContext, lang: Lang): string;
  /** Whether the rule is active under the rule set (e.g. LAW-01 only without averaging). */
  enabled?(rs: RuleSet): boolean;
}

export interface EmployeeRule extends RuleBase {
  scope: 'employee';
  evaluate(ctx: EvalContext, emp: CEmployee, line: EmployeeLine, emit: Emit): void;
}

export interface DayRule extends RuleBase {
  scope: 'day';
  /** Evaluate one day of the unit; `onDay[s]` lists employee indices working shift s that day. */
  evaluate(ctx: EvalContext, day: number, onDay: number[][], emit: Emit): void;
}

export type Rule = EmployeeRule | DayRule;
