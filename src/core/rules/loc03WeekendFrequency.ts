/**
 * LOC-03 – weekend frequency ("hver tredje helg"): a person works at most ⌈weeks / k⌉
 * weekends in the plan and not more weekends in a row than agreed. A weekend is worked when
 * a shift overlaps Saturday 00:00–Monday 00:00 by at least the set minimum (60 min).
 * Not statutory: a local agreement (RULES.md § 5.8); severity set in the rule set.
 */
import type { EmployeeRule } from './types.js';
import type { EvalContext } from '../eval/context.js';
import type { EmployeeLine } from '../eval/line.js';
import { d, num, penalty, tr } from './format.js';

/** Saturdays (day indices) of the weekends this line works, including margin weekends. */
export function workedWeekends(ctx: EvalContext, line: EmployeeLine): Set<number> {
  const min = ctx.rules.weekend.minOverlapMinutes;
  const out = new Set<number>();
  for (const it of line.items) if (it.weekendSat !== null && it.weekendMin >= min) out.add(it.weekendSat);
  return out;
}

export const loc03: EmployeeRule = {
  id: 'LOC-03',
  scope: 'employee',
  titleNb: 'Helgefrekvens',
  titleEn: 'Weekend frequency',
  reference: 'Lokal avtale om helgefrekvens (LOC-03)',
  unit: 'count',
  severity: (rs) => rs.weekend.severity,
  evaluate(ctx, emp, line, emit) {
    const k = emp.weekendFrequency ?? ctx.rules.weekend.frequency;
    const worked = workedWeekends(ctx, line);
    const inPeriodWeekends = ctx.weekends.filter((s) => s >= 0 && s + 1 < ctx.D);
    const count = inPeriodWeekends.filter((s) => worked.has(s)).length;
    const allowed = Math.ceil(inPeriodWeekends.length / k);
    if (count > allowed)
      emit({ rule: 'LOC-03', employee: emp.idx, day: 0, dayTo: ctx.D - 1, days: inPeriodWeekends.filter((s) => worked.has(s)), measured: count, limit: allowed, penalty: penalty(30, count - allowed), detail: `count:${k}` });
    const maxRow = ctx.rules.weekend.maxConsecutive;
    const all = ctx.cyclic ? [...ctx.weekends].sort((a, b) => a - b) : inPeriodWeekends;
    const isWorked = (sat: number) => {
      if (!ctx.cyclic) return worked.has(sat);
      const D = ctx.D;
      const wrapped = ((sat % D) + D) % D;
      return worked.has(sat) || worked.has(wrapped);
    };
    let run = 0;
    let runStart = 0;
    for (const sat of all) {
      if (isWorked(sat)) {
        if (run === 0) runStart = sat;
        run++;
        if (run === maxRow + 1 && sat >= 0 && sat < ctx.D)
          emit({ rule: 'LOC-03', employee: emp.idx, day: runStart, dayTo: sat + 1, measured: run, limit: maxRow, penalty: penalty(20, 0), detail: 'row' });
      } else run = 0;
    }
  },
  message(v, ctx, lang) {
    if (String(v.detail).startsWith('count')) {
      const k = String(v.detail).split(':')[1];
      return tr(lang,
        `${num(v.measured, lang, 0)} arbeidshelger i perioden – hver ${k}. helg gir høyst ${num(v.limit, lang, 0)}`,
        `${v.measured} weekends worked in the period – every ${k}th weekend allows at most ${v.limit}`);
    }
    return tr(lang,
      `${num(v.measured, lang, 0)} arbeidshelger på rad fra ${d(ctx, v.day, lang)} – høyst ${num(v.limit, lang, 0)}`,
      `${v.measured} weekends worked in a row from ${d(ctx, v.day, lang)} – at most ${v.limit}`);
  },
};
