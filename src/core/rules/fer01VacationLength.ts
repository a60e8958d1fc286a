/**
 * FER-01 – vacation length: 25 working days by law + 5 by the tariff = 30 (Mon–Sat; Sundays
 * and public holidays are not counted), + 6 from the year one turns 60 (ferieloven § 5).
 * In a plan covering a whole year, all of it must be placed; in any plan, no more than that.
 */
import type { EmployeeRule } from './types.js';
import type { EvalContext } from '../eval/context.js';
import { num, penalty, tr } from './format.js';
import { ABSENCE_KINDS } from '../model/primitives.js';

const VACATION = ABSENCE_KINDS.indexOf('vacation') + 1;

/** Vacation working days (Mon–Sat, not public holidays) for employee e in the period. */
export function vacationDays(ctx: EvalContext, e: number): number[] {
  const out: number[] = [];
  for (const day of ctx.days) if (ctx.absence[e][day.index] === VACATION && day.weekday < 6 && day.holidayName === undefined) out.push(day.index);
  return out;
}

export function entitlement(ctx: EvalContext, e: number): number {
  const emp = ctx.employees[e];
  const base = ctx.rules.vacation.days;
  if (!emp.birthDate) return base;
  const year = Number(ctx.plan.end.slice(0, 4));
  const turns60 = Number(emp.birthDate.slice(0, 4)) + 60 <= year;
  return base + (turns60 ? ctx.rules.vacation.over60Extra : 0);
}

export const fer01: EmployeeRule = {
  id: 'FER-01',
  scope: 'employee',
  titleNb: 'Ferielengde',
  titleEn: 'Vacation length',
  reference: 'Ferieloven § 5; HTA (avtalefestet ferie)',
  unit: 'days',
  severity: () => 'hard',
  evaluate(ctx, emp, _line, emit) {
    const days = vacationDays(ctx, emp.idx);
    const ent = entitlement(ctx, emp.idx);
    const wholeYear = ctx.D >= 364 && !ctx.cyclic;
    if (days.length > ent)
      emit({ rule: 'FER-01', employee: emp.idx, day: days[0], dayTo: days[days.length - 1], measured: days.length, limit: ent, penalty: penalty(20, days.length - ent), detail: 'over' });
    else if (wholeYear && days.length < ent)
      emit({ rule: 'FER-01', employee: emp.idx, day: 0, dayTo: ctx.D - 1, measured: days.length, limit: ent, penalty: penalty(50, ent - days.length), detail: 'under' });
  },
  message(v, _ctx, lang) {
    if (v.detail === 'over')
      return tr(lang,
        `${num(v.measured, lang, 0)} feriedager (virkedager) planlagt – retten er ${num(v.limit, lang, 0)}`,
        `${v.measured} vacation days (working days) planned – the entitlement is ${v.limit}`);
    return tr(lang,
      `Bare ${num(v.measured, lang, 0)} av ${num(v.limit, lang, 0)} feriedager (virkedager) er lagt inn i årsplanen`,
      `Only ${v.measured} of ${v.limit} vacation days (working days) are placed in the annual plan`);
  },
};
