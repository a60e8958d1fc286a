/** LAW-09 – breaks: at least one break when the working day exceeds 5.5 h, at least 30 min in all from 8 h (AML § 10-9 (1)). */
import type { EmployeeRule } from './types.js';
import { inPeriod } from '../eval/line.js';
import { num, penalty, shiftCode, tr } from './format.js';

export function requiredBreakMinutes(durationMin: number): number {
  if (durationMin >= 8 * 60) return 30;
  if (durationMin > 5.5 * 60) return 1;
  return 0;
}

export const law09: EmployeeRule = {
  id: 'LAW-09',
  scope: 'employee',
  titleNb: 'Pauser',
  titleEn: 'Breaks',
  reference: 'AML § 10-9 (1)',
  unit: 'min',
  severity: () => 'hard',
  evaluate(ctx, emp, line, emit) {
    const byShift = new Map<number, number[]>();
    for (const it of line.items) {
      if (!inPeriod(ctx, it.day)) continue;
      const st = ctx.shiftTypes[it.shift];
      const need = requiredBreakMinutes(it.end - it.start);
      if (st.breakMin >= need) continue;
      const list = byShift.get(it.shift) ?? [];
      list.push(it.day);
      byShift.set(it.shift, list);
    }
    for (const [s, days] of byShift) {
      const st = ctx.shiftTypes[s];
      const it = ctx.instance(days[0], s);
      const need = requiredBreakMinutes(it.end - it.start);
      emit({ rule: 'LAW-09', employee: emp.idx, day: days[0], dayTo: days[days.length - 1], days, measured: st.breakMin, limit: need, penalty: penalty(20 * days.length, 0), detail: s });
    }
  },
  message(v, ctx, lang) {
    const code = shiftCode(ctx, v.detail);
    const need = v.limit >= 30 ? tr(lang, 'minst 30 min pause', 'at least 30 min of breaks') : tr(lang, 'minst én pause', 'at least one break');
    return tr(lang,
      `Vakt ${code} har ${num(v.measured, lang, 0)} min pause – en vakt av denne lengden skal ha ${need} (${v.days?.length ?? 1} vakter)`,
      `Shift ${code} has ${v.measured} min of breaks – a shift of this length needs ${need} (${v.days?.length ?? 1} shifts)`);
  },
};
