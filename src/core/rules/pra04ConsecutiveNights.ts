/** PRA-04 – maximum consecutive nights (default 4). Soft. */
import type { EmployeeRule } from './types.js';
import { d, num, penalty, tr } from './format.js';
import { runsOf } from './pra03ConsecutiveDays.js';

export const pra04: EmployeeRule = {
  id: 'PRA-04',
  scope: 'employee',
  titleNb: 'Netter på rad',
  titleEn: 'Consecutive nights',
  reference: 'RULES PRA-04',
  unit: 'days',
  severity: () => 'soft',
  evaluate(ctx, emp, line, emit) {
    const max = ctx.rules.soft.maxConsecutiveNights;
    for (const [a, b] of runsOf(ctx, line, (s) => ctx.shiftTypes[s].category === 'night')) {
      const n = b - a + 1;
      if (n > max) emit({ rule: 'PRA-04', employee: emp.idx, day: a, dayTo: b, measured: n, limit: max, penalty: penalty(5, n - max) });
    }
  },
  message(v, ctx, lang) {
    return tr(lang,
      `${num(v.measured, lang, 0)} netter på rad ${d(ctx, v.day, lang)}–${d(ctx, v.dayTo, lang)} – høyst ${num(v.limit, lang, 0)}`,
      `${v.measured} nights in a row ${d(ctx, v.day, lang)}–${d(ctx, v.dayTo, lang)} – at most ${v.limit}`);
  },
};
