/**
 * LOC-02 – shifts above 12.5 h: only with an agreement with a union that has innstillingsrett
 * (AML § 10-12 (4); NSF approves centrally), and never above the length it approved.
 */
import type { EmployeeRule } from './types.js';
import { inPeriod } from '../eval/line.js';
import { d, h, penalty, shiftCode, tr } from './format.js';

export const loc02: EmployeeRule = {
  id: 'LOC-02',
  scope: 'employee',
  titleNb: 'Langvakter over 12,5 timer (sentral avtale)',
  titleEn: 'Long shifts above 12.5 hours (central agreement)',
  reference: (rs) => (rs.averaging.centralAgreementRef ? `AML § 10-12 (4) – ${rs.averaging.centralAgreementRef}` : 'AML § 10-12 (4)'),
  unit: 'h',
  severity: () => 'hard',
  evaluate(ctx, emp, line, emit) {
    const rs = ctx.rules;
    const local = rs.longShifts.localMaxHours;
    const central = rs.averaging.tier === 'central' && rs.averaging.centralAgreementRef ? rs.averaging.centralMaxShiftHours : null;
    const limit = central ?? local;
    for (const it of line.items) {
      if (!inPeriod(ctx, it.day)) continue;
      const len = it.workMin / 60;
      if (len > limit + 1e-9)
        emit({ rule: 'LOC-02', employee: emp.idx, day: it.day, dayTo: it.day, measured: len, limit, penalty: penalty(100, len - limit), detail: `${central === null ? 'local' : 'central'}:${it.shift}` });
    }
  },
  message(v, ctx, lang) {
    const [kind, s] = String(v.detail).split(':');
    if (kind === 'local')
      return tr(lang,
        `Vakt ${shiftCode(ctx, Number(s))} ${d(ctx, v.day, lang)} er ${h(v.measured, lang)} – over ${h(v.limit, lang)} krever sentral avtale med fagforening med innstillingsrett`,
        `Shift ${shiftCode(ctx, Number(s))} on ${d(ctx, v.day, lang)} is ${h(v.measured, lang)} – above ${h(v.limit, lang)} requires a central agreement with a union with innstillingsrett`);
    return tr(lang,
      `Vakt ${shiftCode(ctx, Number(s))} ${d(ctx, v.day, lang)} er ${h(v.measured, lang)} – den sentrale avtalen godkjenner høyst ${h(v.limit, lang)}`,
      `Shift ${shiftCode(ctx, Number(s))} on ${d(ctx, v.day, lang)} is ${h(v.measured, lang)} – the central agreement approves at most ${h(v.limit, lang)}`);
  },
};
