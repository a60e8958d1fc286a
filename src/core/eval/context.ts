/**
 * A plan compiled for evaluation: day table, shift instances as real instants (Europe/Oslo,
 * DST-exact) with their night, Sunday-zone and weekend minutes precomputed, employees with
 * indices, absences per day, demand per day. Built once per plan; every rule reads it.
 */
import { addDays, ageOn, isoWeek, mondayOf, toEpochDay, weekdayOfEpochDay, fromEpochDay, type LocalDate } from '../time/localDate.js';
import { clockToMinutes, localInstant, overlap, type Instant } from '../time/zone.js';
import { holidayOn } from '../calendar/holidays.js';
import { isRedDay, redDayUnits, type RedDayUnit } from '../calendar/redDays.js';
import type { Plan } from '../model/plan.js';
import type { AbsenceKind, ShiftCategory } from '../model/primitives.js';
import { ABSENCE_KINDS, WEEKDAY_KEYS_INDEX } from './constants.js';
import type { RuleSet } from '../model/ruleSet.js';

export interface CShiftType {
  idx: number;
  code: string;
  name: string;
  startMin: number;
  endMin: number;
  breakMin: number;
  breakPaid: boolean;
  category: ShiftCategory;
  /** For a prediction shift (prediksjonsvakt): the index of the shift type it stands in for; else -1. */
  predictionFor: number;
}

export interface CEmployee {
  idx: number;
  id: string;
  name: string;
  competences: string[];
  p: number;
  canWorkLongShifts: boolean;
  canWorkNights: boolean;
  birthDate?: LocalDate;
  weekendFrequency?: number;
  /** Age at the period start, when the birth date is known. */
  ageAtStart?: number;
  /** Has asked for a position at least this large (desired ≥ current position): first in line for prediction shifts. */
  wantsLargerPosition: boolean;
}

export interface DayInfo {
  index: number;
  date: LocalDate;
  epochDay: number;
  weekday: number;
  isRed: boolean;
  holidayName?: string;
  /** Calendar-week index from the Monday on or before the period start. */
  weekIndex: number;
  isoWeek: number;
  isoYear: number;
}

export interface ShiftInstance {
  day: number;
  shift: number;
  start: Instant;
  end: Instant;
  /** Working time: duration less an unpaid break. */
  workMin: number;
  /** Minutes inside the night window (default 21–06). */
  nightMin: number;
  /** Minutes inside AML Sunday/holiday zones that are not night minutes (3-split weighting). */
  zoneNonNightMin: number;
  /** Red-day units touched: [unitIndex, minutes]. */
  units: Array<[number, number]>;
  /** Weekend (Sat 00:00–Mon 00:00) touched, by Saturday's day index, or null. */
  weekendSat: number | null;
  weekendMin: number;
}

export interface DemandCell {
  shift: number;
  competence: string | null;
  min: number;
  target: number;
}

export interface EvalContext {
  plan: Plan;
  rules: RuleSet;
  D: number;
  startEpoch: number;
  days: DayInfo[];
  shiftTypes: CShiftType[];
  shiftIndex: Map<string, number>;
  employees: CEmployee[];
  employeeIndex: Map<string, number>;
  /** Red-day units from 7 days before to 7 days after the period. */
  units: RedDayUnit[];
  /** Index of the first unit whose date is inside the period. */
  unitsInPeriod: [number, number];
  /** absence[e][d] = 0 for none, else 1 + index in ABSENCE_KINDS. */
  absence: Uint8Array[];
  /** Wishes per employee: day, shift (-1 = the whole day), want (true) or avoid, weight. */
  wishes: Array<Array<{ day: number; shift: number; want: boolean; weight: number }>>;
  /** Demand cells per day index. */
  demand: DemandCell[][];
  /** Rolling base rota: the period repeats, and windows wrap around. */
  cyclic: boolean;
  /** Margin of days on each side for which shift instances exist. */
  margin: number;
  instance(day: number, shift: number): ShiftInstance;
  /** Saturdays (day indices) whose weekend lies at least partly in the period. */
  weekends: number[];
  nightWindow: { startMin: number; endMin: number };
  /** Instant of local midnight starting day index d (d may lie in the margins). */
  dayStart(d: number): Instant;
  /** For each red-day unit: the instants of 18:00 and 22:00 on its eve (the norm's Sunday test). */
  unitEve: Array<{ eve18: Instant; eve22: Instant }>;
  /** Day index (relative to the period start) of each red-day unit. */
  unitDay: number[];
  /** 1 June – 30 September windows wholly inside the period: [first day, last day, year]. */
  summerWindows: Array<[number, number, string]>;
}

export const MARGIN_DAYS = 14;

function inferCategory(startMin: number, endMin: number): ShiftCategory {
  const dur = (endMin - startMin + 1440) % 1440 || 1440;
  if (dur >= 10 * 60 && startMin < 12 * 60 && endMin > startMin) return 'long';
  if (endMin <= startMin || startMin >= 20 * 60) return 'night';
  if (startMin >= 12 * 60) return 'evening';
  if (endMin > 17 * 60) return 'middle';
  return 'day';
}

export function compileShiftTypes(plan: Plan): CShiftType[] {
  return plan.shiftTypes.map((s, idx) => {
    const startMin = clockToMinutes(s.start);
    const endMin = clockToMinutes(s.end);
    const dur = (endMin - startMin + 1440) % 1440 || 1440;
    const breakMin = s.breakMinutes ?? (dur > 5.5 * 60 ? plan.rules.breaks.defaultMinutes : 0);
    return {
      idx,
      code: s.code,
      name: s.name ?? s.code,
      startMin,
      endMin,
      breakMin,
      breakPaid: s.breakPaid ?? plan.rules.breaks.defaultPaid,
      category: s.category ?? inferCategory(startMin, endMin),
      predictionFor: s.predictionFor === undefined ? -1 : plan.shiftTypes.findIndex((b) => b.code === s.predictionFor),
    };
  });
}

export function buildContext(plan: Plan): EvalContext {
  const rules = plan.rules;
  const startEpoch = toEpochDay(plan.start);
  const D = toEpochDay(plan.end) - startEpoch + 1;
  const weekBase = mondayOf(startEpoch);
  const days: DayInfo[] = [];
  for (let i = 0; i < D; i++) {
    const ed = startEpoch + i;
    const date = fromEpochDay(ed);
    const w = isoWeek(date);
    days.push({
      index: i,
      date,
      epochDay: ed,
      weekday: weekdayOfEpochDay(ed),
      isRed: isRedDay(date),
      holidayName: holidayOn(date)?.nameNb,
      weekIndex: Math.floor((ed - weekBase) / 7),
      isoWeek: w.week,
      isoYear: w.year,
    });
  }
  const shiftTypes = compileShiftTypes(plan);
  const shiftIndex = new Map(shiftTypes.map((s) => [s.code, s.idx]));
  const employees: CEmployee[] = plan.employees.map((e, idx) => ({
    idx,
    id: e.id,
    name: e.name,
    competences: e.competences ?? (e.competence ? [e.competence] : []),
    p: e.positionPercent / 100,
    canWorkLongShifts: e.canWorkLongShifts ?? true,
    canWorkNights: e.canWorkNights ?? true,
    birthDate: e.birthDate,
    weekendFrequency: e.weekendFrequency,
    ageAtStart: e.birthDate ? ageOn(e.birthDate, plan.start) : undefined,
    wantsLargerPosition: e.desiredPositionPercent !== undefined && e.desiredPositionPercent >= e.positionPercent,
  }));
  const employeeIndex = new Map(employees.map((e) => [e.id, e.idx]));

  const margin = MARGIN_DAYS;
  const units = redDayUnits(addDays(plan.start, -margin), addDays(plan.end, margin));
  let u0 = units.findIndex((u) => u.date >= plan.start);
  if (u0 < 0) u0 = units.length;
  let u1 = u0;
  while (u1 < units.length && units[u1].date <= plan.end) u1++;

  const absence = employees.map(() => new Uint8Array(D));
  for (const a of plan.absences) {
    const e = employeeIndex.get(a.employee);
    if (e === undefined) continue;
    const k = ABSENCE_KINDS.indexOf(a.kind as AbsenceKind) + 1;
    const from = Math.max(0, toEpochDay(a.from) - startEpoch);
    const to = Math.min(D - 1, toEpochDay(a.to) - startEpoch);
    for (let d = from; d <= to; d++) absence[e][d] = k;
  }

  const demand: DemandCell[][] = days.map(() => []);
  for (const dm of plan.demand) {
    const s = shiftIndex.get(dm.shift);
    if (s === undefined) continue;
    const dates = dm.dates ? new Set(dm.dates) : null;
    const wds = dm.days ? new Set(dm.days.map((k) => WEEKDAY_KEYS_INDEX[k])) : null;
    for (const day of days) {
      if (dates ? !dates.has(day.date) : wds ? !wds.has(day.weekday) : false) continue;
      const cell = demand[day.index].find((c) => c.shift === s && c.competence === (dm.competence ?? null));
      // A date-specific line overrides a weekday line for the same shift and competence.
      if (cell && dates) {
        cell.min = dm.min;
        cell.target = dm.target ?? dm.min;
      } else if (!cell) demand[day.index].push({ shift: s, competence: dm.competence ?? null, min: dm.min, target: dm.target ?? dm.min });
    }
  }

  const wishes: EvalContext['wishes'] = employees.map(() => []);
  for (const w of plan.wishes) {
    const e = employeeIndex.get(w.employee);
    const d = toEpochDay(w.date) - startEpoch;
    if (e === undefined || d < 0 || d >= D) continue;
    const s = w.shift === null ? -1 : shiftIndex.get(w.shift);
    if (s === undefined) continue;
    wishes[e].push({ day: d, shift: s, want: w.kind === 'want', weight: w.weight });
  }

  const nightStart = clockToMinutes(rules.night.start);
  const nightEnd = clockToMinutes(rules.night.end);
  const cyclic = plan.planningForm === 'rolling';

  // Weekends: every Saturday from the margin before to the margin after.
  const weekendStarts: number[] = [];
  for (let d = -margin; d < D + margin; d++) if (weekdayOfEpochDay(startEpoch + d) === 5) weekendStarts.push(d);
  const weekends = weekendStarts.filter((s) => s + 1 >= 0 && s < D);

  const dateOf = (d: number) => fromEpochDay(startEpoch + d);
  const starts: number[] = [];
  for (let d = -margin; d <= D + margin + 1; d++) starts.push(localInstant(dateOf(d), 0));
  const dayStart = (d: number): Instant => {
    const i = d + margin;
    if (i >= 0 && i < starts.length) return starts[i];
    return localInstant(dateOf(d), 0);
  };
  const unitEve = units.map((u) => ({ eve18: localInstant(addDays(u.date, -1), 18 * 60), eve22: localInstant(addDays(u.date, -1), 22 * 60) }));
  const summerWindows: Array<[number, number, string]> = [];
  for (const y of new Set(days.map((x) => x.date.slice(0, 4)))) {
    const a = toEpochDay(`${y}-06-01`) - startEpoch;
    const b = toEpochDay(`${y}-09-30`) - startEpoch;
    if (a >= 0 && b < D) summerWindows.push([a, b, y]);
  }
  const cache = new Map<number, ShiftInstance>();
  const S = shiftTypes.length;

  function computeInstance(day: number, shift: number): ShiftInstance {
    const st = shiftTypes[shift];
    const date = dateOf(day);
    const start = localInstant(date, st.startMin);
    const end = st.endMin > st.startMin ? localInstant(date, st.endMin) : localInstant(addDays(date, 1), st.endMin);
    const dur = end - start;
    const workMin = dur - (st.breakPaid ? 0 : st.breakMin);
    const frac = dur > 0 ? workMin / dur : 0;
    let nightMin = 0;
    const nightIntervals: Array<[number, number]> = [];
    for (let k = -1; k <= 1; k++) {
      const nd = addDays(date, k);
      const ns = localInstant(nd, nightStart);
      const ne = nightEnd > nightStart ? localInstant(nd, nightEnd) : localInstant(addDays(nd, 1), nightEnd);
      const o = overlap(start, end, ns, ne);
      if (o > 0) {
        nightMin += o;
        nightIntervals.push([Math.max(start, ns), Math.min(end, ne)]);
      }
    }
    const unitsTouched: Array<[number, number]> = [];
    let zoneNonNight = 0;
    for (let ui = 0; ui < units.length; ui++) {
      const u = units[ui];
      if (u.end <= start) continue;
      if (u.start >= end) break;
      const o = overlap(start, end, u.start, u.end);
      if (o > 0) {
        unitsTouched.push([ui, o]);
        let nightPart = 0;
        for (const [a, b] of nightIntervals) nightPart += overlap(a, b, u.start, u.end);
        zoneNonNight += o - nightPart;
      }
    }
    let weekendSat: number | null = null;
    let weekendMin = 0;
    for (const sat of weekendStarts) {
      if (sat < day - 2 || sat > day + 1) continue;
      const ws = dayStart(sat);
      const we = dayStart(sat + 2);
      const o = overlap(start, end, ws, we);
      if (o > weekendMin) {
        weekendMin = o;
        weekendSat = sat;
      }
    }
    return {
      day,
      shift,
      start,
      end,
      workMin,
      nightMin: Math.round(nightMin * frac),
      zoneNonNightMin: Math.round(zoneNonNight * frac),
      units: unitsTouched,
      weekendSat,
      weekendMin,
    };
  }

  const instance = (day: number, shift: number): ShiftInstance => {
    const key = (day + margin) * S + shift;
    let inst = cache.get(key);
    if (!inst) {
      inst = computeInstance(day, shift);
      cache.set(key, inst);
    }
    return inst;
  };

  return {
    plan,
    rules,
    D,
    startEpoch,
    days,
    shiftTypes,
    shiftIndex,
    employees,
    employeeIndex,
    units,
    unitsInPeriod: [u0, u1],
    absence,
    wishes,
    demand,
    cyclic,
    margin,
    instance,
    weekends,
    nightWindow: { startMin: nightStart, endMin: nightEnd },
    dayStart,
    unitEve,
    unitDay: units.map((u) => toEpochDay(u.date) - startEpoch),
    summerWindows,
  };
}

export function absenceKindAt(ctx: EvalContext, e: number, d: number): AbsenceKind | null {
  const k = ctx.absence[e][d];
  return k === 0 ? null : ABSENCE_KINDS[k - 1];
}
