/**
 * TAR-04 – planned hours against the position over the period (RULES.md §§ 3.3, 4): the
 * weekly norm (37.5 / 35.5 / 33.6, or the 3-split weighting between) × position × weeks,
 * less absence credited at the average day and, in dated plans, weekday holidays under the
 * day-worker-equivalent model. Deviation beyond the tolerance (0.25 h per week) is flagged.
 */
import type { EmployeeRule } from './types.js';
import { h, num, penalty, tr } from './format.js';
import { requiredHours } from './weeklyNorm.js';

export const tar04: EmployeeRule = {
  id: 'TAR-04',
  scope: 'employee',
  titleNb: 'Timer mot stillingsprosent (ukenorm)',
  titleEn: 'Hours against position (weekly norm)',
  reference: 'HTA kap. 1 § 4.2; AML § 10-4',
  unit: 'h',
  severity: () => 'soft',
  evaluate(ctx, emp, line, emit) {
    const r = requiredHours(ctx, line);
    const tol = (ctx.rules.hours.toleranceHoursPerWeek * ctx.D) / 7;
    const diff = r.planned - r.required;
    if (Math.abs(diff) > tol + 1e-9)
      emit({ rule: 'TAR-04', employee: emp.idx, day: 0, dayTo: ctx.D - 1, measured: r.planned, limit: r.required, penalty: penalty(10, Math.abs(diff) - tol), detail: r.norm.norm });
  },
  message(v, ctx, lang) {
    const diff = v.measured - v.limit;
    const norm = Number(v.detail);
    return tr(lang,
      `Planlagt ${h(v.measured, lang)}, stillingen krever ${h(v.limit, lang)} (ukenorm ${num(norm, lang, 2)} t) – ${diff > 0 ? 'over' : 'under'} med ${h(Math.abs(diff), lang)}`,
      `Planned ${h(v.measured, lang)}, the position requires ${h(v.limit, lang)} (weekly norm ${norm} h) – ${diff > 0 ? 'over' : 'under'} by ${h(Math.abs(diff), lang)}`);
  },
};
