/** LAW-06 – daily rest: ≥ 11 h continuous between two main work periods; down to 8 h only by agreement (AML § 10-8 (1)(3)). */
import type { EmployeeRule } from './types.js';
import { h, d, penalty, tr, shiftCode } from './format.js';
import { inPeriod } from '../eval/line.js';

export const law06: EmployeeRule = {
  id: 'LAW-06',
  scope: 'employee',
  titleNb: 'Daglig arbeidsfri (døgnhvile)',
  titleEn: 'Daily rest',
  reference: (rs) => (rs.dailyRest.minHours < 11 ? `AML § 10-8 (1), (3) – ${rs.dailyRest.agreementRef}` : 'AML § 10-8 (1)'),
  unit: 'h',
  severity: () => 'hard',
  evaluate(ctx, emp, line, emit) {
    const minRest = ctx.rules.dailyRest.minHours;
    const items = line.items;
    for (let i = 1; i < items.length; i++) {
      const prev = items[i - 1];
      const next = items[i];
      if (!inPeriod(ctx, next.day)) continue;
      const gap = (next.start - prev.end) / 60;
      if (gap < minRest - 1e-9)
        emit({ rule: 'LAW-06', employee: emp.idx, day: prev.day, dayTo: next.day, measured: gap, limit: minRest, penalty: penalty(100, minRest - gap), detail: `${prev.shift}>${next.shift}` });
    }
  },
  message(v, ctx, lang) {
    const [a, b] = String(v.detail).split('>').map(Number);
    return tr(lang,
      `Bare ${h(v.measured, lang)} hvile mellom ${shiftCode(ctx, a)} ${d(ctx, v.day, lang)} og ${shiftCode(ctx, b)} ${d(ctx, v.dayTo, lang)} – minst ${h(v.limit, lang)}`,
      `Only ${h(v.measured, lang)} of rest between ${shiftCode(ctx, a)} ${d(ctx, v.day, lang)} and ${shiftCode(ctx, b)} ${d(ctx, v.dayTo, lang)} – at least ${h(v.limit, lang)}`);
  },
};
