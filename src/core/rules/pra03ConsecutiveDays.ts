/** PRA-03 – maximum consecutive working days (default 5). Soft. */
import type { EmployeeRule } from './types.js';
import { FREE, shiftAt } from '../eval/line.js';
import { d, num, penalty, tr } from './format.js';
import type { EvalContext } from '../eval/context.js';
import type { EmployeeLine } from '../eval/line.js';

/** Runs [firstDay, lastDay] of consecutive days where `pred(day)` holds, judged in the period (wrapping in rolling rotas). */
export function runsOf(ctx: EvalContext, line: EmployeeLine, pred: (s: number) => boolean): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const lo = ctx.cyclic ? -Math.min(ctx.margin, ctx.D) : 0;
  const hi = ctx.cyclic ? ctx.D + Math.min(ctx.margin, ctx.D) : ctx.D;
  let start: number | null = null;
  for (let x = lo; x <= hi; x++) {
    const s = x < hi ? shiftAt(ctx, line.row, x) : FREE;
    const on = s !== FREE && pred(s);
    if (on && start === null) start = x;
    if (!on && start !== null) {
      // Report a run once: where it ends inside the period (or, wrapping, its start is inside).
      const end = x - 1;
      if (end >= 0 && end < ctx.D) out.push([start, end]);
      start = null;
    }
  }
  return out;
}

export const pra03: EmployeeRule = {
  id: 'PRA-03',
  scope: 'employee',
  titleNb: 'Arbeidsdager på rad',
  titleEn: 'Consecutive working days',
  reference: 'RULES PRA-03',
  unit: 'days',
  severity: () => 'soft',
  evaluate(ctx, emp, line, emit) {
    const max = ctx.rules.soft.maxConsecutiveDays;
    for (const [a, b] of runsOf(ctx, line, () => true)) {
      const n = b - a + 1;
      if (n > max) emit({ rule: 'PRA-03', employee: emp.idx, day: a, dayTo: b, measured: n, limit: max, penalty: penalty(5, n - max) });
    }
  },
  message(v, ctx, lang) {
    return tr(lang,
      `${num(v.measured, lang, 0)} arbeidsdager på rad ${d(ctx, v.day, lang)}–${d(ctx, v.dayTo, lang)} – høyst ${num(v.limit, lang, 0)}`,
      `${v.measured} working days in a row ${d(ctx, v.day, lang)}–${d(ctx, v.dayTo, lang)} – at most ${v.limit}`);
  },
};
