/** LAW-01 – normal daily and weekly limits without an averaging agreement (AML § 10-4). */
import type { EmployeeRule } from './types.js';
import { h, d, penalty, tr } from './format.js';
import { inPeriod, workIn } from '../eval/line.js';
import { weeklyNorm } from './weeklyNorm.js';

export const law01: EmployeeRule = {
  id: 'LAW-01',
  scope: 'employee',
  titleNb: 'Alminnelig arbeidstid per døgn og uke',
  titleEn: 'Normal working time per day and week',
  reference: 'AML § 10-4',
  unit: 'h',
  severity: () => 'hard',
  enabled: (rs) => rs.averaging.tier === 'none',
  evaluate(ctx, emp, line, emit) {
    const norm = weeklyNorm(ctx, line).norm;
    const weekCap = norm <= 33.6 ? 36 : norm <= 35.5 ? 38 : 40;
    let lastDayFlag = -1;
    for (const it of line.items) {
      if (!inPeriod(ctx, it.day)) continue;
      const day = workIn(line.items, it.start, it.start + 24 * 60) / 60;
      if (day > 9 + 1e-9 && it.day !== lastDayFlag) {
        lastDayFlag = it.day;
        emit({ rule: 'LAW-01', employee: emp.idx, day: it.day, dayTo: it.day, measured: day, limit: 9, penalty: penalty(100, day - 9), detail: 'day' });
      }
    }
    // Rolling 7-day windows anchored at each shift start.
    let lastWeekFlag = -100;
    for (const it of line.items) {
      if (!inPeriod(ctx, it.day)) continue;
      const wk = workIn(line.items, it.start, it.start + 7 * 24 * 60) / 60;
      if (wk > weekCap + 1e-9 && it.day - lastWeekFlag >= 7) {
        lastWeekFlag = it.day;
        emit({ rule: 'LAW-01', employee: emp.idx, day: it.day, dayTo: it.day + 6, measured: wk, limit: weekCap, penalty: penalty(100, wk - weekCap), detail: 'week' });
      }
    }
  },
  message(v, ctx, lang) {
    if (v.detail === 'day')
      return tr(lang,
        `${h(v.measured, lang)} arbeid innen 24 timer fra ${d(ctx, v.day, lang)} – over ${h(v.limit, lang)} uten avtale om gjennomsnittsberegning`,
        `${h(v.measured, lang)} of work within 24 hours from ${d(ctx, v.day, lang)} – above ${h(v.limit, lang)} without an averaging agreement`);
    return tr(lang,
      `${h(v.measured, lang)} arbeid i 7 dager fra ${d(ctx, v.day, lang)} – over ${h(v.limit, lang)} uten avtale om gjennomsnittsberegning`,
      `${h(v.measured, lang)} of work in 7 days from ${d(ctx, v.day, lang)} – above ${h(v.limit, lang)} without an averaging agreement`);
  },
};
