/** PRA-01 – quick return evening → day ("kveld–dag", "sen–tidlig"): less than 11 h between an evening shift and the next shift. Soft; a local agreement may allow a number per 4 weeks. */
import type { EmployeeRule } from './types.js';
import { inPeriod } from '../eval/line.js';
import { d, h, penalty, tr } from './format.js';

export const pra01: EmployeeRule = {
  id: 'PRA-01',
  scope: 'employee',
  titleNb: 'Kveld etterfulgt av dag (sen–tidlig)',
  titleEn: 'Evening followed by day (quick return)',
  reference: 'RULES PRA-01; AML § 10-2 (forsvarlighet)',
  unit: 'h',
  severity: () => 'soft',
  evaluate(ctx, emp, line, emit) {
    const allowance = ctx.rules.soft.quickReturnMaxPer4Weeks;
    const used = new Map<number, number>();
    const items = line.items;
    for (let i = 1; i < items.length; i++) {
      const a = items[i - 1];
      const b = items[i];
      if (!inPeriod(ctx, b.day)) continue;
      if (ctx.shiftTypes[a.shift].category !== 'evening' || b.day !== a.day + 1) continue;
      const gap = (b.start - a.end) / 60;
      if (gap >= 11) continue;
      const block = Math.floor(b.day / 28);
      const n = (used.get(block) ?? 0) + 1;
      used.set(block, n);
      if (n > allowance) emit({ rule: 'PRA-01', employee: emp.idx, day: a.day, dayTo: b.day, measured: gap, limit: 11, penalty: penalty(5, 11 - gap), detail: allowance });
    }
  },
  message(v, ctx, lang) {
    return tr(lang,
      `Kveld ${d(ctx, v.day, lang)} etterfulgt av tidligvakt – bare ${h(v.measured, lang)} mellom vaktene`,
      `Evening on ${d(ctx, v.day, lang)} followed by an early shift – only ${h(v.measured, lang)} between the shifts`);
  },
};
