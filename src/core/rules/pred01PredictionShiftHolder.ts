/**
 * PRED-01 – prediction shifts (prediksjonsvakter) go to part-timers who want a larger position
 * (FORECASTING.md § 3, "Fairness"): a prediction shift on someone who has not asked for a larger
 * position (desired position ≥ current) is a soft violation. The hours still count towards the
 * position like any other shift (TAR-04).
 */
import type { EmployeeRule } from './types.js';
import { inPeriod } from '../eval/line.js';
import { d, shiftCode, tr } from './format.js';

export const pred01: EmployeeRule = {
  id: 'PRED-01',
  scope: 'employee',
  titleNb: 'Prediksjonsvakt til den som ønsker større stilling',
  titleEn: 'Prediction shift to someone who wants a larger position',
  reference: 'Heltidsavtalen (KS–LO/Unio/YS/Akademikerne): større stillinger til deltidsansatte som ønsker det; HTA § 2.3',
  unit: 'count',
  severity: () => 'soft',
  evaluate(ctx, emp, line, emit) {
    if (emp.wantsLargerPosition) return;
    for (const it of line.items) {
      if (!inPeriod(ctx, it.day) || ctx.shiftTypes[it.shift].predictionFor < 0) continue;
      emit({ rule: 'PRED-01', employee: emp.idx, day: it.day, dayTo: it.day, measured: 1, limit: 0, penalty: 10, detail: it.shift });
    }
  },
  message(v, ctx, lang) {
    return tr(lang,
      `Prediksjonsvakt ${shiftCode(ctx, Number(v.detail))} ${d(ctx, v.day, lang)} til en som ikke har ønsket større stilling`,
      `Prediction shift ${shiftCode(ctx, Number(v.detail))} on ${d(ctx, v.day, lang)} given to someone who has not asked for a larger position`);
  },
};
