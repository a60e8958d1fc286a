/** PRA-07 – minimum shift length: short shifts fragment small positions (default 4 h). Soft. */
import type { EmployeeRule } from './types.js';
import { inPeriod } from '../eval/line.js';
import { h, penalty, shiftCode, tr } from './format.js';

export const pra07: EmployeeRule = {
  id: 'PRA-07',
  scope: 'employee',
  titleNb: 'Korte vakter',
  titleEn: 'Short shifts',
  reference: 'RULES PRA-07',
  unit: 'h',
  severity: () => 'soft',
  evaluate(ctx, emp, line, emit) {
    const min = ctx.rules.soft.minShiftHours * 60;
    const byShift = new Map<number, number[]>();
    for (const it of line.items) {
      if (!inPeriod(ctx, it.day) || it.workMin >= min) continue;
      const l = byShift.get(it.shift) ?? [];
      l.push(it.day);
      byShift.set(it.shift, l);
    }
    for (const [s, days] of byShift) {
      const len = ctx.instance(days[0], s).workMin / 60;
      emit({ rule: 'PRA-07', employee: emp.idx, day: days[0], dayTo: days[days.length - 1], days, measured: len, limit: min / 60, penalty: penalty(2 * days.length, 0), detail: s });
    }
  },
  message(v, ctx, lang) {
    return tr(lang,
      `Vakt ${shiftCode(ctx, v.detail)} er ${h(v.measured, lang)} – korteste ønskede vakt er ${h(v.limit, lang)} (${v.days?.length ?? 1} vakter)`,
      `Shift ${shiftCode(ctx, v.detail)} is ${h(v.measured, lang)} – the shortest wanted shift is ${h(v.limit, lang)} (${v.days?.length ?? 1} shifts)`);
  },
};
