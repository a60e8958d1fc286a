/**
 * LAW-10 – night work (21:00–06:00 unless the tariff parties agreed another window): an
 * employee exempted from night work (AML § 10-11 (8), or who has not agreed to nights) must
 * not be given night shifts. A shift is night work here when more than 3 h lie in the window.
 */
import type { EmployeeRule } from './types.js';
import { inPeriod } from '../eval/line.js';
import { d, h, penalty, shiftCode, tr } from './format.js';

export const law10: EmployeeRule = {
  id: 'LAW-10',
  scope: 'employee',
  titleNb: 'Nattarbeid',
  titleEn: 'Night work',
  reference: 'AML § 10-11 (1), (8)',
  unit: 'h',
  severity: () => 'hard',
  evaluate(ctx, emp, line, emit) {
    if (emp.canWorkNights) return;
    for (const it of line.items) {
      if (!inPeriod(ctx, it.day) || it.nightMin <= 180) continue;
      emit({ rule: 'LAW-10', employee: emp.idx, day: it.day, dayTo: it.day, measured: it.nightMin / 60, limit: 3, penalty: penalty(100, 0), detail: it.shift });
    }
  },
  message(v, ctx, lang) {
    return tr(lang,
      `Nattvakt ${shiftCode(ctx, v.detail)} ${d(ctx, v.day, lang)} (${h(v.measured, lang)} i nattvinduet) til en som er fritatt fra nattarbeid`,
      `Night shift ${shiftCode(ctx, v.detail)} on ${d(ctx, v.day, lang)} (${h(v.measured, lang)} in the night window) for an employee exempt from night work`);
  },
};
