/**
 * Scoring over the rule catalogue, whole and incremental.
 *
 * ScoreDirector keeps the rota as one row of shift indices per employee and caches each
 * employee's and each day's violations. Changing one assignment re-evaluates only that
 * employee's rules and that day's staffing rules; `assertMode` recomputes everything from
 * scratch after each change and throws on any difference (the Timefold "full assert").
 */
import { activeRules } from '../rules/catalogue.js';
import type { DayRule, EmployeeRule, RawViolation } from '../rules/types.js';
import type { EvalContext } from './context.js';
import { buildLine, FREE } from './line.js';
import type { Change, IncrementalScorer, Score } from './scorer.js';

export { compareScores, type Score } from './scorer.js';

interface Bucket {
  hard: number;
  soft: number;
  raws: RawViolation[];
}

export function emptyRows(ctx: EvalContext): Int16Array[] {
  return ctx.employees.map(() => new Int16Array(ctx.D).fill(FREE));
}

export class ScoreDirector implements IncrementalScorer {
  readonly rows: Int16Array[];
  private readonly empRules: EmployeeRule[];
  private readonly dayRules: DayRule[];
  private readonly hardIds: Set<string>;
  private readonly weights: Record<string, number>;
  private empBuckets: Bucket[];
  private dayBuckets: Bucket[];
  /** onDay[d][s] = employees working shift s on day d. */
  private onDay: number[][][];
  private total: Score = { hard: 0, soft: 0 };
  assertMode = false;

  constructor(
    readonly ctx: EvalContext,
    rows?: Int16Array[],
  ) {
    this.rows = rows ? rows.map((r) => Int16Array.from(r)) : emptyRows(ctx);
    const { employee, day } = activeRules(ctx.rules);
    this.empRules = employee;
    this.dayRules = day;
    this.hardIds = new Set([...employee, ...day].filter((r) => r.severity(ctx.rules) === 'hard').map((r) => r.id));
    this.weights = ctx.rules.weights;
    this.onDay = [];
    this.empBuckets = [];
    this.dayBuckets = [];
    this.rebuild();
  }

  private rebuild(): void {
    const { ctx } = this;
    this.onDay = ctx.days.map(() => ctx.shiftTypes.map(() => [] as number[]));
    this.rows.forEach((row, e) => row.forEach((s, d) => s !== FREE && this.onDay[d][s].push(e)));
    this.empBuckets = this.rows.map((_, e) => this.evalEmployee(e));
    this.dayBuckets = ctx.days.map((_, d) => this.evalDay(d));
    this.total = sum([...this.empBuckets, ...this.dayBuckets]);
  }

  private bucket(): Bucket & { emit: (v: RawViolation) => void } {
    const b: Bucket = { hard: 0, soft: 0, raws: [] };
    return Object.assign(b, {
      emit: (v: RawViolation) => {
        const p = v.penalty * (this.weights[v.rule] ?? 1);
        if (this.hardIds.has(v.rule)) b.hard += p;
        else b.soft += p;
        b.raws.push(v);
      },
    });
  }

  private evalEmployee(e: number): Bucket {
    const b = this.bucket();
    const line = buildLine(this.ctx, e, this.rows[e]);
    const emp = this.ctx.employees[e];
    for (const r of this.empRules) r.evaluate(this.ctx, emp, line, b.emit);
    return { hard: b.hard, soft: b.soft, raws: b.raws };
  }

  private evalDay(d: number): Bucket {
    const b = this.bucket();
    for (const r of this.dayRules) r.evaluate(this.ctx, d, this.onDay[d], b.emit);
    return { hard: b.hard, soft: b.soft, raws: b.raws };
  }

  score(): Score {
    return { hard: round(this.total.hard), soft: round(this.total.soft) };
  }

  get(e: number, d: number): number {
    return this.rows[e][d];
  }

  /** Sets one assignment (FREE to clear) and updates the score incrementally. */
  set(e: number, d: number, s: number): void {
    this.setMany([[e, d, s]]);
  }

  /** Score after a tentative change, leaving the rota (and every cache) as it was. */
  peek(e: number, d: number, s: number): Score {
    return this.peekMany([[e, d, s]]);
  }

  private moveOnDay(e: number, d: number, from: number, to: number): void {
    if (from !== FREE) {
      const list = this.onDay[d][from];
      const at = list.lastIndexOf(e);
      list.splice(at, 1);
    }
    if (to !== FREE) this.onDay[d][to].push(e);
  }

  /** Applies the changes to rows and onDay; returns the old values for undo. */
  private apply(changes: readonly Change[]): number[] {
    const olds: number[] = [];
    for (const [e, d, s] of changes) {
      const old = this.rows[e][d];
      olds.push(old);
      if (old === s) continue;
      this.moveOnDay(e, d, old, s);
      this.rows[e][d] = s;
    }
    return olds;
  }

  private undo(changes: readonly Change[], olds: number[]): void {
    for (let i = changes.length - 1; i >= 0; i--) {
      const [e, d] = changes[i];
      const cur = this.rows[e][d];
      if (cur === olds[i]) continue;
      this.moveOnDay(e, d, cur, olds[i]);
      this.rows[e][d] = olds[i];
    }
  }

  private affected(changes: readonly Change[]): { emps: number[]; days: number[] } {
    const emps: number[] = [];
    const days: number[] = [];
    for (const [e, d] of changes) {
      if (!emps.includes(e)) emps.push(e);
      if (!days.includes(d)) days.push(d);
    }
    return { emps, days };
  }

  peekMany(changes: readonly Change[]): Score {
    const olds = this.apply(changes);
    const { emps, days } = this.affected(changes);
    let hard = this.total.hard;
    let soft = this.total.soft;
    for (const e of emps) {
      const b = this.evalEmployee(e);
      hard += b.hard - this.empBuckets[e].hard;
      soft += b.soft - this.empBuckets[e].soft;
    }
    for (const d of days) {
      const b = this.evalDay(d);
      hard += b.hard - this.dayBuckets[d].hard;
      soft += b.soft - this.dayBuckets[d].soft;
    }
    this.undo(changes, olds);
    return { hard: round(hard), soft: round(soft) };
  }

  setMany(changes: readonly Change[]): void {
    this.apply(changes);
    const { emps, days } = this.affected(changes);
    for (const e of emps) {
      const b = this.evalEmployee(e);
      this.total.hard += b.hard - this.empBuckets[e].hard;
      this.total.soft += b.soft - this.empBuckets[e].soft;
      this.empBuckets[e] = b;
    }
    for (const d of days) {
      const b = this.evalDay(d);
      this.total.hard += b.hard - this.dayBuckets[d].hard;
      this.total.soft += b.soft - this.dayBuckets[d].soft;
      this.dayBuckets[d] = b;
    }
    if (this.assertMode) this.assertConsistent();
  }

  /**
   * Registers an absence of employee e on days d0..d1 (`kind` is the 1-based index into
   * ABSENCE_KINDS, as in ctx.absence): the cells become fixed free and the score follows.
   * Used on the day an absence happens; the context's absence table is updated in place.
   */
  registerAbsence(e: number, d0: number, d1: number, kind: number): void {
    const changes: Change[] = [];
    for (let d = Math.max(0, d0); d <= Math.min(this.ctx.D - 1, d1); d++) {
      this.ctx.absence[e][d] = kind;
      changes.push([e, d, FREE]);
    }
    if (changes.length) this.setMany(changes);
  }

  get E(): number {
    return this.rows.length;
  }

  get D(): number {
    return this.ctx.D;
  }

  get S(): number {
    return this.ctx.shiftTypes.length;
  }

  /** Absent employees stay free: the search does not touch their cells. */
  isFixed(e: number, d: number): boolean {
    return this.ctx.absence[e][d] !== 0 || (this.locked?.[e][d] ?? 0) !== 0;
  }

  /** Night shifts only for those not exempt; long shifts only for those who agreed. */
  canWork(e: number, s: number): boolean {
    const emp = this.ctx.employees[e];
    const cat = this.ctx.shiftTypes[s].category;
    if (cat === 'night' && !emp.canWorkNights) return false;
    if (cat === 'long' && !emp.canWorkLongShifts) return false;
    if (cat === 'night' && emp.ageAtStart !== undefined && emp.ageAtStart < 18) return false;
    return true;
  }

  /** Cells fixed by the planner (1 = locked). */
  locked: Uint8Array[] | null = null;

  snapshot(): Int16Array[] {
    return this.rows.map((r) => Int16Array.from(r));
  }

  /** Recomputes the score from nothing. */
  scoreFromScratch(): Score {
    const fresh = new ScoreDirector(this.ctx, this.rows);
    return fresh.score();
  }

  assertConsistent(): void {
    const inc = this.score();
    const full = this.scoreFromScratch();
    if (Math.abs(inc.hard - full.hard) > 1e-6 || Math.abs(inc.soft - full.soft) > 1e-6)
      throw new Error(`score drift: incremental ${JSON.stringify(inc)} ≠ from scratch ${JSON.stringify(full)}`);
  }

  rawViolations(): RawViolation[] {
    return [...this.empBuckets.flatMap((b) => b.raws), ...this.dayBuckets.flatMap((b) => b.raws)];
  }

  /** The violations of employee e's rules (all of them: an employee rule sees the whole line). */
  employeeViolations(e: number): readonly RawViolation[] {
    return this.empBuckets[e].raws;
  }

  /** The violations of the unit-level (staffing) rules on day d. */
  dayViolations(d: number): readonly RawViolation[] {
    return this.dayBuckets[d].raws;
  }

  isHard(ruleId: string): boolean {
    return this.hardIds.has(ruleId);
  }
}

function sum(buckets: Bucket[]): Score {
  let hard = 0;
  let soft = 0;
  for (const b of buckets) {
    hard += b.hard;
    soft += b.soft;
  }
  return { hard, soft };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
