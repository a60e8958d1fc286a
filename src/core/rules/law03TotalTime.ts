/** LAW-03 – total working time including overtime: ≤ 13 h per 24 h (16 h by agreement), never > 69 h a week (AML § 10-6 (8)(9)). */
import type { EmployeeRule } from './types.js';
import { h, d, penalty, tr } from './format.js';
import { inPeriod, weekWork, workIn } from '../eval/line.js';

export const law03: EmployeeRule = {
  id: 'LAW-03',
  scope: 'employee',
  titleNb: 'Samlet arbeidstid',
  titleEn: 'Total working time',
  reference: 'AML § 10-6 (8) og (9)',
  unit: 'h',
  severity: () => 'hard',
  evaluate(ctx, emp, line, emit) {
    const cap = ctx.rules.totalTime.maxHoursPer24;
    let lastFlag = -1;
    for (const it of line.items) {
      if (!inPeriod(ctx, it.day)) continue;
      const sum = workIn(line.items, it.start, it.start + 24 * 60) / 60;
      if (sum > cap + 1e-9 && it.day !== lastFlag) {
        lastFlag = it.day;
        emit({ rule: 'LAW-03', employee: emp.idx, day: it.day, dayTo: it.day, measured: sum, limit: cap, penalty: penalty(200, sum - cap), detail: 'day' });
      }
    }
    const firstMonday = -ctx.days[0].weekday;
    weekWork(ctx, line).forEach((min, k) => {
      const wk = min / 60;
      const m = firstMonday + 7 * k;
      if (wk > 69 + 1e-9)
        emit({ rule: 'LAW-03', employee: emp.idx, day: Math.max(0, m), dayTo: Math.min(ctx.D - 1, m + 6), measured: wk, limit: 69, penalty: penalty(200, wk - 69), detail: 'week' });
    });
  },
  message(v, ctx, lang) {
    if (v.detail === 'day')
      return tr(lang,
        `Samlet ${h(v.measured, lang)} arbeid innen 24 timer fra ${d(ctx, v.day, lang)} – lovens grense er ${h(v.limit, lang)}`,
        `In total ${h(v.measured, lang)} of work within 24 hours from ${d(ctx, v.day, lang)} – the legal limit is ${h(v.limit, lang)}`);
    return tr(lang,
      `Samlet ${h(v.measured, lang)} i uken fra ${d(ctx, v.day, lang)} – aldri over ${h(v.limit, lang)}`,
      `In total ${h(v.measured, lang)} in the week from ${d(ctx, v.day, lang)} – never above ${h(v.limit, lang)}`);
  },
};
