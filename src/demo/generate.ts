/**
 * The deterministic demo dataset: Fjordvik kommune with four units, their calendar plans and
 * several years of absence history. Every random choice comes from a sub-stream of the seed
 * named after what it decides (`staff:sol-01`, `absence:sol-01`, `vacation:sol-01:2026` …),
 * so the same options always give byte-identical JSON, and changing one part (say the plan
 * length) does not reshuffle the others.
 */
import { PlanSchema, type Absence, type EmployeeInput, type Demand, type Plan, type Wish } from '../core/model/plan.js';
import type { AbsenceKind } from '../core/model/primitives.js';
import { ageOn, fromEpochDay, isLocalDate, toEpochDay, weekdayOfEpochDay, type LocalDate, WEEKDAY_KEYS } from '../core/time/localDate.js';
import { holidayOn } from '../core/calendar/holidays.js';
import { Rng } from './random.js';
import { NamePicker } from './names.js';
import { AGE_RANGES, UNIT_TEMPLATES, type StaffSlot, type UnitTemplate } from './units.js';
import { AbsenceCalendar, BURN_IN_DAYS, drawRisk, simulatePerson, type PersonRisk, type Spell } from './absenceModel.js';
import { vacationsInPeriod } from './vacation.js';
import { generateWishes, shiftKind, shiftsByWeekday } from './wishes.js';
import type { AbsenceRecord, DemoDataset, DemoOptions, DemoStaffProfile, DemoUnit } from './types.js';

export const DEFAULT_OPTIONS = { seed: 2027, start: '2027-01-04', weeks: 6, historyYears: 3 } as const satisfies Required<DemoOptions>;

export const ORGANISATION = { id: 'fjordvik', name: 'Fjordvik kommune' } as const;

export interface ResolvedDemoOptions {
  seed: number;
  start: LocalDate;
  weeks: number;
  historyYears: number;
  /** Last day of the plans. */
  end: LocalDate;
  /** First day of the absence history (same calendar date `historyYears` years before `start`). */
  historyStart: LocalDate;
}

export function resolveOptions(opts: DemoOptions = {}): ResolvedDemoOptions {
  const seed = opts.seed ?? DEFAULT_OPTIONS.seed;
  const start = opts.start ?? DEFAULT_OPTIONS.start;
  const weeks = opts.weeks ?? DEFAULT_OPTIONS.weeks;
  const historyYears = opts.historyYears ?? DEFAULT_OPTIONS.historyYears;
  if (!Number.isInteger(seed)) throw new RangeError(`demo seed must be an integer, got ${seed}`);
  if (!isLocalDate(start)) throw new RangeError(`demo start must be a date YYYY-MM-DD, got ${start}`);
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52) throw new RangeError(`demo weeks must be 1–52, got ${weeks}`);
  if (!Number.isInteger(historyYears) || historyYears < 0 || historyYears > 20) throw new RangeError(`demo historyYears must be 0–20, got ${historyYears}`);
  const s = toEpochDay(start);
  const y = Number(start.slice(0, 4)) - historyYears;
  let historyStart = `${String(y).padStart(4, '0')}${start.slice(4)}`;
  if (!isLocalDate(historyStart)) historyStart = `${String(y).padStart(4, '0')}-02-28`; // from 29 February
  return { seed, start, weeks, historyYears, end: fromEpochDay(s + weeks * 7 - 1), historyStart };
}

/** One generated employee with everything the generator and the truth model need. */
export interface StaffMember {
  template: UnitTemplate;
  slot: StaffSlot;
  employee: EmployeeInput;
  profile: DemoStaffProfile;
  risk: PersonRisk;
  youth: boolean;
}

export interface DemoWorld {
  options: ResolvedDemoOptions;
  root: Rng;
  calendar: AbsenceCalendar;
  units: Array<{ template: UnitTemplate; staff: StaffMember[] }>;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function birthDateFor(rng: Rng, slot: StaffSlot, o: ResolvedDemoOptions): LocalDate {
  const [lo, hi] = slot.youth ? [17, 17] : (slot.age ?? AGE_RANGES[slot.competence]);
  const s = toEpochDay(o.start);
  for (let attempt = 0; attempt < 100; attempt++) {
    const age = rng.int(lo, hi);
    const birth = fromEpochDay(s - Math.floor((age + 0.005 + rng.next() * 0.99) * 365.25));
    const a0 = ageOn(birth, o.start);
    const a1 = ageOn(birth, o.end);
    if (a0 < lo || a0 > hi) continue;
    if (slot.youth && a1 !== 17) continue; // stays 17 through the plan: youth rules apply throughout
    if (a1 > 66) continue; // nobody reaches 67 during the plan
    return birth;
  }
  return fromEpochDay(s - Math.floor((lo + 0.5) * 365.25));
}

const DESIRED_STEPS = [50, 60, 75, 80, 100] as const;

function buildMember(root: Rng, names: NamePicker, t: UnitTemplate, slot: StaffSlot, index: number, o: ResolvedDemoOptions, substituteFor?: string): StaffMember {
  const id = `${t.prefix}-${pad2(index + 1)}`;
  const rng = root.fork(`staff:${id}`);
  const pattern = slot.pattern ?? 'rotating';
  const female = rng.chance(t.femaleShare);
  const name = names.next(female ? 'f' : 'm', { norwegianOnly: slot.youth });
  const birthDate = birthDateFor(rng, slot, o);
  const age = ageOn(birthDate, o.start);
  const hasNights = t.shiftTypes.some((st) => shiftKind(st) === 'night');
  const hasLong = t.shiftTypes.some((st) => shiftKind(st) === 'long');

  let canWorkNights: boolean;
  if (slot.youth) canWorkNights = false;
  else if (pattern === 'fixedNights') canWorkNights = true;
  else if (pattern === 'weekendOnly') canWorkNights = rng.chance(0.4);
  else if (age >= 60) canWorkNights = rng.chance(0.55);
  else canWorkNights = rng.chance(0.9);
  if (!hasNights && !slot.youth) canWorkNights = rng.chance(0.6); // home care: asked, but no night shifts here

  let canWorkLongShifts: boolean | undefined;
  if (hasLong) {
    if (slot.youth) canWorkLongShifts = false;
    else if (pattern === 'fixedNights') canWorkLongShifts = rng.chance(0.5);
    else canWorkLongShifts = rng.chance(t.longShiftShare);
  }

  let desiredPositionPercent: number | undefined;
  if (pattern !== 'weekendOnly' && !slot.youth && !slot.substitute && slot.positionPercent < 100 && rng.chance(0.55)) {
    const steps = DESIRED_STEPS.filter((p) => p >= slot.positionPercent + 10);
    if (steps.length) desiredPositionPercent = rng.weighted(steps.map((p) => [p, p === 100 ? 3 : 2] as const));
  }

  // Employment start: most have been there for years; students, vikarer and the young recently.
  const s = toEpochDay(o.start);
  const birth = toEpochDay(birthDate);
  const minHireAge = slot.youth || pattern === 'weekendOnly' ? 16 : 19;
  let hired: number;
  if (slot.youth) hired = s - rng.int(120, 300);
  else if (slot.substitute) hired = s - rng.int(7, 21);
  else if (pattern === 'weekendOnly') hired = s - rng.int(150, 900);
  else if (slot.contract && slot.contract !== 'permanent') hired = s - rng.int(60, 700);
  else if (rng.chance(0.82)) hired = s - Math.floor(365.25 * (3.3 + rng.next() * Math.max(0, Math.min(25, age - minHireAge) - 3.3)));
  else hired = s - rng.int(90, 3 * 365);
  hired = Math.min(s - 1, Math.max(hired, birth + Math.ceil(minHireAge * 365.25)));

  const risk = drawRisk(root.fork(`risk:${id}`), age);
  const employee: EmployeeInput = {
    id,
    name,
    competences: [slot.competence],
    positionPercent: slot.positionPercent,
    contract: slot.contract ?? 'permanent',
    homeUnit: t.id,
    ...(canWorkLongShifts !== undefined ? { canWorkLongShifts } : {}),
    canWorkNights,
    birthDate,
    ...(desiredPositionPercent !== undefined ? { desiredPositionPercent } : {}),
  };
  return {
    template: t,
    slot,
    employee,
    youth: !!slot.youth,
    profile: { employee: id, pattern, employedFrom: fromEpochDay(hired), ...(substituteFor ? { substituteFor } : {}) },
    risk: {
      employee: id,
      unit: t.id,
      unitKind: t.kind,
      competence: slot.competence,
      birthEpochDay: birth,
      employedFromEpochDay: hired,
      ...risk,
    },
  };
}

/** Everything random except the absence spells: staff, traits, latent risks and the calendar. */
export function buildWorld(opts: DemoOptions = {}): DemoWorld {
  const options = resolveOptions(opts);
  const root = new Rng(options.seed);
  const names = new NamePicker(root.fork('names'));
  const calendar = new AbsenceCalendar(root.fork('absence-calendar'));
  const units = UNIT_TEMPLATES.map((template) => {
    const staff: StaffMember[] = [];
    template.staff.forEach((slot, i) => {
      const onLeave = slot.substitute ? template.staff.findIndex((x) => x.parentalLeaveFromDay !== undefined) : -1;
      const substituteFor = onLeave >= 0 ? `${template.prefix}-${pad2(onLeave + 1)}` : undefined;
      staff.push(buildMember(root, names, template, slot, i, options, substituteFor));
    });
    return { template, staff };
  });
  return { options, root, calendar, units };
}

/** Spells of the process for one member, from burn-in until the day before the plans start. */
export function simulateMember(world: DemoWorld, m: StaffMember): Spell[] {
  const o = world.options;
  const from = Math.max(toEpochDay(o.historyStart) - BURN_IN_DAYS, m.risk.employedFromEpochDay);
  return simulatePerson(m.risk, world.calendar, world.root.fork(`absence:${m.employee.id}`), from, toEpochDay(o.start) - 1);
}

/**
 * Staffing-plan lines for weekday public holidays: they are staffed like a Sunday. A date line
 * overrides the weekday line of the same shift and competence; lines that only exist on
 * weekdays get a zero line for the holidays.
 */
function holidayDemand(demand: readonly Demand[], holidays: LocalDate[]): Demand[] {
  if (!holidays.length) return [];
  const covers = (d: Demand, day: (typeof WEEKDAY_KEYS)[number]) => (d.days ?? WEEKDAY_KEYS).includes(day);
  const key = (d: Demand) => `${d.shift}|${d.competence ?? ''}`;
  const out: Demand[] = [];
  const seen = new Set<string>();
  for (const d of demand) {
    const k = key(d);
    if (seen.has(k) || d.dates) continue;
    seen.add(k);
    const sunday = demand.find((x) => key(x) === k && !x.dates && covers(x, 'sun'));
    if (sunday && WEEKDAY_KEYS.every((w) => covers(sunday, w))) continue; // the same every day
    out.push({
      shift: d.shift,
      dates: [...holidays],
      min: sunday?.min ?? 0,
      target: sunday ? (sunday.target ?? sunday.min) : 0,
      ...(d.competence ? { competence: d.competence } : {}),
    });
  }
  return out;
}

const ABSENCE_PRIORITY: Partial<Record<AbsenceKind, number>> = {
  parental_leave: 6,
  doctor_certified: 5,
  vacation: 4,
  course: 3,
  leave: 2,
};

function buildPlan(world: DemoWorld, unit: DemoWorld['units'][number], ongoing: Map<string, Spell>): { plan: Plan; profiles: DemoStaffProfile[] } {
  const o = world.options;
  const t = unit.template;
  const s = toEpochDay(o.start);
  const e = toEpochDay(o.end);
  const days: number[] = [];
  for (let d = s; d <= e; d++) days.push(d);

  // Known absences, as a day map per person with priorities, then compressed into spans.
  const dayKind = new Map<string, Map<number, AbsenceKind>>();
  const mark = (emp: string, from: number, to: number, kind: AbsenceKind) => {
    let m = dayKind.get(emp);
    if (!m) dayKind.set(emp, (m = new Map()));
    for (let d = Math.max(from, s); d <= Math.min(to, e); d++) {
      const prev = m.get(d);
      if (!prev || (ABSENCE_PRIORITY[prev] ?? 0) < (ABSENCE_PRIORITY[kind] ?? 0)) m.set(d, kind);
    }
  };
  for (const m of unit.staff) {
    const id = m.employee.id;
    if (m.slot.parentalLeaveFromDay !== undefined) mark(id, s + m.slot.parentalLeaveFromDay, s + m.slot.parentalLeaveFromDay + 49 * 7 - 1, 'parental_leave');
    const sp = ongoing.get(id);
    if (sp && sp.kind === 'doctor_certified') mark(id, s, sp.to, 'doctor_certified');
    const traits = { birthYear: Number(m.employee.birthDate!.slice(0, 4)), parent: m.risk.parent, weekendOnly: m.profile.pattern === 'weekendOnly' };
    for (const v of vacationsInPeriod((y) => world.root.fork(`vacation:${id}:${y}`), traits, o.start, o.end)) mark(id, v.from, v.to, 'vacation');
  }
  // Courses and welfare leave: a few planned days in the period.
  const prng = world.root.fork(`planned:${t.id}:${o.start}`);
  const rotating = unit.staff.filter((m) => m.profile.pattern !== 'weekendOnly' && !m.youth);
  const weekdays = days.filter((d) => weekdayOfEpochDay(d) >= 1 && weekdayOfEpochDay(d) <= 3);
  if (rotating.length && weekdays.length) {
    for (const m of prng.shuffle(rotating).slice(0, Math.min(2, rotating.length))) {
      const d = prng.pick(weekdays);
      mark(m.employee.id, d, d + prng.int(0, 1), 'course');
    }
    const m = prng.pick(rotating);
    const d = prng.pick(days);
    mark(m.employee.id, d, d, 'leave');
  }
  const absences: Absence[] = [];
  const unavailable = new Map<string, Set<number>>();
  for (const m of unit.staff) {
    const id = m.employee.id;
    const map = dayKind.get(id);
    if (!map) continue;
    unavailable.set(id, new Set(map.keys()));
    let cur: Absence | null = null;
    for (const d of days) {
      const k = map.get(d);
      if (cur && k === cur.kind && toEpochDay(cur.to) === d - 1) cur.to = fromEpochDay(d);
      else if (k) absences.push((cur = { employee: id, from: fromEpochDay(d), to: fromEpochDay(d), kind: k }));
      else cur = null;
    }
  }

  const holidays = days.filter((d) => weekdayOfEpochDay(d) < 5 && holidayOn(fromEpochDay(d))).map(fromEpochDay);
  const demand: Demand[] = [...t.demand.map((d) => ({ ...d, ...(d.days ? { days: [...d.days] } : {}) })), ...holidayDemand(t.demand, holidays)];

  const byWeekday = shiftsByWeekday(t.demand);
  const wishes: Wish[] = [];
  for (const m of unit.staff) {
    const w = generateWishes(
      world.root.fork(`wishes:${m.employee.id}:${o.start}`),
      {
        id: m.employee.id,
        pattern: m.profile.pattern,
        canWorkNights: m.employee.canWorkNights ?? true,
        canWorkLongShifts: m.employee.canWorkLongShifts ?? false,
        youth: m.youth,
      },
      t.shiftTypes,
      byWeekday,
      days,
      unavailable.get(m.employee.id) ?? new Set(),
    );
    wishes.push(...w);
  }
  wishes.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.employee < b.employee ? -1 : a.employee > b.employee ? 1 : 0));

  const plan = PlanSchema.parse({
    unit: t.name,
    start: o.start,
    end: o.end,
    planningForm: 'calendar',
    shiftTypes: t.shiftTypes.map((st) => ({ ...st })),
    employees: unit.staff.map((m) => m.employee),
    demand,
    absences,
    wishes,
    rules: t.rules,
    assignments: [],
  });
  return { plan, profiles: unit.staff.map((m) => m.profile) };
}

/** Generates the demo dataset. Same options ⇒ byte-identical `JSON.stringify` output. */
export function generateDemo(opts: DemoOptions = {}): DemoDataset {
  const world = buildWorld(opts);
  const o = world.options;
  const hs = toEpochDay(o.historyStart);
  const s = toEpochDay(o.start);
  const history: AbsenceRecord[] = [];
  const ongoing = new Map<string, Spell>();
  for (const unit of world.units) {
    for (const m of unit.staff) {
      for (const sp of simulateMember(world, m)) {
        if (sp.to >= s) ongoing.set(m.employee.id, sp);
        if (sp.to < hs) continue;
        history.push({
          employee: m.employee.id,
          unit: unit.template.id,
          from: fromEpochDay(Math.max(sp.from, hs)),
          to: fromEpochDay(Math.min(sp.to, s - 1)),
          kind: sp.kind,
        });
      }
    }
  }
  history.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.employee < b.employee ? -1 : a.employee > b.employee ? 1 : 0));

  const units: DemoUnit[] = world.units.map((u) => {
    const { plan, profiles } = buildPlan(world, u, ongoing);
    return {
      id: u.template.id,
      name: u.template.name,
      kind: u.template.kind,
      serviceArea: u.template.serviceArea,
      ...(u.template.beds !== undefined ? { beds: u.template.beds } : {}),
      plan,
      staffProfiles: profiles,
    };
  });
  return { organisation: { ...ORGANISATION }, units, absenceHistory: history };
}

/**
 * The absences that happen after the plans start: the same process as the history, continued
 * for `days` days (spells starting from `start` on, clipped to the window). The "future" a
 * replay lives through; the history of `generateDemo` with the same options is its past.
 */
export function futureAbsences(opts: DemoOptions, days: number): AbsenceRecord[] {
  const world = buildWorld(opts);
  const s = toEpochDay(world.options.start);
  const end = s + days - 1;
  const out: AbsenceRecord[] = [];
  for (const unit of world.units) {
    for (const m of unit.staff) {
      const from = Math.max(toEpochDay(world.options.historyStart) - BURN_IN_DAYS, m.risk.employedFromEpochDay);
      for (const sp of simulatePerson(m.risk, world.calendar, world.root.fork(`absence:${m.employee.id}`), from, end)) {
        if (sp.from < s || sp.from > end) continue;
        out.push({ employee: m.employee.id, unit: unit.template.id, from: fromEpochDay(sp.from), to: fromEpochDay(Math.min(sp.to, end)), kind: sp.kind });
      }
    }
  }
  return out.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.employee < b.employee ? -1 : 1));
}
