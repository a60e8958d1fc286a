/** PRA-06 – after a weekend with long shifts, Monday is free (first shift on Tuesday). Soft, local. */
import type { EmployeeRule } from './types.js';
import { FREE, shiftAt } from '../eval/line.js';
import { d, penalty, tr } from './format.js';

export const pra06: EmployeeRule = {
  id: 'PRA-06',
  scope: 'employee',
  titleNb: 'Fri mandag etter langvakthelg',
  titleEn: 'Monday off after a long-shift weekend',
  reference: 'RULES PRA-06; lokal avtale',
  unit: 'count',
  severity: () => 'soft',
  enabled: (rs) => rs.soft.mondayFreeAfterLongWeekend,
  evaluate(ctx, emp, line, emit) {
    const isLong = (s: number) => s !== FREE && ctx.shiftTypes[s].category === 'long';
    for (const sat of ctx.weekends) {
      const mon = sat + 2;
      if (mon < 0 || mon >= ctx.D) continue;
      if (!isLong(shiftAt(ctx, line.row, sat)) && !isLong(shiftAt(ctx, line.row, sat + 1))) continue;
      if (shiftAt(ctx, line.row, mon) !== FREE)
        emit({ rule: 'PRA-06', employee: emp.idx, day: sat, dayTo: mon, measured: 1, limit: 0, penalty: penalty(3, 0) });
    }
  },
  message(v, ctx, lang) {
    return tr(lang,
      `Vakt mandag ${d(ctx, v.dayTo, lang)} etter langvakthelg – mandag bør være fri`,
      `Shift on Monday ${d(ctx, v.dayTo, lang)} after a long-shift weekend – Monday should be free`);
  },
};
