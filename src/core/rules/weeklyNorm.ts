/**
 * Which weekly norm applies to an employee's rota line (RULES.md § 3.3): 37.5 h day work,
 * 35.5 h rota work with at least every third Sunday or mainly night, 33.6 h fully continuous,
 * and the 3-split weighting in between (1 h Sunday/holiday = 1 h 10 min, 1 h night = 1 h 15 min).
 * And from it, the hours a position requires over the period (§ 4).
 */
import { overlap } from '../time/zone.js';
import type { EvalContext } from '../eval/context.js';
import type { EmployeeLine } from '../eval/line.js';
import { inPeriod } from '../eval/line.js';

export type NormBasis = 'fixed' | 'dayWork' | 'rota35_5' | 'threeSplit' | 'fullyContinuous';

export interface NormResult {
  /** Weekly norm for a 100 % position, in hours. */
  norm: number;
  basis: NormBasis;
  workH: number;
  nightH: number;
  sundayH: number;
  sundaysWorked: number;
  sundaysInPeriod: number;
}

/**
 * Test 2 of RULES § 2.3 for every red-day unit: worked when the line has all 4 h 18–22 on the
 * eve, or any time after 22:00 in the zone. One pass over units and items (both sorted).
 */
function workedUnitsForNorm(ctx: EvalContext, line: EmployeeLine, u0: number, u1: number): Uint8Array {
  const out = new Uint8Array(u1 - u0);
  const items = line.items;
  let k = 0;
  for (let ui = u0; ui < u1; ui++) {
    const u = ctx.units[ui];
    const { eve18, eve22 } = ctx.unitEve[ui];
    const lo = Math.min(u.start, eve18);
    while (k < items.length && items[k].end <= lo) k++;
    let eveMin = 0;
    for (let j = k; j < items.length && items[j].start < u.end; j++) {
      const it = items[j];
      if (overlap(it.start, it.end, Math.max(eve22, u.start), u.end) > 0) {
        out[ui - u0] = 1;
        break;
      }
      eveMin += overlap(it.start, it.end, eve18, eve22);
    }
    if (eveMin >= 240) out[ui - u0] = 1;
  }
  return out;
}

export function weeklyNorm(ctx: EvalContext, line: EmployeeLine): NormResult {
  let workMin = 0;
  let nightMin = 0;
  let zoneMin = 0;
  let hasDay = false;
  let hasEvening = false;
  let hasNight = false;
  for (const it of line.items) {
    if (!inPeriod(ctx, it.day)) continue;
    workMin += it.workMin;
    nightMin += it.nightMin;
    zoneMin += it.zoneNonNightMin;
    const cat = ctx.shiftTypes[it.shift].category;
    if (cat === 'night') hasNight = true;
    else if (cat === 'evening') hasEvening = true;
    else hasDay = true;
  }
  // "At least every third Sunday": movable holidays worked count as Sundays worked (the 1987
  // protocol), measured against the Sundays of the period.
  const [u0, u1] = ctx.unitsInPeriod;
  let sundaysWorked = 0;
  let sundaysInPeriod = 0;
  const worked = workedUnitsForNorm(ctx, line, u0, u1);
  for (let ui = u0; ui < u1; ui++) {
    if (ctx.units[ui].isSunday) sundaysInPeriod++;
    if (worked[ui - u0]) sundaysWorked++;
  }
  const H = workMin / 60;
  const N = nightMin / 60;
  const S = zoneMin / 60;
  const base = { workH: H, nightH: N, sundayH: S, sundaysWorked, sundaysInPeriod };
  const fixed = ctx.rules.hours.weeklyNorm;
  if (fixed !== 'auto') return { norm: fixed, basis: 'fixed', ...base };
  if (H === 0) return { norm: 37.5, basis: 'dayWork', ...base };
  const weeks = ctx.D / 7;
  const yearShare = ctx.D / 365;
  const everyThirdSunday = sundaysInPeriod > 0 && sundaysWorked * 3 >= sundaysInPeriod;
  if (N >= 539 * yearShare && S + N >= 231 * yearShare && everyThirdSunday)
    return { norm: 33.6, basis: 'fullyContinuous', ...base };
  const threeSplit = hasDay && hasEvening && hasNight && (H - N) / H >= 0.25;
  if (threeSplit && everyThirdSunday) {
    const credit = (0.25 * N + S / 6) / weeks;
    const norm = Math.min(35.5, Math.max(33.6, 37.5 - credit));
    return { norm: Math.round(norm * 100) / 100, basis: 'threeSplit', ...base };
  }
  const mainlyNight = N >= 0.75 * H;
  if (everyThirdSunday || mainlyNight) return { norm: 35.5, basis: 'rota35_5', ...base };
  return { norm: 37.5, basis: 'dayWork', ...base };
}

export interface RequiredHours {
  norm: NormResult;
  /** p × norm × weeks. */
  gross: number;
  /** Credited for absence days (vacation, leave, sickness) at the average day. */
  absenceCredit: number;
  /** Weekday holidays under the day-worker-equivalent model. */
  redDayCredit: number;
  required: number;
  planned: number;
}

export function requiredHours(ctx: EvalContext, line: EmployeeLine): RequiredHours {
  const emp = ctx.employees[line.e];
  const norm = weeklyNorm(ctx, line);
  const perWeek = norm.norm * emp.p;
  const gross = (perWeek * ctx.D) / 7;
  let absentDays = 0;
  let redDays = 0;
  const abs = ctx.absence[line.e];
  for (const day of ctx.days) {
    if (abs[day.index] !== 0) absentDays++;
    else if (day.weekday < 5 && day.holidayName !== undefined) redDays++;
  }
  const absenceCredit = (perWeek / 7) * absentDays;
  const useRed = ctx.rules.hours.redDayModel === 'dayWorkerEquivalent' && !ctx.cyclic;
  const redDayCredit = useRed ? (perWeek / 5) * redDays : 0;
  return {
    norm,
    gross,
    absenceCredit,
    redDayCredit,
    required: gross - absenceCredit - redDayCredit,
    planned: norm.workH,
  };
}
