/**
 * FER-02 – main vacation: 18 working days (three weeks) in a row within 1 June – 30 September
 * can be demanded (ferieloven § 7 (1)). Checked when the plan covers that whole window;
 * Sundays and holidays inside the run do not break it. Soft unless the rule set makes it hard
 * (an employee may have wished otherwise).
 */
import type { EmployeeRule } from './types.js';
import { d, num, penalty, tr } from './format.js';
import { ABSENCE_KINDS } from '../model/primitives.js';

const VACATION = ABSENCE_KINDS.indexOf('vacation') + 1;

export const fer02: EmployeeRule = {
  id: 'FER-02',
  scope: 'employee',
  titleNb: 'Hovedferie 1. juni–30. september',
  titleEn: 'Main vacation 1 June–30 September',
  reference: 'Ferieloven § 7 (1)',
  unit: 'days',
  severity: (rs) => (rs.vacation.mainWeeksHard ? 'hard' : 'soft'),
  evaluate(ctx, emp, _line, emit) {
    for (const [a, b, y] of ctx.summerWindows) {
      let best = 0;
      let run = 0;
      for (let i = a; i <= b; i++) {
        const day = ctx.days[i];
        const countable = day.weekday < 6 && day.holidayName === undefined;
        if (ctx.absence[emp.idx][i] === VACATION) {
          if (countable) run++;
        } else if (countable) run = 0;
        if (run > best) best = run;
      }
      if (best < 18)
        emit({ rule: 'FER-02', employee: emp.idx, day: a, dayTo: b, measured: best, limit: 18, penalty: penalty(30, (18 - best) / 6), detail: y });
    }
  },
  message(v, ctx, lang) {
    return tr(lang,
      `Lengste sammenhengende ferie ${d(ctx, v.day, lang)}–${d(ctx, v.dayTo, lang)} er ${num(v.measured, lang, 0)} virkedager – hovedferien skal være ${num(v.limit, lang, 0)} (tre uker)`,
      `Longest continuous vacation ${d(ctx, v.day, lang)}–${d(ctx, v.dayTo, lang)} is ${v.measured} working days – the main vacation is ${v.limit} (three weeks)`);
  },
};
