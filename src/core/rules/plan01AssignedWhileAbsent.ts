/** PLAN-01 – a shift given to someone who is on vacation, leave or sick leave that day. */
import type { EmployeeRule } from './types.js';
import { inPeriod } from '../eval/line.js';
import { d, shiftCode, tr } from './format.js';
import { ABSENCE_KINDS } from '../model/primitives.js';

const NB: Record<string, string> = {
  vacation: 'ferie',
  parental_leave: 'foreldrepermisjon',
  self_certified: 'egenmelding',
  doctor_certified: 'sykmelding',
  sick_child: 'sykt barn',
  leave: 'permisjon',
  course: 'kurs',
};

export const plan01: EmployeeRule = {
  id: 'PLAN-01',
  scope: 'employee',
  titleNb: 'Vakt i fravær',
  titleEn: 'Shift during absence',
  reference: 'Registrert fravær (ferieloven, folketrygdloven kap. 8)',
  unit: 'count',
  severity: () => 'hard',
  evaluate(ctx, emp, line, emit) {
    const abs = ctx.absence[emp.idx];
    for (const it of line.items) {
      if (!inPeriod(ctx, it.day) || abs[it.day] === 0) continue;
      emit({ rule: 'PLAN-01', employee: emp.idx, day: it.day, dayTo: it.day, measured: 1, limit: 0, penalty: 500, detail: `${it.shift}:${abs[it.day] - 1}` });
    }
  },
  message(v, ctx, lang) {
    const [s, k] = String(v.detail).split(':').map(Number);
    const kind = ABSENCE_KINDS[k];
    return tr(lang,
      `Vakt ${shiftCode(ctx, s)} ${d(ctx, v.day, lang)} under registrert fravær (${NB[kind] ?? kind})`,
      `Shift ${shiftCode(ctx, s)} on ${d(ctx, v.day, lang)} during registered absence (${kind.replace('_', ' ')})`);
  },
};
