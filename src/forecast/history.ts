/**
 * Absence history prepared for modelling: per unit and calendar day, the new sickness spells by
 * onset group, the persons absent, and the exposure (persons employed, and persons at risk of a
 * new spell = employed − already absent). Every daily value depends only on what was known on
 * that day, so one preparation serves every origin of a rolling backtest: a model fitted at
 * origin F reads days < F only, and spell lengths are censored at F − 1.
 */
import { isLocalDate, toEpochDay, type LocalDate } from '../core/time/localDate.js';

export type AbsenceType = 'self_certified' | 'doctor_certified' | 'sick_child' | 'leave';
export const ABSENCE_TYPES = ['self_certified', 'doctor_certified', 'sick_child', 'leave'] as const satisfies readonly AbsenceType[];
export type SicknessType = Exclude<AbsenceType, 'leave'>;
/** The types the forecast counts: every type except `leave` (permisjon). */
export const SICKNESS_TYPES = ['self_certified', 'sick_child', 'doctor_certified'] as const satisfies readonly SicknessType[];

/**
 * New spells are modelled in two onset groups with their own regression: short spells
 * (self-certified and sick child, 1–8 days, strongly seasonal) and doctor-certified spells.
 */
export const ONSET_GROUPS = [
  { name: 'short', types: ['self_certified', 'sick_child'] },
  { name: 'doctor', types: ['doctor_certified'] },
] as const satisfies ReadonlyArray<{ name: string; types: readonly SicknessType[] }>;
export type OnsetGroup = (typeof ONSET_GROUPS)[number]['name'];

export function groupOf(type: SicknessType): number {
  return type === 'doctor_certified' ? 1 : 0;
}

/** One absence spell: whole calendar days `from`..`to`, inclusive. */
export interface AbsenceSpell {
  employee: string;
  unit: string;
  from: LocalDate;
  to: LocalDate;
  type: AbsenceType;
}

export interface HistoryInput {
  spells: readonly AbsenceSpell[];
  /** First observed day. Spells are clipped to it; a spell that touches it started at an unknown time. */
  start: LocalDate;
  /** Last observed day (default: the last day of any spell). Days after it are the future. */
  end?: LocalDate;
  /** Persons employed in the unit on an epoch day (the exposure), for past and future days. */
  employed: (unit: string, epochDay: number) => number;
  /** The units to prepare (default: every unit in the spells). */
  units?: readonly string[];
}

export interface PreparedSpell {
  employee: string;
  type: SicknessType;
  from: number;
  to: number;
  /** Started on or before the first observed day, so its true start is unknown. */
  leftTruncated: boolean;
}

export interface UnitSeries {
  unit: string;
  spells: PreparedSpell[];
  /** onsets[g][d − start]: new (not left-truncated) spells of onset group g starting on day d. */
  onsets: [Float64Array, Float64Array];
  /** absent[d − start]: persons absent (sickness types) on day d. */
  absent: Float64Array;
  /** absentBefore[d − start]: persons on day d inside a spell that started before d. */
  absentBefore: Float64Array;
}

export interface PreparedHistory {
  start: number;
  end: number;
  units: string[];
  series: Map<string, UnitSeries>;
  employed: (unit: string, epochDay: number) => number;
}

export function prepareHistory(input: HistoryInput): PreparedHistory {
  if (!isLocalDate(input.start)) throw new RangeError(`history start is not a date: ${input.start}`);
  const start = toEpochDay(input.start);
  let end = input.end ? toEpochDay(input.end) : start;
  if (!input.end) for (const s of input.spells) end = Math.max(end, toEpochDay(s.to));
  const units = input.units ? [...input.units] : [...new Set(input.spells.map((s) => s.unit))].sort();
  const len = end - start + 1;
  const series = new Map<string, UnitSeries>();
  for (const u of units) {
    series.set(u, {
      unit: u,
      spells: [],
      onsets: [new Float64Array(len), new Float64Array(len)],
      absent: new Float64Array(len),
      absentBefore: new Float64Array(len),
    });
  }
  for (const s of input.spells) {
    if (s.type === 'leave') continue;
    const ser = series.get(s.unit);
    if (!ser) continue;
    const from0 = toEpochDay(s.from);
    const to0 = toEpochDay(s.to);
    if (to0 < start || from0 > end) continue;
    const from = Math.max(from0, start);
    const to = Math.min(to0, end);
    const sp: PreparedSpell = { employee: s.employee, type: s.type, from, to, leftTruncated: from0 <= start };
    ser.spells.push(sp);
    if (!sp.leftTruncated) ser.onsets[groupOf(s.type)][from - start]++;
    for (let d = from; d <= to; d++) {
      ser.absent[d - start]++;
      if (d > from || sp.leftTruncated) ser.absentBefore[d - start]++;
    }
  }
  for (const ser of series.values()) ser.spells.sort((a, b) => a.from - b.from || (a.employee < b.employee ? -1 : a.employee > b.employee ? 1 : 0));
  return { start, end, units, series, employed: input.employed };
}

/** The sickness spells of a unit running on day `day` (as known at the end of that day). */
export function runningOn(ser: UnitSeries, day: number): PreparedSpell[] {
  return ser.spells.filter((s) => s.from <= day && s.to >= day);
}

