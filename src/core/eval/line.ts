/**
 * One employee's line of the rota, as the rules see it: the worked shift instances sorted by
 * start (in a rolling rota, with the neighbouring cycles' days around the period so rest and
 * run rules wrap from the last week to the first), plus helpers for sums and free time.
 */
import type { EvalContext, ShiftInstance } from './context.js';

export const FREE = -1;

export interface EmployeeLine {
  e: number;
  /** Worked shifts, sorted by start. Days may be < 0 or ≥ D in a rolling rota. */
  items: ShiftInstance[];
  /** Shift index per day of the period (FREE when none). */
  row: Int16Array;
}

export function shiftAt(ctx: EvalContext, row: Int16Array, day: number): number {
  const D = ctx.D;
  if (day >= 0 && day < D) return row[day];
  if (!ctx.cyclic) return FREE;
  return row[((day % D) + D) % D];
}

export function buildLine(ctx: EvalContext, e: number, row: Int16Array): EmployeeLine {
  const items: ShiftInstance[] = [];
  const D = ctx.D;
  const lo = ctx.cyclic ? -Math.min(ctx.margin, D) : 0;
  const hi = ctx.cyclic ? D + Math.min(ctx.margin, D) : D;
  for (let d = lo; d < hi; d++) {
    const s = shiftAt(ctx, row, d);
    if (s !== FREE) items.push(ctx.instance(d, s));
  }
  // One shift per day and starts ordered by day, except a shift starting later on day d
  // than the next day's shift starts, which cannot happen for ≤ 24 h shifts; sort anyway.
  items.sort((a, b) => a.start - b.start);
  return { e, items, row };
}

export function inPeriod(ctx: EvalContext, day: number): boolean {
  return day >= 0 && day < ctx.D;
}

/** Work minutes of the line overlapping [from, to). Work is spread evenly over a shift. */
export function workIn(items: readonly ShiftInstance[], from: number, to: number): number {
  let sum = 0;
  for (const it of items) {
    if (it.end <= from) continue;
    if (it.start >= to) break;
    const lo = Math.max(from, it.start);
    const hi = Math.min(to, it.end);
    sum += ((hi - lo) * it.workMin) / (it.end - it.start);
  }
  return sum;
}

/** Free intervals between shifts, with open ends at ±Infinity. */
export function freeIntervals(items: readonly ShiftInstance[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let cursor = -Infinity;
  for (const it of items) {
    if (it.start > cursor) out.push([cursor, it.start]);
    if (it.end > cursor) cursor = it.end;
  }
  out.push([cursor, Infinity]);
  return out;
}

export const hours = (min: number) => Math.round((min / 60) * 100) / 100;

/**
 * Work minutes per calendar week (Monday 00:00 local time) for weeks starting at
 * `firstMonday + 7k` (firstMonday = the Monday on or before the period start), split exactly
 * at week boundaries. Computed once per line.
 */
export function weekWork(ctx: EvalContext, line: EmployeeLine): Float64Array {
  const cached = (line as EmployeeLine & { _weeks?: Float64Array })._weeks;
  if (cached) return cached;
  const firstMonday = -ctx.days[0].weekday;
  const W = Math.ceil((ctx.D - firstMonday) / 7);
  const out = new Float64Array(W);
  for (const it of line.items) {
    let w = Math.floor((it.day - firstMonday) / 7);
    let from = it.start;
    while (from < it.end && w < W) {
      const we = ctx.dayStart(firstMonday + 7 * (w + 1));
      const to = Math.min(it.end, we);
      if (w >= 0 && to > from) out[w] += ((to - from) * it.workMin) / (it.end - it.start);
      from = to;
      w++;
    }
  }
  (line as EmployeeLine & { _weeks?: Float64Array })._weeks = out;
  return out;
}

/** Work minutes per calendar day of the period (local midnight to midnight), split exactly. */
export function dayWork(ctx: EvalContext, line: EmployeeLine): Float64Array {
  const cached = (line as EmployeeLine & { _days?: Float64Array })._days;
  if (cached) return cached;
  const out = new Float64Array(ctx.D);
  for (const it of line.items) {
    let d = it.day;
    let from = it.start;
    while (from < it.end) {
      const to = Math.min(it.end, ctx.dayStart(d + 1));
      if (d >= 0 && d < ctx.D && to > from) out[d] += ((to - from) * it.workMin) / (it.end - it.start);
      from = to;
      d++;
    }
  }
  (line as EmployeeLine & { _days?: Float64Array })._days = out;
  return out;
}
