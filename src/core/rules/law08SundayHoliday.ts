/**
 * LAW-08 – Sunday/holiday work: after working a Sunday/holiday, the next one is free (main
 * rule); by written agreement on average every other one free over ≤ 26 weeks, with a free
 * Sunday/holiday at least every 4th week (AML § 10-8 (4), § 10-10). Red days are counted one
 * unit at a time (RULES.md § 2.3); any work inside a unit's zone counts (tolerance 0 min).
 */
import type { EmployeeRule } from './types.js';
import type { EvalContext } from '../eval/context.js';
import type { EmployeeLine } from '../eval/line.js';
import { d, penalty, tr, num } from './format.js';

/** Worked flag per red-day unit index of ctx.units. */
export function workedUnits(ctx: EvalContext, line: EmployeeLine): Uint8Array {
  const tol = ctx.rules.sundayRule.toleranceMinutes;
  const worked = new Uint8Array(ctx.units.length);
  const minute = new Float64Array(ctx.units.length);
  for (const it of line.items) for (const [ui, m] of it.units) minute[ui] += m;
  for (let i = 0; i < worked.length; i++) if (minute[i] > tol) worked[i] = 1;
  return worked;
}

export const law08: EmployeeRule = {
  id: 'LAW-08',
  scope: 'employee',
  titleNb: 'Søn- og helgedagsarbeid',
  titleEn: 'Sunday and holiday work',
  reference: (rs) => (rs.sundayRule.mode === 'averaging' ? 'AML § 10-8 (4) andre punktum, § 10-10' : 'AML § 10-8 (4), § 10-10'),
  unit: 'count',
  severity: () => 'hard',
  evaluate(ctx, emp, line, emit) {
    const worked = workedUnits(ctx, line);
    const [u0, u1] = ctx.unitsInPeriod;
    const dayOf = (ui: number) => ctx.unitDay[ui];
    if (ctx.rules.sundayRule.mode === 'mainRule') {
      // In a rolling rota the unit before the first is the period's last one.
      const lo = ctx.cyclic ? u0 : u0 + 1;
      for (let ui = lo; ui < u1; ui++) {
        const prev = ui === u0 ? u1 - 1 : ui - 1;
        if (prev < u0 || prev === ui) continue;
        if (worked[ui] && worked[prev])
          emit({ rule: 'LAW-08', employee: emp.idx, day: dayOf(prev), dayTo: dayOf(ui), days: [dayOf(prev), dayOf(ui)], measured: 2, limit: 1, penalty: penalty(100, 0), detail: 'main' });
      }
      return;
    }
    // Averaging: each window of W weeks from the period start.
    const W = ctx.rules.sundayRule.averagingWeeks * 7;
    for (let w0 = 0; w0 < ctx.D; w0 += W) {
      let n = 0;
      let free = 0;
      for (let ui = u0; ui < u1; ui++) {
        const day = dayOf(ui);
        if (day < w0 || day >= w0 + W) continue;
        n++;
        if (!worked[ui]) free++;
      }
      const need = Math.ceil(n / 2);
      if (free < need)
        emit({ rule: 'LAW-08', employee: emp.idx, day: w0, dayTo: Math.min(ctx.D - 1, w0 + W - 1), measured: free, limit: need, penalty: penalty(100, need - free), detail: 'avg' });
    }
    // A free Sunday/holiday at least every 4th week.
    for (let s = 0; s + 28 <= ctx.D; s += 7) {
      let anyFree = false;
      for (let ui = u0; ui < u1 && !anyFree; ui++) {
        const day = dayOf(ui);
        if (day >= s && day < s + 28 && !worked[ui]) anyFree = true;
      }
      if (!anyFree) {
        emit({ rule: 'LAW-08', employee: emp.idx, day: s, dayTo: s + 27, measured: 0, limit: 1, penalty: penalty(100, 0), detail: 'every4' });
        s += 21;
      }
    }
  },
  message(v, ctx, lang) {
    if (v.detail === 'main')
      return tr(lang,
        `Arbeid både ${d(ctx, v.day, lang)} og neste søn-/helgedag ${d(ctx, v.dayTo, lang)} – etter arbeid på en søn- eller helgedag skal neste være fri`,
        `Work on ${d(ctx, v.day, lang)} and on the next Sunday/holiday ${d(ctx, v.dayTo, lang)} – after working a Sunday or holiday the next one must be free`);
    if (v.detail === 'avg')
      return tr(lang,
        `Bare ${num(v.measured, lang, 0)} frie søn-/helgedager ${d(ctx, v.day, lang)}–${d(ctx, v.dayTo, lang)} – minst ${num(v.limit, lang, 0)} (i snitt annenhver fri)`,
        `Only ${v.measured} free Sundays/holidays ${d(ctx, v.day, lang)}–${d(ctx, v.dayTo, lang)} – at least ${v.limit} (every other free on average)`);
    return tr(lang,
      `Ingen fri søn-/helgedag i fireukersperioden ${d(ctx, v.day, lang)}–${d(ctx, v.dayTo, lang)}`,
      `No free Sunday/holiday in the four weeks ${d(ctx, v.day, lang)}–${d(ctx, v.dayTo, lang)}`);
  },
};
