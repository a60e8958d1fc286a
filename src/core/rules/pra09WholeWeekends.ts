/** PRA-09 – whole weekends: work both Saturday and Sunday or neither, with the same kind of shift. Soft. */
import type { EmployeeRule } from './types.js';
import { FREE, shiftAt } from '../eval/line.js';
import { d, penalty, tr } from './format.js';

export const pra09: EmployeeRule = {
  id: 'PRA-09',
  scope: 'employee',
  titleNb: 'Hele helger',
  titleEn: 'Whole weekends',
  reference: 'RULES PRA-09',
  unit: 'count',
  severity: () => 'soft',
  evaluate(ctx, emp, line, emit) {
    for (const sat of ctx.weekends) {
      if (sat < 0 || sat + 1 >= ctx.D) continue;
      const a = shiftAt(ctx, line.row, sat);
      const b = shiftAt(ctx, line.row, sat + 1);
      if (a === FREE && b === FREE) continue;
      if (a === FREE || b === FREE)
        emit({ rule: 'PRA-09', employee: emp.idx, day: sat, dayTo: sat + 1, measured: 1, limit: 2, penalty: penalty(3, 0), detail: 'split' });
      else if (ctx.shiftTypes[a].category !== ctx.shiftTypes[b].category)
        emit({ rule: 'PRA-09', employee: emp.idx, day: sat, dayTo: sat + 1, measured: 2, limit: 2, penalty: penalty(1, 0), detail: 'mixed' });
    }
  },
  message(v, ctx, lang) {
    if (v.detail === 'split')
      return tr(lang,
        `Bare én av helgedagene ${d(ctx, v.day, lang)}–${d(ctx, v.dayTo, lang)} er arbeid – hele helger er ønsket`,
        `Only one day of the weekend ${d(ctx, v.day, lang)}–${d(ctx, v.dayTo, lang)} is worked – whole weekends are wanted`);
    return tr(lang,
      `Ulik vakttype lørdag og søndag ${d(ctx, v.day, lang)}–${d(ctx, v.dayTo, lang)}`,
      `Different kinds of shift on Saturday and Sunday ${d(ctx, v.day, lang)}–${d(ctx, v.dayTo, lang)}`);
  },
};
