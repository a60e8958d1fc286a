/**
 * LAW-07 – weekly rest (F1): ≥ 35 h continuous off in each 7 days; 28 h by agreement
 * (AML § 10-8 (2)(3)). Two modes (RULES.md § 5.2):
 * - calendarWeek (default): each calendar week (Mon 00:00 Europe/Oslo) has a free period of
 *   at least the minimum that lies at least 24 h inside the week (the F1 day may be flanked
 *   by free hours of the weeks around it);
 * - rolling: every 168 h window holds such a rest, i.e. between two qualifying rests there
 *   are at most 168 − 2 × minimum hours.
 * Weeks that reach outside a dated plan are not judged.
 */
import type { EmployeeRule } from './types.js';
import type { EvalContext } from '../eval/context.js';
import type { EmployeeLine } from '../eval/line.js';
import { freeIntervals, inPeriod } from '../eval/line.js';
import { h, d, penalty, tr } from './format.js';
import { overlap } from '../time/zone.js';

export interface WeeklyRestShortfall {
  day: number;
  dayTo: number;
  measured: number;
  limit: number;
}

export function weeklyRestShortfalls(ctx: EvalContext, line: EmployeeLine, minHours: number, mode: 'calendarWeek' | 'rolling'): WeeklyRestShortfall[] {
  const out: WeeklyRestShortfall[] = [];
  const free = freeIntervals(line.items);
  const minMin = minHours * 60;
  if (mode === 'calendarWeek') {
    const firstMonday = -ctx.days[0].weekday;
    let k0 = 0;
    for (let m = firstMonday; m < ctx.D; m += 7) {
      if (!ctx.cyclic && (m < 0 || m + 6 >= ctx.D)) continue;
      const ws = ctx.dayStart(m);
      const we = ctx.dayStart(m + 7);
      let best = 0;
      let ok = false;
      while (k0 < free.length && free[k0][1] <= ws) k0++;
      for (let k = k0; k < free.length; k++) {
        const [a, b] = free[k];
        if (a >= we) break;
        const len = b - a;
        if (len >= minMin && overlap(a, b, ws, we) >= 24 * 60) ok = true;
        // Open-ended free time (before the first or after the last shift) is shown clipped to the week.
        const shown = Number.isFinite(len) ? len : Math.min(b, we) - Math.max(a, ws);
        if (shown > best) best = shown;
      }
      if (!ok) out.push({ day: Math.max(0, m), dayTo: Math.min(ctx.D - 1, m + 6), measured: best / 60, limit: minHours });
    }
    return out;
  }
  const maxStretch = 168 * 60 - 2 * minMin;
  const qualifying = free.filter(([a, b]) => b - a >= minMin);
  for (let i = 0; i + 1 < qualifying.length; i++) {
    const stretch = qualifying[i + 1][0] - qualifying[i][1];
    if (stretch <= maxStretch) continue;
    const first = line.items.find((it) => it.start >= qualifying[i][1]);
    const last = [...line.items].reverse().find((it) => it.end <= qualifying[i + 1][0]);
    if (!first || !last || !inPeriod(ctx, first.day)) continue;
    out.push({ day: first.day, dayTo: last.day, measured: stretch / 60, limit: maxStretch / 60 });
  }
  return out;
}

export const law07: EmployeeRule = {
  id: 'LAW-07',
  scope: 'employee',
  titleNb: 'Ukentlig arbeidsfri (F1)',
  titleEn: 'Weekly rest (F1)',
  reference: (rs) => (rs.weeklyRest.minHours < 35 ? `AML § 10-8 (2), (3) – ${rs.weeklyRest.agreementRef}` : 'AML § 10-8 (2)'),
  unit: 'h',
  severity: () => 'hard',
  evaluate(ctx, emp, line, emit) {
    const { minHours, mode } = ctx.rules.weeklyRest;
    for (const s of weeklyRestShortfalls(ctx, line, minHours, mode)) {
      const excess = mode === 'rolling' ? s.measured - s.limit : s.limit - s.measured;
      emit({ rule: 'LAW-07', employee: emp.idx, day: s.day, dayTo: s.dayTo, measured: s.measured, limit: s.limit, penalty: penalty(100, excess / 4), detail: mode });
    }
  },
  message(v, ctx, lang) {
    if (v.detail === 'rolling')
      return tr(lang,
        `${h(v.measured, lang)} uten ${h(ctx.rules.weeklyRest.minHours, lang)} sammenhengende fri (${d(ctx, v.day, lang)}–${d(ctx, v.dayTo, lang)}) – høyst ${h(v.limit, lang)} mellom ukehviler`,
        `${h(v.measured, lang)} without ${h(ctx.rules.weeklyRest.minHours, lang)} of continuous rest (${d(ctx, v.day, lang)}–${d(ctx, v.dayTo, lang)}) – at most ${h(v.limit, lang)} between weekly rests`);
    return tr(lang,
      `Uken ${d(ctx, v.day, lang)}–${d(ctx, v.dayTo, lang)} har ingen sammenhengende fri på ${h(v.limit, lang)} (lengste fri: ${h(v.measured, lang)})`,
      `The week ${d(ctx, v.day, lang)}–${d(ctx, v.dayTo, lang)} has no continuous rest of ${h(v.limit, lang)} (longest: ${h(v.measured, lang)})`);
  },
};
