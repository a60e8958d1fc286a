/**
 * LAW-02 – averaging agreement tiers (AML § 10-5): hours per 24 h across several shifts,
 * the single-week cap (50 h individual / 54 h with tillitsvalgte) and 48 h per week on
 * average over 8 weeks. Single shifts longer than allowed are LOC-01/LOC-02's business.
 */
import type { EmployeeRule } from './types.js';
import { h, d, penalty, tr } from './format.js';
import { inPeriod, weekWork, workIn } from '../eval/line.js';
import { tierDailyMaxHours, tierSource, tierWeekMaxHours } from '../model/ruleSet.js';

export const law02: EmployeeRule = {
  id: 'LAW-02',
  scope: 'employee',
  titleNb: 'Gjennomsnittsberegning: grenser per døgn og uke',
  titleEn: 'Averaging agreement: limits per day and week',
  reference: (rs) => tierSource(rs),
  unit: 'h',
  severity: () => 'hard',
  enabled: (rs) => rs.averaging.tier !== 'none',
  evaluate(ctx, emp, line, emit) {
    const dailyMax = tierDailyMaxHours(ctx.rules);
    const weekMax = tierWeekMaxHours(ctx.rules);
    const items = line.items;
    // (1) several shifts within 24 h adding up to more than the tier allows.
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      if (!inPeriod(ctx, it.day)) continue;
      const next = items[i + 1];
      if (!next || next.start >= it.start + 24 * 60) continue;
      const sum = workIn(items, it.start, it.start + 24 * 60) / 60;
      // Above the absolute total cap it is LAW-03's violation, not a second one here.
      if (sum > dailyMax + 1e-9 && sum <= ctx.rules.totalTime.maxHoursPer24 + 1e-9)
        emit({ rule: 'LAW-02', employee: emp.idx, day: it.day, dayTo: next.day, measured: sum, limit: dailyMax, penalty: penalty(100, sum - dailyMax), detail: 'day' });
    }
    // (2) each calendar week (Monday 00:00 Europe/Oslo) wholly or partly in the period.
    const firstMonday = -ctx.days[0].weekday;
    const weeks = Array.from(weekWork(ctx, line), (m) => m / 60);
    weeks.forEach((wk, k) => {
      const m = firstMonday + 7 * k;
      if (wk > weekMax + 1e-9)
        emit({ rule: 'LAW-02', employee: emp.idx, day: Math.max(0, m), dayTo: Math.min(ctx.D - 1, m + 6), measured: wk, limit: weekMax, penalty: penalty(100, wk - weekMax), detail: 'week' });
    });
    // (3) 48 h per week on average over 8 weeks (over the whole plan when shorter).
    const span = Math.min(8, weeks.length);
    for (let w = 0; w + span <= weeks.length; w++) {
      let sum = 0;
      for (let k = w; k < w + span; k++) sum += weeks[k];
      const avg = sum / span;
      if (avg > 48 + 1e-9) {
        emit({ rule: 'LAW-02', employee: emp.idx, day: Math.max(0, firstMonday + 7 * w), dayTo: Math.min(ctx.D - 1, firstMonday + 7 * (w + span) - 1), measured: avg, limit: 48, penalty: penalty(50, avg - 48), detail: 'avg8' });
        break;
      }
    }
  },
  message(v, ctx, lang) {
    if (v.detail === 'day')
      return tr(lang,
        `${h(v.measured, lang)} arbeid innen 24 timer (${d(ctx, v.day, lang)}–${d(ctx, v.dayTo, lang)}) – gjennomsnittsavtalen tillater høyst ${h(v.limit, lang)}`,
        `${h(v.measured, lang)} of work within 24 hours (${d(ctx, v.day, lang)}–${d(ctx, v.dayTo, lang)}) – the averaging agreement allows at most ${h(v.limit, lang)}`);
    if (v.detail === 'week')
      return tr(lang,
        `${h(v.measured, lang)} i uken ${d(ctx, v.day, lang)}–${d(ctx, v.dayTo, lang)} – aldri over ${h(v.limit, lang)} i en enkelt uke`,
        `${h(v.measured, lang)} in the week ${d(ctx, v.day, lang)}–${d(ctx, v.dayTo, lang)} – never above ${h(v.limit, lang)} in a single week`);
    return tr(lang,
      `Snitt ${h(v.measured, lang)} per uke over 8 uker (${d(ctx, v.day, lang)}–${d(ctx, v.dayTo, lang)}) – høyst ${h(v.limit, lang)}`,
      `Average ${h(v.measured, lang)} per week over 8 weeks (${d(ctx, v.day, lang)}–${d(ctx, v.dayTo, lang)}) – at most ${h(v.limit, lang)}`);
  },
};
