/**
 * When the staffing plan cannot be met: the deficit per shift, competence and day type in
 * shifts and full-time equivalents, with the binding cause in numbers a leader understands
 * (e.g. «søndager: behov 3 sykepleiere per vakt, tilgjengelig 2,2 med hver 3. helg»).
 */
import type { EvalContext } from '../core/eval/context.js';

export type DayType = 'weekday' | 'saturday' | 'sunday' | 'holiday';

export interface ShortfallLine {
  shift: string;
  competence: string | null;
  dayType: DayType;
  /** Shifts below the minimum over the period. */
  missingShifts: number;
  /** Missing hours / (35.5 h × weeks in the period). */
  missingFte: number;
  /** Average requirement per such day. */
  needPerDay: number;
  /** Qualified people per such day at the weekend frequency (weekends), or by position hours. */
  availablePerDay: number;
  message: string;
  messageEn: string;
}

export interface Shortfall {
  feasible: boolean;
  lines: ShortfallLine[];
}

const DAY_NB: Record<DayType, string> = { weekday: 'hverdager', saturday: 'lørdager', sunday: 'søndager', holiday: 'helligdager' };
const DAY_EN: Record<DayType, string> = { weekday: 'weekdays', saturday: 'Saturdays', sunday: 'Sundays', holiday: 'holidays' };
const nb = (x: number) => String(Math.round(x * 10) / 10).replace('.', ',');

export function explainShortfall(ctx: EvalContext, rows: Int16Array[]): Shortfall {
  const agg = new Map<string, { shift: number; comp: string | null; type: DayType; missing: number; need: number; days: number }>();
  const straddles = new Map<number, { missing: number; dates: string[] }>();
  for (let d = 0; d < ctx.D; d++) {
    const day = ctx.days[d];
    const type: DayType = day.holidayName && day.weekday < 5 ? 'holiday' : day.weekday === 5 ? 'saturday' : day.weekday === 6 ? 'sunday' : 'weekday';
    for (const cell of ctx.demand[d]) {
      let n = 0;
      rows.forEach((row, e) => {
        if (row[d] === cell.shift && ctx.absence[e][d] === 0 && (cell.competence === null || ctx.employees[e].competences.includes(cell.competence))) n++;
      });
      // A shift that reaches into two red-day units in a row (e.g. an evening shift to 22:30 on
      // Maundy Thursday runs into Good Friday's unit from 22:00) is work on two Sundays/holidays
      // in a row for whoever takes it: under the main rule of AML § 10-8 (4) nobody may.
      if (n < cell.min && straddlesRedDays(ctx, d, cell.shift)) {
        const x = straddles.get(cell.shift) ?? { missing: 0, dates: [] };
        x.missing += cell.min - n;
        if (!x.dates.includes(day.date)) x.dates.push(day.date);
        straddles.set(cell.shift, x);
        continue;
      }
      const key = `${cell.shift}|${cell.competence ?? ''}|${type}`;
      const a = agg.get(key) ?? { shift: cell.shift, comp: cell.competence, type, missing: 0, need: 0, days: 0 };
      a.missing += Math.max(0, cell.min - n);
      a.need += cell.min;
      a.days++;
      agg.set(key, a);
    }
  }
  const weeks = ctx.D / 7;
  const lines: ShortfallLine[] = [];
  for (const a of agg.values()) {
    if (a.missing === 0) continue;
    const st = ctx.shiftTypes[a.shift];
    const hours = ctx.instance(0, a.shift).workMin / 60;
    const qualified = ctx.employees.filter(
      (e) => (a.comp === null || e.competences.includes(a.comp)) && !(st.category === 'night' && !e.canWorkNights) && !(st.category === 'long' && !e.canWorkLongShifts),
    );
    const needPerDay = a.need / a.days;
    let available: number;
    let cause: string;
    let causeEn: string;
    const who = a.comp ?? 'ansatte';
    if (a.type === 'saturday' || a.type === 'sunday') {
      available = qualified.reduce((s, e) => s + 1 / (e.weekendFrequency ?? ctx.rules.weekend.frequency), 0);
      const k = ctx.rules.weekend.frequency;
      cause = `behov ${nb(needPerDay)} ${who} per vakt ${st.code}, tilgjengelig ${nb(available)} med hver ${k}. helg`;
      causeEn = `need ${needPerDay} ${a.comp ?? 'staff'} per ${st.code} shift, ${Math.round(available * 10) / 10} available working every ${k}th weekend`;
    } else {
      available = qualified.reduce((s, e) => s + (e.p * 35.5) / 5 / hours, 0);
      cause = `behov ${nb(needPerDay)} ${who} per vakt ${st.code}, stillingene til ${qualified.length} kvalifiserte gir ${nb(available)} per dag`;
      causeEn = `need ${needPerDay} ${a.comp ?? 'staff'} per ${st.code} shift, the positions of ${qualified.length} qualified people give ${Math.round(available * 10) / 10} per day`;
    }
    const fte = (a.missing * hours) / (35.5 * weeks);
    lines.push({
      shift: st.code,
      competence: a.comp,
      dayType: a.type,
      missingShifts: a.missing,
      missingFte: Math.round(fte * 100) / 100,
      needPerDay,
      availablePerDay: Math.round(available * 100) / 100,
      message: `${DAY_NB[a.type]}: ${cause} → mangler ${a.missing} vakter, ${nb(fte)} årsverk ${a.comp ?? ''}`.trim(),
      messageEn: `${DAY_EN[a.type]}: ${causeEn} → ${a.missing} shifts short, ${Math.round(fte * 100) / 100} FTE ${a.comp ?? ''}`.trim(),
    });
  }
  for (const [shift, x] of straddles) {
    const st = ctx.shiftTypes[shift];
    const hours = ctx.instance(0, shift).workMin / 60;
    const fte = (x.missing * hours) / (35.5 * weeks);
    const span = `${hm(st.startMin)}–${hm(st.endMin)}`;
    const dates = x.dates.map((d) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`).join(', ');
    lines.push({
      shift: st.code,
      competence: null,
      dayType: 'holiday',
      missingShifts: x.missing,
      missingFte: Math.round(fte * 100) / 100,
      needPerDay: x.missing / x.dates.length,
      availablePerDay: 0,
      message: `vakt ${st.code} (${span}) ${dates}: går inn i neste søn-/helgedags sone, så den som tar den, har arbeidet to søn-/helgedager på rad (AML § 10-8 (4)) – ingen kan ta den → mangler ${x.missing} vakter; endre vakttiden eller behovet disse dagene`,
      messageEn: `shift ${st.code} (${span}) ${dates}: runs into the next Sunday/holiday's zone, so whoever takes it works two Sundays/holidays in a row (AML § 10-8 (4)) – nobody can → ${x.missing} shifts short; change the shift times or the demand on these days`,
    });
  }
  lines.sort((x, y) => y.missingShifts - x.missingShifts);
  return { feasible: lines.length === 0, lines };
}

function hm(min: number): string {
  const m = ((min % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * Shift s on day d reaches into two red-day units (work on two Sundays/holidays in a row for
 * whoever takes it), which the main rule of AML § 10-8 (4) (LAW-08) forbids.
 */
export function straddlesRedDays(ctx: EvalContext, d: number, s: number): boolean {
  if (ctx.rules.sundayRule.mode !== 'mainRule') return false;
  const tol = ctx.rules.sundayRule.toleranceMinutes;
  return ctx.instance(d, s).units.filter(([, m]) => m > tol).length >= 2;
}
