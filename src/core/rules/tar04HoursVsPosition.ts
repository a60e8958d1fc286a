/**
 * TAR-04 – planned hours against the position over the period (RULES.md §§ 3.3, 4): the
 * weekly norm (37.5 / 35.5 / 33.6, or the 3-split weighting between) × position × weeks,
 * less absence credited at the average day and, in dated plans, weekday holidays under the
 * day-worker-equivalent model. Deviation beyond the tolerance (0.25 h per week) is flagged.
 *
 * Over the position by more than an hour a week over a year (52 h), the penalty grows faster
 * than the deviation (a square term): when the staffing plan needs more hours than the
 * positions hold (an annual rota's summer), the extra hours are shared out instead of landing
 * on a few people — 8 h moved from someone 360 h over to someone 60 h over is a gain, where a
 * linear penalty would not see it.
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
      emit({ rule: 'TAR-04', employee: emp.idx, day: 0, dayTo: ctx.D - 1, measured: r.planned, limit: r.required, penalty: tar04Penalty(Math.abs(diff) - tol, ctx.D / 7, diff > 0), detail: r.norm.norm });
  },
  message(v, ctx, lang) {
    const diff = v.measured - v.limit;
    const norm = Number(v.detail);
    return tr(lang,
      `Planlagt ${h(v.measured, lang)}, stillingen krever ${h(v.limit, lang)} (ukenorm ${num(norm, lang, 2)} t) – ${diff > 0 ? 'over' : 'under'} med ${h(Math.abs(diff), lang)}`,
      `Planned ${h(v.measured, lang)}, the position requires ${h(v.limit, lang)} (weekly norm ${norm} h) – ${diff > 0 ? 'over' : 'under'} by ${h(Math.abs(diff), lang)}`);
  },
};

/**
 * 10 × (1 + x) for x hours beyond the tolerance, plus 10 × y² / (4 × weeks) for the part y of
 * x beyond one more hour per week of the period, counted over at least a year (52 h): the
 * small deviations of a short plan keep the linear penalty, the large ones an annual rota can
 * build up grow faster. Only hours over the position: an empty line at the start of a search
 * is not pushed harder than the linear penalty already does.
 */
export function tar04Penalty(excess: number, weeks: number, over = true): number {
  const x = Math.max(0, excess);
  const w = Math.max(1, weeks);
  const y = over ? Math.max(0, x - Math.max(w, 52)) : 0;
  return Math.round((penalty(10, x) + (10 * y * y) / (4 * w)) * 100) / 100;
}
