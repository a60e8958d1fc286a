/**
 * PRA-11 – minimum staffing per shift and competence from the staffing plan (bemanningsplan),
 * e.g. at least one sykepleier on every shift. Employees who are absent that day do not
 * count. Severity set in the rule set (hard by default). Its penalty (1 per missing person)
 * is small next to a law violation's (≥ 100), so a search never buys staffing with a breach
 * of the law: law and agreements first, then minimum staffing.
 */
import type { DayRule } from './types.js';
import type { EvalContext } from '../eval/context.js';
import { d, num, shiftCode, tr } from './format.js';

export function countOnShift(ctx: EvalContext, day: number, onShift: number[], competence: string | null): number {
  let n = 0;
  for (const e of onShift) {
    if (ctx.absence[e][day] !== 0) continue;
    if (competence === null || ctx.employees[e].competences.includes(competence)) n++;
  }
  return n;
}

export const pra11: DayRule = {
  id: 'PRA-11',
  scope: 'day',
  titleNb: 'Minimumsbemanning og kompetanse',
  titleEn: 'Minimum staffing and competence',
  reference: 'Bemanningsplan; helsepersonelloven § 4 (forsvarlighet)',
  unit: 'count',
  severity: (rs) => rs.staffing.minSeverity,
  evaluate(ctx, day, onDay, emit) {
    for (const cell of ctx.demand[day]) {
      const n = countOnShift(ctx, day, onDay[cell.shift], cell.competence);
      if (n < cell.min)
        emit({ rule: 'PRA-11', employee: -1, day, dayTo: day, measured: n, limit: cell.min, penalty: cell.min - n, detail: `${cell.shift}:${cell.competence ?? ''}` });
    }
  },
  message(v, ctx, lang) {
    const [s, comp] = String(v.detail).split(':');
    const who = comp ? comp : tr(lang, 'ansatte', 'staff');
    return tr(lang,
      `${d(ctx, v.day, lang)} vakt ${shiftCode(ctx, Number(s))}: ${num(v.measured, lang, 0)} ${who}, minimum er ${num(v.limit, lang, 0)}`,
      `${d(ctx, v.day, lang)} shift ${shiftCode(ctx, Number(s))}: ${v.measured} ${who}, the minimum is ${v.limit}`);
  },
};
