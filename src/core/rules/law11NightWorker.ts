/**
 * LAW-11 – night workers (regularly > 3 h in the night window): normal working time on
 * average ≤ 8 h per 24 h over 4 weeks, the weekly rest periods excluded from the base,
 * i.e. ≤ 8 × (28 × 24 − 4 × 35) / 24 ≈ 177.3 h in any 28 days; with the risk clause a hard
 * 8 h in every 24 h (AML § 10-11 (6)–(7)).
 */
import type { EmployeeRule } from './types.js';
import { dayWork, inPeriod, workIn } from '../eval/line.js';
import { d, h, penalty, tr } from './format.js';

export const NIGHT_WORKER_28D_MAX_H = (8 * (28 * 24 - 4 * 35)) / 24;

export const law11: EmployeeRule = {
  id: 'LAW-11',
  scope: 'employee',
  titleNb: 'Nattarbeidere: snitt 8 timer per døgn',
  titleEn: 'Night workers: 8 hours per 24 on average',
  reference: (rs) => (rs.night.riskClause ? 'AML § 10-11 (7)' : 'AML § 10-11 (6)'),
  unit: 'h',
  severity: () => 'hard',
  evaluate(ctx, emp, line, emit) {
    let count = 0;
    let nightShifts = 0;
    for (const it of line.items) {
      if (!inPeriod(ctx, it.day)) continue;
      count++;
      if (it.nightMin > 180) nightShifts++;
    }
    if (count === 0 || nightShifts * 2 < count) return; // not a night worker in this plan
    const inP = line.items.filter((it) => inPeriod(ctx, it.day));
    if (ctx.rules.night.riskClause) {
      for (const it of inP) {
        const sum = workIn(line.items, it.start, it.start + 24 * 60) / 60;
        if (it.nightMin > 0 && sum > 8 + 1e-9)
          emit({ rule: 'LAW-11', employee: emp.idx, day: it.day, dayTo: it.day, measured: sum, limit: 8, penalty: penalty(100, sum - 8), detail: 'risk' });
      }
      return;
    }
    const limit = NIGHT_WORKER_28D_MAX_H;
    const span = Math.min(28, ctx.D);
    const scale = span / 28;
    const days = dayWork(ctx, line);
    for (let s = 0; s + span <= ctx.D; s += 7) {
      let sumMin = 0;
      for (let x = s; x < s + span; x++) sumMin += days[x];
      const sum = sumMin / 60;
      if (sum > limit * scale + 1e-9) {
        emit({ rule: 'LAW-11', employee: emp.idx, day: s, dayTo: s + span - 1, measured: sum, limit: limit * scale, penalty: penalty(100, sum - limit * scale), detail: 'avg' });
        break;
      }
    }
  },
  message(v, ctx, lang) {
    if (v.detail === 'risk')
      return tr(lang,
        `${h(v.measured, lang)} innen 24 timer fra ${d(ctx, v.day, lang)} for nattarbeider med særlig risiko – høyst ${h(v.limit, lang)}`,
        `${h(v.measured, lang)} within 24 hours from ${d(ctx, v.day, lang)} for a night worker with special risk – at most ${h(v.limit, lang)}`);
    return tr(lang,
      `${h(v.measured, lang)} på 4 uker (${d(ctx, v.day, lang)}–${d(ctx, v.dayTo, lang)}) for nattarbeider – høyst ${h(v.limit, lang)} (snitt 8 t per døgn)`,
      `${h(v.measured, lang)} in 4 weeks (${d(ctx, v.day, lang)}–${d(ctx, v.dayTo, lang)}) for a night worker – at most ${h(v.limit, lang)} (8 h per 24 on average)`);
  },
};
