/** PRA-02 – days off after a night series: at least two days with no shift start before the next non-night shift. Soft. */
import type { EmployeeRule } from './types.js';
import { inPeriod, shiftAt, FREE } from '../eval/line.js';
import { d, num, penalty, tr } from './format.js';

export const pra02: EmployeeRule = {
  id: 'PRA-02',
  scope: 'employee',
  titleNb: 'Fri etter nattserie',
  titleEn: 'Days off after a night series',
  reference: 'RULES PRA-02',
  unit: 'days',
  severity: () => 'soft',
  evaluate(ctx, emp, line, emit) {
    const need = ctx.rules.soft.minDaysOffAfterNights;
    if (need <= 0) return;
    const items = line.items;
    for (let i = 0; i + 1 < items.length; i++) {
      const a = items[i];
      const b = items[i + 1];
      if (ctx.shiftTypes[a.shift].category !== 'night' || ctx.shiftTypes[b.shift].category === 'night') continue;
      if (!inPeriod(ctx, b.day)) continue;
      let free = 0;
      for (let x = a.day + 1; x < b.day; x++) if (shiftAt(ctx, line.row, x) === FREE) free++;
      if (free < need) emit({ rule: 'PRA-02', employee: emp.idx, day: a.day, dayTo: b.day, measured: free, limit: need, penalty: penalty(5, need - free), detail: b.shift });
    }
  },
  message(v, ctx, lang) {
    return tr(lang,
      `Etter natt ${d(ctx, v.day, lang)} bare ${num(v.measured, lang, 0)} fridager før vakt ${d(ctx, v.dayTo, lang)} – ønsket minst ${num(v.limit, lang, 0)}`,
      `After the night of ${d(ctx, v.day, lang)} only ${v.measured} days off before the shift on ${d(ctx, v.dayTo, lang)} – at least ${v.limit} wanted`);
  },
};
