/** PRA-13 – target staffing above the minimum (Bemanna's own soft objective; the staffing plan's "target"). */
import type { DayRule } from './types.js';
import { d, num, penalty, shiftCode, tr } from './format.js';
import { countOnShift } from './pra11MinStaffing.js';

export const pra13: DayRule = {
  id: 'PRA-13',
  scope: 'day',
  titleNb: 'Målbemanning',
  titleEn: 'Target staffing',
  reference: 'Bemanningsplan (mål over minimum)',
  unit: 'count',
  severity: () => 'soft',
  evaluate(ctx, day, onDay, emit) {
    for (const cell of ctx.demand[day]) {
      if (cell.target <= cell.min) continue;
      const n = countOnShift(ctx, day, onDay[cell.shift], cell.competence);
      if (n >= cell.min && n < cell.target)
        emit({ rule: 'PRA-13', employee: -1, day, dayTo: day, measured: n, limit: cell.target, penalty: penalty(3 * (cell.target - n), 0), detail: `${cell.shift}:${cell.competence ?? ''}` });
    }
  },
  message(v, ctx, lang) {
    const [s, comp] = String(v.detail).split(':');
    const who = comp ? comp : tr(lang, 'ansatte', 'staff');
    return tr(lang,
      `${d(ctx, v.day, lang)} vakt ${shiftCode(ctx, Number(s))}: ${num(v.measured, lang, 0)} ${who}, målet er ${num(v.limit, lang, 0)}`,
      `${d(ctx, v.day, lang)} shift ${shiftCode(ctx, Number(s))}: ${v.measured} ${who}, the target is ${v.limit}`);
  },
};
