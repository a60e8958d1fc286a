/** PRA-05 – forward rotation: on consecutive days, day → evening → night, never backwards (night → evening/day, evening → day). Soft. */
import type { EmployeeRule } from './types.js';
import { inPeriod } from '../eval/line.js';
import { d, penalty, shiftCode, tr } from './format.js';
import type { ShiftCategory } from '../model/primitives.js';

const ORDER: Record<ShiftCategory, number> = { day: 0, long: 0, middle: 0.5, evening: 1, night: 2 };

export const pra05: EmployeeRule = {
  id: 'PRA-05',
  scope: 'employee',
  titleNb: 'Forlengs rotasjon',
  titleEn: 'Forward rotation',
  reference: 'RULES PRA-05',
  unit: 'count',
  severity: () => 'soft',
  evaluate(ctx, emp, line, emit) {
    const items = line.items;
    for (let i = 1; i < items.length; i++) {
      const a = items[i - 1];
      const b = items[i];
      if (b.day !== a.day + 1 || !inPeriod(ctx, b.day)) continue;
      const oa = ORDER[ctx.shiftTypes[a.shift].category];
      const ob = ORDER[ctx.shiftTypes[b.shift].category];
      if (ob < oa) emit({ rule: 'PRA-05', employee: emp.idx, day: a.day, dayTo: b.day, measured: 1, limit: 0, penalty: penalty(2, oa - ob), detail: `${a.shift}>${b.shift}` });
    }
  },
  message(v, ctx, lang) {
    const [a, b] = String(v.detail).split('>').map(Number);
    return tr(lang,
      `Baklengs rotasjon ${shiftCode(ctx, a)} ${d(ctx, v.day, lang)} → ${shiftCode(ctx, b)} ${d(ctx, v.dayTo, lang)}`,
      `Backward rotation ${shiftCode(ctx, a)} ${d(ctx, v.day, lang)} → ${shiftCode(ctx, b)} ${d(ctx, v.dayTo, lang)}`);
  },
};
