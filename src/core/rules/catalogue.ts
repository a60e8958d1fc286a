/**
 * The one rule catalogue. The checker, the incremental score director and (later) the rota
 * generator all evaluate exactly these rules; there is no second copy.
 */
import type { Rule, EmployeeRule, DayRule } from './types.js';
import type { RuleSet } from '../model/ruleSet.js';
import { law01 } from './law01NormalLimits.js';
import { law02 } from './law02Averaging.js';
import { law03 } from './law03TotalTime.js';
import { law06 } from './law06DailyRest.js';
import { law07 } from './law07WeeklyRest.js';
import { law08 } from './law08SundayHoliday.js';
import { law09 } from './law09Breaks.js';
import { law10 } from './law10NightWork.js';
import { law11 } from './law11NightWorker.js';
import { law14 } from './law14Youth.js';
import { loc01 } from './loc01LongShifts.js';
import { loc02 } from './loc02CentralLongShifts.js';
import { loc03 } from './loc03WeekendFrequency.js';
import { tar04 } from './tar04HoursVsPosition.js';
import { fer01 } from './fer01VacationLength.js';
import { fer02 } from './fer02MainVacation.js';
import { pra01 } from './pra01QuickReturn.js';
import { pra02 } from './pra02AfterNights.js';
import { pra03 } from './pra03ConsecutiveDays.js';
import { pra04 } from './pra04ConsecutiveNights.js';
import { pra05 } from './pra05ForwardRotation.js';
import { pra06 } from './pra06MondayAfterLongWeekend.js';
import { pra07 } from './pra07MinShiftLength.js';
import { pra09 } from './pra09WholeWeekends.js';
import { pra11 } from './pra11MinStaffing.js';
import { pra13 } from './pra13TargetStaffing.js';
import { plan01 } from './plan01AssignedWhileAbsent.js';
import { wish01 } from './wish01Wishes.js';
import { pred01 } from './pred01PredictionShiftHolder.js';

export const CATALOGUE: readonly Rule[] = [
  law01, law02, law03, law06, law07, law08, law09, law10, law11, law14,
  loc01, loc02, loc03, tar04, fer01, fer02,
  pra01, pra02, pra03, pra04, pra05, pra06, pra07, pra09, pra11, pra13,
  plan01, wish01, pred01,
];

export const RULES_BY_ID = new Map(CATALOGUE.map((r) => [r.id, r]));

export function activeRules(rs: RuleSet): { employee: EmployeeRule[]; day: DayRule[] } {
  const on = CATALOGUE.filter((r) => (r.enabled ? r.enabled(rs) : true));
  return {
    employee: on.filter((r): r is EmployeeRule => r.scope === 'employee'),
    day: on.filter((r): r is DayRule => r.scope === 'day'),
  };
}

export function referenceOf(rule: Rule, rs: RuleSet): string {
  return typeof rule.reference === 'function' ? rule.reference(rs) : rule.reference;
}
