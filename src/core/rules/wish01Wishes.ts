/**
 * WISH-01 – wishes from the wish form (ønskeskjema), fulfilled fairly. Each employee's
 * fulfilment share is Σ weight of wishes met / Σ weight of wishes. The penalty grows with the
 * square of the unmet share, so improving the worst-off person counts for more than improving
 * someone already well served (max–min fairness before the total). Soft.
 *
 * A wish is met when: want + shift → that shift that day; want + null → free that day;
 * avoid + shift → not that shift; avoid + null → not working that day.
 */
import type { EmployeeRule } from './types.js';
import type { EvalContext } from '../eval/context.js';
import { num, tr } from './format.js';

export function wishFulfilment(ctx: EvalContext, e: number, row: Int16Array): { met: number; total: number; unmetDays: number[] } {
  let met = 0;
  let total = 0;
  const unmetDays: number[] = [];
  for (const w of ctx.wishes[e]) {
    const s = row[w.day];
    const ok = w.want ? (w.shift === -1 ? s === -1 : s === w.shift) : w.shift === -1 ? s === -1 : s !== w.shift;
    total += w.weight;
    if (ok) met += w.weight;
    else unmetDays.push(w.day);
  }
  return { met, total, unmetDays };
}

export const wish01: EmployeeRule = {
  id: 'WISH-01',
  scope: 'employee',
  titleNb: 'Ønsker (rettferdig oppfylt)',
  titleEn: 'Wishes (fairly met)',
  reference: 'Ønskeskjema; AML § 10-2 (2) (fleksibel arbeidstid)',
  unit: 'percent',
  severity: () => 'soft',
  evaluate(ctx, emp, line, emit) {
    if (ctx.wishes[emp.idx].length === 0) return;
    const f = wishFulfilment(ctx, emp.idx, line.row);
    if (f.total === 0 || f.met === f.total) return;
    const unmet = 1 - f.met / f.total;
    emit({ rule: 'WISH-01', employee: emp.idx, day: f.unmetDays[0], dayTo: f.unmetDays[f.unmetDays.length - 1], days: f.unmetDays, measured: (100 * f.met) / f.total, limit: 100, penalty: Math.round((10 * (f.total - f.met) + 100 * unmet * unmet) * 100) / 100 });
  },
  message(v, _ctx, lang) {
    return tr(lang,
      `${num(v.measured, lang, 0)} % av ønskene oppfylt (${v.days?.length ?? 0} ikke oppfylt)`,
      `${Math.round(v.measured)} % of the wishes met (${v.days?.length ?? 0} not met)`);
  },
};
