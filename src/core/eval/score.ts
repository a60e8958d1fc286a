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

export interface Score {
  hard: number;
  soft: number;
}

export const ZERO: Score = { hard: 0, soft: 0 };

export function compareScores(a: Score, b: Score): number {
  if (a.hard !== b.hard) return a.hard - b.hard;
  return a.soft - b.soft;
}

interface Bucket {
  hard: number;
  soft: number;
  raws: RawViolation[];
}

export function emptyRows(ctx: EvalContext): Int16Array[] {
  return ctx.employees.map(() => new Int16Array(ctx.D).fill(FREE));
}

export class ScoreDirector {
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
    const old = this.rows[e][d];
    if (old === s) return;
    if (old !== FREE) {
      const list = this.onDay[d][old];
      list.splice(list.indexOf(e), 1);
    }
    if (s !== FREE) this.onDay[d][s].push(e);
    this.rows[e][d] = s;
    const oldE = this.empBuckets[e];
    const oldD = this.dayBuckets[d];
    const newE = this.evalEmployee(e);
    const newD = this.evalDay(d);
    this.empBuckets[e] = newE;
    this.dayBuckets[d] = newD;
    this.total = {
      hard: this.total.hard - oldE.hard - oldD.hard + newE.hard + newD.hard,
      soft: this.total.soft - oldE.soft - oldD.soft + newE.soft + newD.soft,
    };
    if (this.assertMode) this.assertConsistent();
  }

  /** Score after a tentative change, leaving the rota (and every cache) as it was. */
  peek(e: number, d: number, s: number): Score {
    const old = this.rows[e][d];
    if (old === s) return this.score();
    const list = old !== FREE ? this.onDay[d][old] : null;
    const at = list ? list.indexOf(e) : -1;
    if (list) list.splice(at, 1);
    if (s !== FREE) this.onDay[d][s].push(e);
    this.rows[e][d] = s;
    const newE = this.evalEmployee(e);
    const newD = this.evalDay(d);
    this.rows[e][d] = old;
    if (s !== FREE) this.onDay[d][s].pop();
    if (list) list.splice(at, 0, e);
    const oldE = this.empBuckets[e];
    const oldD = this.dayBuckets[d];
    return {
      hard: round(this.total.hard - oldE.hard - oldD.hard + newE.hard + newD.hard),
      soft: round(this.total.soft - oldE.soft - oldD.soft + newE.soft + newD.soft),
    };
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
