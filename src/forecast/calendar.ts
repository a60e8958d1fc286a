/**
 * Calendar covariates for the daily absence model: ISO weekday, month, annual Fourier terms,
 * Norwegian public holidays (from `date-holidays`, via core/calendar) and an approximate table
 * of Norwegian school holidays.
 *
 * School holidays vary by municipality (each kommune/fylke sets its own school year), so the
 * rules below are a documented national approximation, not a lookup:
 *  - vinterferie: ISO week 8 (Oslo, Viken and much of the east; most of the rest use week 9 —
 *    configurable);
 *  - påskeferie: Monday of Holy Week (Easter Sunday − 6) to Easter Monday;
 *  - sommerferie: the first Saturday on or after 19 June to the Sunday before the Monday of ISO
 *    week 34 (≈ 20 June – 17 August);
 *  - høstferie: ISO week 40 (week 41 in parts of the west and north — configurable);
 *  - juleferie: 21 December to 1 January.
 */
import { holidayOn, publicHolidays } from '../core/calendar/holidays.js';
import { fromEpochDay, isoWeek, toEpochDay, weekdayOfEpochDay } from '../core/time/localDate.js';

export interface SchoolHolidayRules {
  winterWeek: number;
  autumnWeek: number;
}

export const DEFAULT_SCHOOL_HOLIDAYS: SchoolHolidayRules = { winterWeek: 8, autumnWeek: 40 };

const easterCache = new Map<number, number>();
function easterSunday(year: number): number {
  let e = easterCache.get(year);
  if (e === undefined) {
    const h = publicHolidays(year).find((x) => x.rule.split('|').includes('easter'));
    if (!h) throw new Error(`no Easter Sunday for ${year}`);
    e = toEpochDay(h.date);
    easterCache.set(year, e);
  }
  return e;
}

/** Monday (epoch day) of ISO week `week` of ISO year `year`. */
function isoWeekMonday(year: number, week: number): number {
  const jan4 = toEpochDay(`${String(year).padStart(4, '0')}-01-04`);
  const mondayWeek1 = jan4 - weekdayOfEpochDay(jan4);
  return mondayWeek1 + (week - 1) * 7;
}

/** Whether a date lies in the (approximate) Norwegian school holidays. */
export function isSchoolHoliday(epochDay: number, rules: SchoolHolidayRules = DEFAULT_SCHOOL_HOLIDAYS): boolean {
  const date = fromEpochDay(epochDay);
  const year = Number(date.slice(0, 4));
  const md = date.slice(5);
  if (md >= '12-21' || md <= '01-01') return true;
  const w = isoWeek(date);
  if (w.week === rules.winterWeek || w.week === rules.autumnWeek) return true;
  const easter = easterSunday(year);
  if (epochDay >= easter - 6 && epochDay <= easter + 1) return true;
  const jun19 = toEpochDay(`${date.slice(0, 4)}-06-19`);
  const summerStart = jun19 + ((5 - weekdayOfEpochDay(jun19) + 7) % 7); // first Saturday ≥ 19 June
  const summerEnd = isoWeekMonday(year, 34) - 1;
  return epochDay >= summerStart && epochDay <= summerEnd;
}

export interface DayFeatures {
  /** ISO weekday, 0 = Monday. */
  weekday: number;
  /** 0 = January. */
  month: number;
  /** Position in the year, 0 ≤ t < 1. */
  yearFraction: number;
  publicHoliday: boolean;
  schoolHoliday: boolean;
}

const featureCache = new Map<number, DayFeatures>();

/** The calendar covariates of one day (memoised). */
export function dayFeatures(epochDay: number, rules: SchoolHolidayRules = DEFAULT_SCHOOL_HOLIDAYS): DayFeatures {
  const key = epochDay * 10_000 + rules.winterWeek * 100 + rules.autumnWeek;
  let f = featureCache.get(key);
  if (!f) {
    const date = fromEpochDay(epochDay);
    const jan1 = toEpochDay(`${date.slice(0, 4)}-01-01`);
    f = {
      weekday: weekdayOfEpochDay(epochDay),
      month: Number(date.slice(5, 7)) - 1,
      yearFraction: (epochDay - jan1) / 365.25,
      publicHoliday: holidayOn(date) !== undefined,
      schoolHoliday: isSchoolHoliday(epochDay, rules),
    };
    if (featureCache.size > 50_000) featureCache.clear();
    featureCache.set(key, f);
  }
  return f;
}
