/**
 * The staffing plan as the weekend tangle sees it (RULES.md § 8): per competence group, the
 * weekday hours Wd and weekend hours We per week, and the distinct persons Pw a weekend needs
 * (the same people on Saturday and Sunday: whole weekends, same shift type). Hours are the real
 * working hours of each shift instance (Europe/Oslo, DST nights and unpaid breaks included),
 * taken over the plan's own period and averaged per week.
 *
 * Long weekend shifts can be switched on (day/evening/middle cover on Saturdays and Sundays is
 * replaced by long shifts of the given length) or off (existing weekend long shifts become one
 * day plus one evening shift each), or the plan is taken as it stands.
 */
import { buildContext, type DemandCell, type EvalContext } from '../eval/context.js';
import type { Plan } from '../model/plan.js';
import { COMPETENCES } from '../model/primitives.js';
import { clockToMinutes } from '../time/zone.js';
import { fromEpochDay, type LocalDate } from '../time/localDate.js';
import { msg, ScenarioInputError, type Message, nbNum } from './messages.js';

/** Group key for staffing-plan lines without a competence requirement. */
export const ANY = 'any';

export type LongShiftChoice = 'asPlanned' | 'off' | 'on';
/**
 * How day/evening cover becomes long shifts. `lanes` (RULES § 8): one long shift per person
 * present at the same time — 4 D + 4 K become 4 long shifts (the 07:30–08:00 and 20:30–22:30
 * edges are no longer double-covered). `hours`: as many long shifts as keep every weekend hour,
 * ⌈hours / length⌉ per day.
 */
export type LongShiftMode = 'lanes' | 'hours';

export interface ProfileOptions {
  /** Count the staffing plan's minimum (default) or its target. */
  level?: 'min' | 'target';
  /** Night shifts count (default). RULES § 8's example leaves nights out: night staff are often a group of their own. */
  includeNights?: boolean;
  /** undefined: as planned; null or 0: long weekend shifts off; a number: on, with that length in paid hours. */
  longShiftHours?: number | null;
  longShiftMode?: LongShiftMode;
  /** Start of a new long shift type (default 08:00, as 08:00–20:30 in RULES § 7.1). */
  longShiftStart?: string;
}

export interface GroupProfile {
  /** Competence, or ANY for lines without a competence requirement (the remainder of the total line). */
  group: string;
  /** Weekday (Mon–Fri start) hours per week. */
  weekdayHours: number;
  /** Saturday and Sunday (by start) hours per week. */
  weekendHours: number;
  /** Distinct persons per weekend (the most demanding whole weekend of the period). */
  weekendPersons: number;
  /** The same before rounding to whole shifts (differs only for `hours` long shifts); the pool sums these and rounds once. */
  weekendPersonsRaw: number;
  /** Hours per week by shift code. */
  byShift: Record<string, { weekday: number; weekend: number }>;
}

export interface ProfileEntry {
  code: string;
  hours: number;
  /** Persons per group on this shift this day. */
  counts: Record<string, number>;
}

export interface ProfileDay {
  day: number;
  date: LocalDate;
  weekday: number;
  entries: ProfileEntry[];
}

export interface LongShiftType {
  code: string;
  hours: number;
  start: string;
  end: string;
  /** An existing long shift type of the plan with this length is reused. */
  reused: boolean;
}

export interface DemandProfile {
  unit: string;
  start: LocalDate;
  end: LocalDate;
  weeks: number;
  level: 'min' | 'target';
  includeNights: boolean;
  longShifts: LongShiftChoice;
  longShiftMode: LongShiftMode;
  /** The long shift type used when long shifts are on. */
  longShift?: LongShiftType;
  /** Shift codes converted (to long shifts when on; the long ones to day + evening when off). */
  converted: string[];
  groups: GroupProfile[];
  /** Whole weekends (Saturday and Sunday inside the period) measured. */
  weekendsMeasured: number;
  /** The demand after conversion, per day (what the proof's staffing plan is built from). */
  days: ProfileDay[];
  notes: Message[];
}

const CONVERTIBLE = new Set(['day', 'evening', 'middle']);
const EPS = 1e-9;

function hhmm(min: number): string {
  const m = ((min % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export function groupOrder(a: string, b: string): number {
  const rank = (g: string) => (g === ANY ? 1000 : (COMPETENCES as readonly string[]).indexOf(g) >= 0 ? (COMPETENCES as readonly string[]).indexOf(g) : 100);
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** Persons per group for one shift on one day: competence lines first, the remainder of the total line to ANY. */
function countsOf(cells: DemandCell[], level: 'min' | 'target'): Record<string, number> {
  const val = (c: DemandCell) => (level === 'target' ? Math.max(c.target, c.min) : c.min);
  const out: Record<string, number> = {};
  let specific = 0;
  let total = 0;
  for (const c of cells) {
    if (c.competence === null) total = Math.max(total, val(c));
    else {
      out[c.competence] = (out[c.competence] ?? 0) + val(c);
      specific += val(c);
    }
  }
  const rest = Math.max(0, total - specific);
  if (rest > 0) out[ANY] = rest;
  for (const k of Object.keys(out)) if (out[k] === 0) delete out[k];
  return out;
}

function resolveLongShift(plan: Plan, ctx: EvalContext, hours: number, startClock: string): LongShiftType {
  const existing = ctx.shiftTypes.find((s) => s.category === 'long' && Math.abs(ctx.instance(0, s.idx).workMin / 60 - hours) < 1e-6);
  if (existing) {
    const src = plan.shiftTypes[existing.idx];
    return { code: existing.code, hours, start: src.start, end: src.end, reused: true };
  }
  const codes = new Set(plan.shiftTypes.map((s) => s.code));
  let code = 'LV';
  for (let i = 2; codes.has(code); i++) code = `LV${i}`;
  const startMin = clockToMinutes(startClock);
  return { code, hours, start: hhmm(startMin), end: hhmm(startMin + Math.round(hours * 60)), reused: false };
}

export function demandProfile(plan: Plan, opts: ProfileOptions = {}): DemandProfile {
  const level = opts.level ?? 'min';
  const includeNights = opts.includeNights ?? true;
  const mode: LongShiftMode = opts.longShiftMode ?? 'lanes';
  const lh = opts.longShiftHours;
  const choice: LongShiftChoice = lh === undefined ? 'asPlanned' : lh === null || lh === 0 ? 'off' : 'on';
  if (choice === 'on' && (!Number.isFinite(lh) || (lh as number) < 8 || (lh as number) > 16))
    throw new ScenarioInputError([
      msg('longShiftHours', `Langvaktlengde må være mellom 8 og 16 timer (AML § 10-6 (9)), fikk ${nbNum(Number(lh))}`, `Long shift length must be between 8 and 16 hours (AML § 10-6 (9)), got ${lh}`),
    ]);
  const startClock = opts.longShiftStart ?? '08:00';
  if (choice === 'on' && clockToMinutes(startClock) + Math.round((lh as number) * 60) > 1440)
    throw new ScenarioInputError([msg('longShiftStart', `Langvakten fra ${startClock} på ${nbNum(lh as number)} t går over midnatt`, `A long shift from ${startClock} of ${lh} h runs past midnight`)]);

  const ctx = buildContext(plan);
  const notes: Message[] = [];
  if (ctx.D < 7)
    throw new ScenarioInputError([msg('period', `Perioden er ${ctx.D} dager – trenger minst én hel uke`, `The period is ${ctx.D} days – at least one whole week is needed`)]);
  const weeks = ctx.D / 7;
  const minOverlap = plan.rules.weekend.minOverlapMinutes;
  const long = choice === 'on' ? resolveLongShift(plan, ctx, lh as number, startClock) : undefined;
  const dayShift = ctx.shiftTypes.find((s) => s.category === 'day');
  const eveShift = ctx.shiftTypes.find((s) => s.category === 'evening');
  const converted = new Set<string>();

  const days: ProfileDay[] = [];
  // Per weekend (its Saturday): per group, per shift code, the most persons on one day.
  const perWeekend = new Map<number, Map<string, Map<string, { n: number; raw: number }>>>();
  const weekendOf = (d: number, s: number | null): number | null => {
    if (s === null) {
      // A new long shift lies inside its Saturday or Sunday.
      const wd = ctx.days[d].weekday;
      return wd === 5 ? d : wd === 6 ? d - 1 : null;
    }
    const inst = ctx.instance(d, s);
    return inst.weekendSat !== null && inst.weekendMin >= minOverlap ? inst.weekendSat : null;
  };
  const note = (sat: number, group: string, code: string, n: number, raw: number) => {
    let g = perWeekend.get(sat);
    if (!g) perWeekend.set(sat, (g = new Map()));
    let c = g.get(group);
    if (!c) g.set(group, (c = new Map()));
    const cur = c.get(code) ?? { n: 0, raw: 0 };
    c.set(code, { n: Math.max(cur.n, n), raw: Math.max(cur.raw, raw) });
  };

  const hoursBy = new Map<string, { wd: number; we: number; byShift: Record<string, { weekday: number; weekend: number }> }>();
  const addHours = (group: string, code: string, weekend: boolean, h: number) => {
    let a = hoursBy.get(group);
    if (!a) hoursBy.set(group, (a = { wd: 0, we: 0, byShift: {} }));
    const bs = (a.byShift[code] ??= { weekday: 0, weekend: 0 });
    if (weekend) {
      a.we += h / weeks;
      bs.weekend += h / weeks;
    } else {
      a.wd += h / weeks;
      bs.weekday += h / weeks;
    }
  };

  for (let d = 0; d < ctx.D; d++) {
    const info = ctx.days[d];
    const isWeekendDay = info.weekday >= 5;
    const byShift = new Map<number, DemandCell[]>();
    for (const c of ctx.demand[d]) {
      const st = ctx.shiftTypes[c.shift];
      if (!includeNights && st.category === 'night') continue;
      byShift.set(c.shift, [...(byShift.get(c.shift) ?? []), c]);
    }
    // entries: code → {shift index or null for the new long type, hours, counts, raw counts}
    const entries = new Map<string, { s: number | null; hours: number; counts: Record<string, number>; raw: Record<string, number> }>();
    const add = (code: string, s: number | null, hours: number, counts: Record<string, number>, raw?: Record<string, number>) => {
      const e = entries.get(code) ?? { s, hours, counts: {}, raw: {} };
      for (const [g, n] of Object.entries(counts)) {
        e.counts[g] = (e.counts[g] ?? 0) + n;
        e.raw[g] = (e.raw[g] ?? 0) + (raw?.[g] ?? n);
      }
      entries.set(code, e);
    };
    // Long shifts on: per competence the most persons on one converted shift (hours: their hours / length),
    // and for the total the same over all groups; ANY gets the total less the competence lanes.
    const lanes: Record<string, number> = {};
    const laneHours: Record<string, number> = {};
    let totalLanes = 0;
    let totalLaneHours = 0;
    for (const [s, cells] of byShift) {
      const st = ctx.shiftTypes[s];
      const counts = countsOf(cells, level);
      if (Object.keys(counts).length === 0) continue;
      const hours = ctx.instance(d, s).workMin / 60;
      if (isWeekendDay && choice === 'on' && CONVERTIBLE.has(st.category)) {
        converted.add(st.code);
        let total = 0;
        for (const [g, n] of Object.entries(counts)) {
          total += n;
          if (g === ANY) continue;
          lanes[g] = Math.max(lanes[g] ?? 0, n);
          laneHours[g] = (laneHours[g] ?? 0) + n * hours;
        }
        totalLanes = Math.max(totalLanes, total);
        totalLaneHours += total * hours;
        continue;
      }
      if (isWeekendDay && choice === 'off' && st.category === 'long') {
        if (!dayShift || !eveShift)
          throw new ScenarioInputError([
            msg('longOff', `Langvakter av: planen mangler en dagvakt og en kveldsvakt å erstatte langvakt ${st.code} med`, `Long shifts off: the plan has no day and evening shift type to replace long shift ${st.code} with`),
          ]);
        converted.add(st.code);
        add(dayShift.code, dayShift.idx, ctx.instance(d, dayShift.idx).workMin / 60, counts);
        add(eveShift.code, eveShift.idx, ctx.instance(d, eveShift.idx).workMin / 60, counts);
        continue;
      }
      add(st.code, s, hours, counts);
    }
    if (long && totalLanes > 0) {
      const counts: Record<string, number> = {};
      const raw: Record<string, number> = {};
      let specific = 0;
      let specificRaw = 0;
      for (const g of Object.keys(lanes)) {
        raw[g] = mode === 'lanes' ? lanes[g] : laneHours[g] / long.hours;
        counts[g] = Math.ceil(raw[g] - EPS);
        specific += counts[g];
        specificRaw += raw[g];
      }
      const totalRaw = mode === 'lanes' ? totalLanes : totalLaneHours / long.hours;
      const anyCount = Math.max(0, Math.ceil(totalRaw - EPS) - specific);
      if (anyCount > 0) {
        counts[ANY] = anyCount;
        raw[ANY] = Math.max(0, totalRaw - specificRaw);
      }
      const existing = long.reused ? ctx.shiftIndex.get(long.code)! : null;
      add(long.code, existing, long.hours, counts, raw);
    }
    const dayEntries: ProfileEntry[] = [];
    for (const [code, e] of entries) {
      dayEntries.push({ code, hours: e.hours, counts: e.counts });
      const sat = weekendOf(d, e.s);
      for (const [g, n] of Object.entries(e.counts)) {
        addHours(g, code, isWeekendDay, n * e.hours);
        if (sat !== null) note(sat, g, code, n, e.raw[g]);
      }
    }
    days.push({ day: d, date: fromEpochDay(ctx.startEpoch + d), weekday: info.weekday, entries: dayEntries });
  }

  const fullWeekends = ctx.weekends.filter((s) => s >= 0 && s + 1 < ctx.D);
  if (fullWeekends.length === 0)
    throw new ScenarioInputError([msg('weekends', `Perioden ${plan.start}–${plan.end} har ingen hel helg (lørdag og søndag)`, `The period ${plan.start} to ${plan.end} has no whole weekend (Saturday and Sunday)`)]);
  const pw = new Map<string, { n: number; raw: number; values: Set<number> }>();
  for (const sat of fullWeekends) {
    const groups = perWeekend.get(sat);
    const seen = new Set<string>();
    for (const [g, codes] of groups ?? []) {
      let n = 0;
      let raw = 0;
      for (const v of codes.values()) {
        n += v.n;
        raw += v.raw;
      }
      const cur = pw.get(g) ?? { n: 0, raw: 0, values: new Set<number>() };
      cur.values.add(n);
      pw.set(g, { n: Math.max(cur.n, n), raw: Math.max(cur.raw, raw), values: cur.values });
      seen.add(g);
    }
    for (const [g, cur] of pw) if (!seen.has(g)) cur.values.add(0);
  }
  for (const [g, v] of pw)
    if (v.values.size > 1)
      notes.push(
        msg(
          'weekendsDiffer',
          `${g === ANY ? 'Uten kompetansekrav' : g}: helgene i perioden trenger ulikt antall personer (${[...v.values].sort((a, b) => a - b).join(', ')}); regnet med den tyngste (${v.n})`,
          `${g === ANY ? 'Any competence' : g}: the weekends of the period need different numbers of people (${[...v.values].sort((a, b) => a - b).join(', ')}); the heaviest (${v.n}) is used`,
        ),
      );

  const groups: GroupProfile[] = [...new Set([...hoursBy.keys(), ...pw.keys()])].sort(groupOrder).map((g) => {
    const a = hoursBy.get(g) ?? { wd: 0, we: 0, byShift: {} };
    const p = pw.get(g);
    return { group: g, weekdayHours: a.wd, weekendHours: a.we, weekendPersons: p?.n ?? 0, weekendPersonsRaw: p?.raw ?? 0, byShift: a.byShift };
  });
  const total = groups.reduce((s, g) => s + g.weekdayHours + g.weekendHours, 0);
  if (total <= EPS) {
    const lines = plan.demand.length;
    throw new ScenarioInputError([
      lines === 0
        ? msg('demand', 'Planen har ingen bemanningsplan (demand) – det er ingen timer å regne på', 'The plan has no staffing plan (demand) – there are no hours to compute with')
        : msg('demand', `Bemanningsplanen (${lines} linjer) gir 0 timer per uke${includeNights ? '' : ' uten nattevakter'}`, `The staffing plan (${lines} lines) gives 0 hours per week${includeNights ? '' : ' without night shifts'}`),
    ]);
  }
  if (choice === 'on' && converted.size === 0)
    notes.push(msg('noConversion', 'Langvakter på: ingen dag-/kveldsvakter i helgene å erstatte', 'Long shifts on: no weekend day/evening shifts to replace'));
  if (choice === 'off' && converted.size === 0)
    notes.push(msg('noLongShifts', 'Langvakter av: planen har ingen langvakter i helgene', 'Long shifts off: the plan has no weekend long shifts'));

  return {
    unit: plan.unit,
    start: plan.start,
    end: plan.end,
    weeks,
    level,
    includeNights,
    longShifts: choice,
    longShiftMode: mode,
    longShift: long,
    converted: [...converted],
    groups,
    weekendsMeasured: fullWeekends.length,
    days,
    notes,
  };
}
