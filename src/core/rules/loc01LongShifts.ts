/**
 * LOC-01 – long shifts up to 12.5 h by local agreement (AML § 10-5 (2)): a shift over 9 h
 * needs an averaging agreement, over 10 h one with the union representatives; the employee
 * must have agreed to long shifts (voluntary, NSF); and no more long shifts in a row than the
 * local agreement allows.
 */
import type { EmployeeRule } from './types.js';
import { inPeriod } from '../eval/line.js';
import { d, h, num, penalty, shiftCode, tr } from './format.js';

const LONG_MIN = 9 * 60;

export const loc01: EmployeeRule = {
  id: 'LOC-01',
  scope: 'employee',
  titleNb: 'Langvakter (lokal avtale)',
  titleEn: 'Long shifts (local agreement)',
  reference: 'AML § 10-5 (2); lokal avtale',
  unit: 'h',
  severity: () => 'hard',
  evaluate(ctx, emp, line, emit) {
    const tier = ctx.rules.averaging.tier;
    // Without any averaging agreement LAW-01 already flags work over 9 h per 24 h.
    const tierMax = tier === 'individual' ? 10 : Infinity;
    let run = 0;
    let runStart = -1;
    let prevDay = -1000;
    const maxInRow = ctx.rules.longShifts.maxInRow;
    for (const it of line.items) {
      const len = it.workMin;
      const cat = ctx.shiftTypes[it.shift].category;
      // Night shifts over 9 h need the averaging agreement too, but are not "langvakter".
      const isLong = cat === 'long' || (cat !== 'night' && len > LONG_MIN);
      if (len > LONG_MIN && inPeriod(ctx, it.day) && len / 60 > tierMax + 1e-9)
        emit({ rule: 'LOC-01', employee: emp.idx, day: it.day, dayTo: it.day, measured: len / 60, limit: tierMax, penalty: penalty(100, len / 60 - tierMax), detail: `tier:${it.shift}` });
      if (isLong && it.day === prevDay + 1) run++;
      else if (isLong) {
        run = 1;
        runStart = it.day;
      } else run = 0;
      prevDay = it.day;
      if (!isLong || !inPeriod(ctx, it.day)) continue;
      if (!emp.canWorkLongShifts)
        emit({ rule: 'LOC-01', employee: emp.idx, day: it.day, dayTo: it.day, measured: len / 60, limit: 9, penalty: penalty(100, 0), detail: `voluntary:${it.shift}` });
      if (run === maxInRow + 1)
        emit({ rule: 'LOC-01', employee: emp.idx, day: runStart, dayTo: it.day, measured: run, limit: maxInRow, penalty: penalty(50, 0), detail: 'row' });
    }
  },
  message(v, ctx, lang) {
    const [kind, s] = String(v.detail).split(':');
    if (kind === 'tier')
      return tr(lang,
        `Vakt ${shiftCode(ctx, Number(s))} ${d(ctx, v.day, lang)} er ${h(v.measured, lang)} – over ${h(v.limit, lang)} krever avtale om gjennomsnittsberegning med tillitsvalgte`,
        `Shift ${shiftCode(ctx, Number(s))} on ${d(ctx, v.day, lang)} is ${h(v.measured, lang)} – above ${h(v.limit, lang)} requires an averaging agreement with union representatives`);
    if (kind === 'voluntary')
      return tr(lang,
        `Langvakt ${shiftCode(ctx, Number(s))} ${d(ctx, v.day, lang)} til en som ikke har sagt ja til langvakter (frivillig)`,
        `Long shift ${shiftCode(ctx, Number(s))} on ${d(ctx, v.day, lang)} for an employee who has not agreed to long shifts (voluntary)`);
    return tr(lang,
      `${num(v.measured, lang, 0)} langvakter på rad ${d(ctx, v.day, lang)}–${d(ctx, v.dayTo, lang)} – lokal avtale tillater ${num(v.limit, lang, 0)}`,
      `${v.measured} long shifts in a row ${d(ctx, v.day, lang)}–${d(ctx, v.dayTo, lang)} – the local agreement allows ${v.limit}`);
  },
};
