/**
 * PRA-13 – target staffing above the minimum (Bemanna's own soft objective; the staffing plan's
 * "target"), and the prediction shifts the newsvendor rule sized (their staffing-plan lines are targets).
 */
import type { DayRule } from './types.js';
import { d, num, penalty, shiftCode, tr } from './format.js';
import { countOnShift } from './pra11MinStaffing.js';

const TARGET_WEIGHT = 3;
const PREDICTION_WEIGHT = 7;

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
      // A sized prediction shift weighs a little more than target staffing: the newsvendor rule
      // placed it only where it pays, and its holder works as target staffing when not needed.
      const weight = ctx.shiftTypes[cell.shift].predictionFor >= 0 ? PREDICTION_WEIGHT : TARGET_WEIGHT;
      if (n >= cell.min && n < cell.target)
        emit({ rule: 'PRA-13', employee: -1, day, dayTo: day, measured: n, limit: cell.target, penalty: penalty(weight * (cell.target - n), 0), detail: `${cell.shift}:${cell.competence ?? ''}` });
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
