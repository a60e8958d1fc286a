/**
 * LAW-14 – employees under 18 (AML §§ 11-3, 11-5): at most 9 h a day (not in compulsory
 * school), 30 min break when working more than 4.5 h, no work between 23:00 and 06:00 (from
 * 15 years; under 15 not after 20:00), at least 12 h daily rest (14 h under 15), at least 48 h
 * weekly rest.
 */
import type { EmployeeRule } from './types.js';
import { inPeriod } from '../eval/line.js';
import { ageOn } from '../time/localDate.js';
import { d, dateOfDay, h, penalty, tr } from './format.js';
import { localInstant, overlap } from '../time/zone.js';
import { weeklyRestShortfalls } from './law07WeeklyRest.js';

export const law14: EmployeeRule = {
  id: 'LAW-14',
  scope: 'employee',
  titleNb: 'Arbeidstakere under 18 år',
  titleEn: 'Employees under 18',
  reference: 'AML §§ 11-3, 11-5',
  unit: 'h',
  severity: () => 'hard',
  evaluate(ctx, emp, line, emit) {
    if (!emp.birthDate || (emp.ageAtStart ?? 99) >= 18) return;
    const items = line.items;
    let minor = false;
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      if (!inPeriod(ctx, it.day)) continue;
      const age = ageOn(emp.birthDate, dateOfDay(ctx, it.day));
      if (age >= 18) continue;
      minor = true;
      const work = it.workMin / 60;
      if (work > 9 + 1e-9) emit({ rule: 'LAW-14', employee: emp.idx, day: it.day, dayTo: it.day, measured: work, limit: 9, penalty: penalty(100, work - 9), detail: 'day' });
      const st = ctx.shiftTypes[it.shift];
      if (it.end - it.start > 4.5 * 60 && st.breakMin < 30)
        emit({ rule: 'LAW-14', employee: emp.idx, day: it.day, dayTo: it.day, measured: st.breakMin / 60, limit: 0.5, penalty: penalty(50, 0), detail: 'break' });
      const date = dateOfDay(ctx, it.day);
      const nightFrom = age < 15 ? 20 * 60 : 23 * 60;
      const nightMin = overlap(it.start, it.end, localInstant(date, nightFrom), localInstant(date, 24 * 60 + 6 * 60)) +
        overlap(it.start, it.end, localInstant(date, 0), localInstant(date, 6 * 60));
      if (nightMin > 0) emit({ rule: 'LAW-14', employee: emp.idx, day: it.day, dayTo: it.day, measured: nightMin / 60, limit: 0, penalty: penalty(100, nightMin / 60), detail: age < 15 ? 'night15' : 'night' });
      const next = items[i + 1];
      const minRest = age < 15 ? 14 : 12;
      if (next) {
        const gap = (next.start - it.end) / 60;
        if (gap < minRest - 1e-9) emit({ rule: 'LAW-14', employee: emp.idx, day: it.day, dayTo: next.day, measured: gap, limit: minRest, penalty: penalty(100, minRest - gap), detail: 'rest' });
      }
    }
    if (!minor) return;
    for (const s of weeklyRestShortfalls(ctx, line, 48, 'calendarWeek'))
      emit({ rule: 'LAW-14', employee: emp.idx, day: s.day, dayTo: s.dayTo, measured: s.measured, limit: 48, penalty: penalty(100, (48 - s.measured) / 4), detail: 'week' });
  },
  message(v, ctx, lang) {
    const a = d(ctx, v.day, lang);
    switch (v.detail) {
      case 'day':
        return tr(lang, `${h(v.measured, lang)} arbeid ${a} for arbeidstaker under 18 – høyst ${h(v.limit, lang)}`, `${h(v.measured, lang)} of work on ${a} for an employee under 18 – at most ${h(v.limit, lang)}`);
      case 'break':
        return tr(lang, `Vakt ${a} over 4,5 t uten 30 min pause for arbeidstaker under 18`, `Shift on ${a} over 4.5 h without a 30 min break for an employee under 18`);
      case 'night':
        return tr(lang, `Arbeid mellom 23 og 06 ${a} for arbeidstaker under 18 (${h(v.measured, lang)})`, `Work between 23:00 and 06:00 on ${a} for an employee under 18 (${h(v.measured, lang)})`);
      case 'night15':
        return tr(lang, `Arbeid mellom 20 og 06 ${a} for arbeidstaker under 15 (${h(v.measured, lang)})`, `Work between 20:00 and 06:00 on ${a} for an employee under 15 (${h(v.measured, lang)})`);
      case 'rest':
        return tr(lang, `Bare ${h(v.measured, lang)} hvile etter vakt ${a} for arbeidstaker under 18 – minst ${h(v.limit, lang)}`, `Only ${h(v.measured, lang)} of rest after the shift on ${a} for an employee under 18 – at least ${h(v.limit, lang)}`);
      default:
        return tr(lang, `Uken fra ${a} har ikke 48 t sammenhengende fri for arbeidstaker under 18 (lengste: ${h(v.measured, lang)})`, `The week from ${a} has no 48 h of continuous rest for an employee under 18 (longest: ${h(v.measured, lang)})`);
    }
  },
};
