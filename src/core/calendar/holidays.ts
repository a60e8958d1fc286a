/**
 * Norwegian public holidays from the maintained `date-holidays` library (helligdagsfredloven
 * § 2 and lov om 1. og 17. mai), plus the eves that matter for the working-time rules.
 * Nothing here is a hand-typed list of dates: Easter-dependent days come from the library's
 * computus, and eves are derived from the holidays' rules.
 */
import Holidays from 'date-holidays';
import { addDays, type LocalDate } from '../time/localDate.js';

export interface PublicHoliday {
  date: LocalDate;
  nameNb: string;
  nameEn: string;
  /** The library's rule, e.g. "easter", "easter 49", "05-17". */
  rule: string;
}

export type EveKind = 'christmasEve' | 'easterEve' | 'whitsunEve' | 'newYearsEve' | 'wednesdayBeforeMaundy';

const nb = new Holidays('NO', { languages: ['no'] });
const en = new Holidays('NO', { languages: ['en'] });

const byYear = new Map<number, PublicHoliday[]>();

/** Public holidays (red days other than ordinary Sundays) of one year. */
export function publicHolidays(year: number): PublicHoliday[] {
  const hit = byYear.get(year);
  if (hit) return hit;
  const enNames = new Map<string, string>();
  for (const h of en.getHolidays(year, 'en')) if (h.type === 'public') enNames.set(`${h.date.slice(0, 10)}|${h.rule}`, h.name);
  const seen = new Map<LocalDate, PublicHoliday>();
  for (const h of nb.getHolidays(year, 'no')) {
    if (h.type !== 'public') continue;
    const date = h.date.slice(0, 10);
    const item: PublicHoliday = {
      date,
      nameNb: h.name,
      nameEn: enNames.get(`${date}|${h.rule}`) ?? h.name,
      rule: h.rule,
    };
    // Two holidays can share a date (17 May = Whit Monday in 2027): keep both names.
    const prev = seen.get(date);
    if (prev) {
      prev.nameNb = `${prev.nameNb} / ${item.nameNb}`;
      prev.nameEn = `${prev.nameEn} / ${item.nameEn}`;
      prev.rule = `${prev.rule}|${item.rule}`;
    } else seen.set(date, item);
  }
  const list = [...seen.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  byYear.set(year, list);
  return list;
}

function easterSunday(year: number): LocalDate {
  const e = publicHolidays(year).find((h) => h.rule.split('|').includes('easter'));
  if (!e) throw new Error(`holiday library gave no Easter Sunday for ${year}`);
  return e.date;
}

const holidayIndex = new Map<number, Map<LocalDate, PublicHoliday>>();

export function holidayOn(date: LocalDate): PublicHoliday | undefined {
  const y = Number(date.slice(0, 4));
  let m = holidayIndex.get(y);
  if (!m) {
    m = new Map(publicHolidays(y).map((h) => [h.date, h]));
    holidayIndex.set(y, m);
  }
  return m.get(date);
}

/** 1 May and 17 May: equated with Sundays by lov om 1. og 17. mai, with their own zone start. */
export function isMayLawDay(date: LocalDate): boolean {
  const md = date.slice(5);
  return md === '05-01' || md === '05-17';
}

/** The eves with special rules (AML § 10-10 (1) and the KS holiday supplement). */
export function eveKind(date: LocalDate): EveKind | undefined {
  const md = date.slice(5);
  if (md === '12-24') return 'christmasEve';
  if (md === '12-31') return 'newYearsEve';
  const year = Number(date.slice(0, 4));
  const easter = easterSunday(year);
  if (date === addDays(easter, -1)) return 'easterEve';
  if (date === addDays(easter, 48)) return 'whitsunEve';
  if (date === addDays(easter, -4)) return 'wednesdayBeforeMaundy';
  return undefined;
}
