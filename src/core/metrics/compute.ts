/**
 * The metrics of one scope (a unit, a service area, the organisation) as of one date.
 *
 * Stock figures (headcount, FTE, average position, full-time shares, the distribution) are the
 * positions held ON the date. Flow figures (weekend hours, hired hours, sick leave, planned vs
 * actual, prediction shifts, wishes) count the window ending on the date (default the 365 days up
 * to and including it). The rota figures reuse the checker's own pieces: `buildContext` (shift
 * instances as real Europe/Oslo instants), `rowsFromAssignments`, `workIn` and WISH-01's
 * `wishFulfilment`.
 */
import { buildContext, type EvalContext } from '../eval/context.js';
import { rowsFromAssignments } from '../eval/checker.js';
import { FREE, workIn } from '../eval/line.js';
import { wishFulfilment } from '../rules/wish01Wishes.js';
import { fullTimeCounts } from '../heltid/scenario.js';
import { msg, round, nbNum, enNum } from '../heltid/messages.js';
import type { Plan } from '../model/plan.js';
import type { AbsenceKind, ContractType } from '../model/primitives.js';
import { addDays, isLocalDate, toEpochDay, type LocalDate } from '../time/localDate.js';
import { DEFINITIONS as DEF, POSITION_BUCKETS, SMALL_POSITION_PERCENT } from './definitions.js';
import {
  ACTUAL_COVER_KINDS,
  MetricsInputError,
  type ActualCoverKind,
  type Figure,
  type FigureUnit,
  type Message,
  type MetricsEmployee,
  type MetricsInput,
  type MetricsOptions,
  type MetricsSnapshot,
  type Scope,
  type Text,
} from './types.js';

const EPS = 1e-6;
const DEFAULT_CONTRACTS: readonly ContractType[] = ['permanent', 'temporary'];
const DEFAULT_SICK_KINDS: readonly AbsenceKind[] = ['self_certified', 'doctor_certified'];
/** Days the person is not expected at work: left out of the sick-leave denominator. */
const AWAY_KINDS: readonly AbsenceKind[] = ['vacation', 'parental_leave', 'leave'];
/** When absences overlap, the first kind in this order counts for the day. */
const KIND_PRIORITY: readonly AbsenceKind[] = ['doctor_certified', 'self_certified', 'sick_child', 'parental_leave', 'leave', 'vacation', 'course'];
const KIND_TEXT: Record<AbsenceKind, Text> = {
  self_certified: { nb: 'egenmeldt', en: 'self-certified' },
  doctor_certified: { nb: 'legemeldt', en: 'doctor-certified' },
  sick_child: { nb: 'barns sykdom', en: 'sick child' },
  vacation: { nb: 'ferie', en: 'vacation' },
  parental_leave: { nb: 'foreldrepermisjon', en: 'parental leave' },
  leave: { nb: 'permisjon', en: 'leave' },
  course: { nb: 'kurs', en: 'course' },
};
export const UNKNOWN_COMPETENCE = 'unknown';

// ---------------------------------------------------------------- figures

function fig(key: string, unit: FigureUnit, definition: Text, value: number, parts: { numerator?: number; denominator?: number } = {}): Figure {
  return { key, value: unit === 'persons' || unit === 'shifts' ? value : round(value, 2), unit, definition, ...parts };
}

function none(key: string, unit: FigureUnit, definition: Text, reason: Message): Figure {
  return { key, value: null, unit, definition, reason };
}

/** numerator / denominator × 100, or null with the reason when the denominator is 0. */
function pct(key: string, definition: Text, numerator: number, denominator: number, reasonIfEmpty: Message): Figure {
  if (!(denominator > EPS)) return { ...none(key, 'percent', definition, reasonIfEmpty), numerator: round(numerator, 4), denominator: round(denominator, 4) };
  return fig(key, 'percent', definition, (100 * numerator) / denominator, { numerator: round(numerator, 4), denominator: round(denominator, 4) });
}

const R = {
  noEmployees: msg('noEmployees', 'Ingen ansatte er registrert i enheten(e) i utvalget', 'No employees are registered in the unit(s) of the scope'),
  noPositions: (date: LocalDate) =>
    msg('noPositions', `Ingen personer med stilling i utvalget ${date}`, `No persons holding a position in the scope on ${date}`),
  weekendOnlyNotRegistered: msg(
    'weekendOnlyNotRegistered',
    'Ingen av stillingene i utvalget er registrert med eller uten helgestilling (weekendOnly mangler)',
    'None of the positions in the scope is registered as weekend-only or not (weekendOnly is missing)',
  ),
  noPlans: msg('noPlans', 'Ingen vaktplan for utvalget overlapper perioden', 'No rota plan of the scope overlaps the window'),
  noPlanPeople: msg('noPlanPeople', 'Vaktplanene i perioden har ingen ansatte', 'The rota plans in the window have no employees'),
  hiredMissing: msg('hiredMissing', 'Innleie, ekstravakter og overtid er ikke registrert (hired mangler)', 'Agency hours, extra shifts and overtime are not registered (hired is missing)'),
  absencesMissing: msg('absencesMissing', 'Fraværet er ikke registrert (absences mangler)', 'Absence is not registered (absences is missing)'),
  noAvailableDays: msg(
    'noAvailableDays',
    'Ingen persondager med stilling (utenom ferie og permisjon) i utvalget i perioden',
    'No person-days holding a position (outside vacation and leave) in the scope in the window',
  ),
  actualsMissing: msg('actualsMissing', 'Faktisk bemanning er ikke registrert (actuals mangler)', 'Actual staffing is not registered (actuals is missing)'),
  noActuals: msg('noActuals', 'Ingen registrert faktisk bemanning for utvalget i perioden', 'No actual staffing recorded for the scope in the window'),
  noPlannedShifts: msg('noPlannedShifts', 'Ingen planlagte vakter i faktisk-listen i perioden', 'No planned shifts in the actuals in the window'),
  noCovers: msg('noCovers', 'Ingen dekkede fravær i perioden', 'No covered absences in the window'),
  unknownCompetence: (n: number) =>
    msg('unknownCompetence', `Kompetansen til den planlagte personen er ukjent for alle ${n} dekninger`, `The planned person's competence is unknown for all ${n} covers`),
  noPredictionPlanned: msg('noPredictionPlanned', 'Ingen prediksjonsvakter planlagt i perioden', 'No prediction shifts planned in the window'),
  noWishes: msg('noWishes', 'Ingen ønsker med dato i perioden i planene', "No wishes dated in the window in the plans"),
};

// ---------------------------------------------------------------- scope, window, plans

export interface ResolvedScope {
  kind: Scope['kind'];
  id: string | null;
  name: Text;
  unitIds: Set<string>;
}

export function resolveScope(input: MetricsInput, scope: Scope): ResolvedScope {
  if (scope.kind === 'organisation')
    return { kind: 'organisation', id: null, name: { nb: 'Hele organisasjonen', en: 'The whole organisation' }, unitIds: new Set(input.units.map((u) => u.id)) };
  if (scope.kind === 'unit') {
    const u = input.units.find((x) => x.id === scope.id);
    if (!u) throw new MetricsInputError([msg('scope', `Enheten «${scope.id ?? ''}» finnes ikke`, `The unit "${scope.id ?? ''}" does not exist`)]);
    return { kind: 'unit', id: u.id, name: { nb: u.name, en: u.name }, unitIds: new Set([u.id]) };
  }
  if (scope.kind === 'serviceArea') {
    const units = input.units.filter((x) => x.serviceArea === scope.id);
    if (units.length === 0)
      throw new MetricsInputError([msg('scope', `Tjenesteområdet «${scope.id ?? ''}» har ingen enheter`, `The service area "${scope.id ?? ''}" has no units`)]);
    return { kind: 'serviceArea', id: scope.id!, name: { nb: `Tjenesteområde ${scope.id}`, en: `Service area ${scope.id}` }, unitIds: new Set(units.map((u) => u.id)) };
  }
  throw new MetricsInputError([msg('scope', `Ukjent utvalg «${String((scope as Scope).kind)}»`, `Unknown scope "${String((scope as Scope).kind)}"`)]);
}

export function checkDate(date: LocalDate, what: string): void {
  if (typeof date !== 'string' || !isLocalDate(date))
    throw new MetricsInputError([msg(what, `${what}: «${date}» er ikke en dato ÅÅÅÅ-MM-DD`, `${what}: "${date}" is not a date YYYY-MM-DD`)]);
}

function resolveWindow(date: LocalDate, opts: MetricsOptions): { from: LocalDate; to: LocalDate; days: number } {
  if (opts.windowFrom !== undefined) {
    checkDate(opts.windowFrom, 'windowFrom');
    if (opts.windowFrom > date)
      throw new MetricsInputError([msg('windowFrom', `Perioden starter ${opts.windowFrom}, etter datoen ${date}`, `The window starts ${opts.windowFrom}, after the date ${date}`)]);
    return { from: opts.windowFrom, to: date, days: toEpochDay(date) - toEpochDay(opts.windowFrom) + 1 };
  }
  const days = opts.windowDays ?? 365;
  if (!Number.isInteger(days) || days < 1 || days > 3660)
    throw new MetricsInputError([msg('windowDays', `Periodelengden må være 1–3660 dager, fikk ${days}`, `The window must be 1–3660 days, got ${days}`)]);
  return { from: addDays(date, -(days - 1)), to: date, days };
}

const compiledPlans = new WeakMap<Plan, { ctx: EvalContext; rows: Int16Array[] }>();

/** The plan compiled once (context and rota rows), reused across dates and trends. */
function compiled(plan: Plan): { ctx: EvalContext; rows: Int16Array[] } {
  let c = compiledPlans.get(plan);
  if (!c) {
    const ctx = buildContext(plan);
    c = { ctx, rows: rowsFromAssignments(ctx, plan) };
    compiledPlans.set(plan, c);
  }
  return c;
}

/** The unit a plan belongs to: `plan.unit` matched against the unit ids, then the unit names. */
export function planUnitId(input: MetricsInput, plan: Plan): string | null {
  return input.units.find((u) => u.id === plan.unit)?.id ?? input.units.find((u) => u.name === plan.unit)?.id ?? null;
}

interface PlanSlice {
  plan: Plan;
  unitId: string;
  ctx: EvalContext;
  rows: Int16Array[];
  /** Day indices of the plan inside the window. */
  d0: number;
  d1: number;
}

function plansInWindow(input: MetricsInput, unitIds: Set<string>, from: LocalDate, to: LocalDate, warnings: Message[]): PlanSlice[] {
  const out: PlanSlice[] = [];
  const byUnit = new Map<string, Plan[]>();
  for (const plan of input.plans) {
    const unit = planUnitId(input, plan);
    if (unit === null) {
      warnings.push(msg('planUnit', `Planen for «${plan.unit}» (${plan.start}–${plan.end}) hører ikke til noen kjent enhet og er utelatt`, `The plan for "${plan.unit}" (${plan.start}–${plan.end}) belongs to no known unit and is left out`));
      continue;
    }
    if (!unitIds.has(unit)) continue;
    const a = plan.start > from ? plan.start : from;
    const b = plan.end < to ? plan.end : to;
    if (a > b) continue;
    for (const other of byUnit.get(unit) ?? [])
      if (other.start <= b && other.end >= a && plan.start <= other.end && plan.end >= other.start)
        warnings.push(
          msg(
            'plansOverlap',
            `To planer for enhet ${unit} overlapper (${other.start}–${other.end} og ${plan.start}–${plan.end}): vaktene telles i begge`,
            `Two plans of unit ${unit} overlap (${other.start}–${other.end} and ${plan.start}–${plan.end}): their shifts count in both`,
          ),
        );
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), plan]);
    const { ctx, rows } = compiled(plan);
    out.push({ plan, unitId: unit, ctx, rows, d0: toEpochDay(a) - ctx.startEpoch, d1: toEpochDay(b) - ctx.startEpoch });
  }
  return out;
}

const validOn = (e: MetricsEmployee, date: LocalDate) => (e.validFrom === undefined || e.validFrom <= date) && (e.validTo === undefined || e.validTo >= date);
const holdsPosition = (e: MetricsEmployee, contracts: readonly ContractType[]) => e.positionPercent > 0 && contracts.includes(e.contract ?? 'permanent');

// ---------------------------------------------------------------- stock: positions on the date

interface Person {
  id: string;
  percent: number;
  largest: number;
  competence: string | null;
  weekendOnlyAll: boolean;
}

function positionFigures(input: MetricsInput, date: LocalDate, unitIds: Set<string>, contracts: readonly ContractType[], warnings: Message[]): MetricsSnapshot['positions'] {
  const persons = new Map<string, Person>();
  const hourly = new Set<string>();
  let flagRegistered = false;
  for (const e of input.employees) {
    if (!unitIds.has(e.unitId) || !validOn(e, date)) continue;
    if (!holdsPosition(e, contracts)) {
      if (e.contract === 'hourly') hourly.add(e.id);
      continue;
    }
    if (e.weekendOnly !== undefined) flagRegistered = true;
    const p = persons.get(e.id);
    if (!p) persons.set(e.id, { id: e.id, percent: e.positionPercent, largest: e.positionPercent, competence: e.competence ?? null, weekendOnlyAll: e.weekendOnly === true });
    else {
      p.percent += e.positionPercent;
      if (e.positionPercent > p.largest) {
        p.largest = e.positionPercent;
        p.competence = e.competence ?? p.competence;
      } else if (p.competence === null) p.competence = e.competence ?? null;
      p.weekendOnlyAll = p.weekendOnlyAll && e.weekendOnly === true;
    }
  }
  for (const id of persons.keys()) hourly.delete(id);
  const list = [...persons.values()];
  for (const p of list)
    if (p.percent > 100 + EPS)
      warnings.push(msg('above100', `${p.id} har ${nbNum(p.percent)} % stilling i utvalget ${date} (over 100 %)`, `${p.id} holds ${enNum(p.percent)} % in the scope on ${date} (above 100 %)`));

  const n = list.length;
  const sum = list.reduce((s, p) => s + p.percent, 0);
  const empty = R.noPositions(date);
  // No record at all for the scope: the register is missing, not empty.
  const registered = input.employees.some((e) => unitIds.has(e.unitId));
  const ft = fullTimeCounts(list.map((p) => p.percent));
  const byComp: Record<string, Figure> = {};
  const comps = new Map<string, Person[]>();
  for (const p of list) {
    const c = p.competence ?? UNKNOWN_COMPETENCE;
    comps.set(c, [...(comps.get(c) ?? []), p]);
  }
  for (const [c, ps] of [...comps.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const s = ps.reduce((x, p) => x + p.percent, 0);
    byComp[c] = fig(`averagePositionByCompetence.${c}`, 'percent', DEF.averagePositionByCompetence(c), s / ps.length, { numerator: round(s, 4), denominator: ps.length });
  }
  const inBucket = (p: number, b: (typeof POSITION_BUCKETS)[number]) => (b.min === b.max ? p >= b.min - EPS : p >= b.min - EPS && p < b.max - EPS);
  return {
    headcount: registered ? fig('headcount', 'persons', DEF.headcount, n) : none('headcount', 'persons', DEF.headcount, R.noEmployees),
    hourlyHeadcount: registered ? fig('hourlyHeadcount', 'persons', DEF.hourlyHeadcount, hourly.size) : none('hourlyHeadcount', 'persons', DEF.hourlyHeadcount, R.noEmployees),
    fte: registered ? fig('fte', 'fte', DEF.fte, sum / 100) : none('fte', 'fte', DEF.fte, R.noEmployees),
    averagePosition: n > 0 ? fig('averagePosition', 'percent', DEF.averagePosition, sum / n, { numerator: round(sum, 4), denominator: n }) : none('averagePosition', 'percent', DEF.averagePosition, empty),
    averagePositionByCompetence: byComp,
    fullTimeShare: {
      percent100: pct('fullTimeShare.percent100', DEF.fullTime100, ft.percent100, n, empty),
      atLeast80: pct('fullTimeShare.atLeast80', DEF.fullTime80, ft.atLeast80, n, empty),
      above90: pct('fullTimeShare.above90', DEF.fullTime90, ft.above90, n, empty),
    },
    distribution: POSITION_BUCKETS.map((b) => {
      const count = list.filter((p) => inBucket(p.percent, b)).length;
      return {
        bucket: b,
        count: n > 0 ? fig(`distribution.${b.key}.count`, 'persons', DEF.bucketCount(b), count) : none(`distribution.${b.key}.count`, 'persons', DEF.bucketCount(b), empty),
        share: pct(`distribution.${b.key}.share`, DEF.bucketShare(b), count, n, empty),
      };
    }),
    weekendOnly:
      n === 0
        ? none('weekendOnly', 'persons', DEF.weekendOnly, empty)
        : flagRegistered
          ? fig('weekendOnly', 'persons', DEF.weekendOnly, list.filter((p) => p.weekendOnlyAll).length)
          : none('weekendOnly', 'persons', DEF.weekendOnly, R.weekendOnlyNotRegistered),
    small: n > 0 ? fig('small', 'persons', DEF.small, list.filter((p) => p.percent < SMALL_POSITION_PERCENT - EPS).length) : none('small', 'persons', DEF.small, empty),
  };
}

// ---------------------------------------------------------------- flows over the window

function planFigures(slices: PlanSlice[]): {
  weekend: Figure;
  predictionPlanned: number | null;
  wishes: MetricsSnapshot['wishes'];
} {
  let weekendMin = 0;
  let personDays = 0;
  let predictionPlanned = 0;
  const wishAcc = new Map<string, { met: number; total: number }>();
  for (const { plan, ctx, rows, d0, d1 } of slices) {
    personDays += ctx.employees.length * (d1 - d0 + 1);
    const isPrediction = plan.shiftTypes.map((s) => s.predictionFor !== undefined);
    const windowCtx: EvalContext = { ...ctx, wishes: ctx.wishes.map((ws) => ws.filter((w) => w.day >= d0 && w.day <= d1)) };
    for (let e = 0; e < ctx.employees.length; e++) {
      const row = rows[e];
      for (let d = d0; d <= d1; d++) {
        const s = row[d];
        if (s === FREE) continue;
        if (isPrediction[s]) predictionPlanned++;
        const inst = ctx.instance(d, s);
        if (inst.weekendSat !== null) weekendMin += workIn([inst], ctx.dayStart(inst.weekendSat), ctx.dayStart(inst.weekendSat + 2));
      }
      if (windowCtx.wishes[e].length === 0) continue;
      const f = wishFulfilment(windowCtx, e, row);
      if (f.total <= 0) continue;
      const id = ctx.employees[e].id;
      const a = wishAcc.get(id) ?? { met: 0, total: 0 };
      a.met += f.met;
      a.total += f.total;
      wishAcc.set(id, a);
    }
  }
  const weekendHours = weekendMin / 60;
  const weekend =
    slices.length === 0
      ? none('weekendHoursPerPersonYear', 'hoursPerPersonYear', DEF.weekendHours, R.noPlans)
      : personDays === 0
        ? none('weekendHoursPerPersonYear', 'hoursPerPersonYear', DEF.weekendHours, R.noPlanPeople)
        : fig('weekendHoursPerPersonYear', 'hoursPerPersonYear', DEF.weekendHours, (weekendHours / personDays) * 365, { numerator: round(weekendHours, 4), denominator: round(personDays / 365, 6) });

  const shares = [...wishAcc.values()].map((a) => a.met / a.total);
  const met = [...wishAcc.values()].reduce((s, a) => s + a.met, 0);
  const total = [...wishAcc.values()].reduce((s, a) => s + a.total, 0);
  const why = slices.length === 0 ? R.noPlans : R.noWishes;
  const wishes: MetricsSnapshot['wishes'] =
    shares.length === 0
      ? {
          fulfilment: none('wishes.fulfilment', 'percent', DEF.wishFulfilment, why),
          meanPersonShare: none('wishes.meanPersonShare', 'percent', DEF.wishMean, why),
          minPersonShare: none('wishes.minPersonShare', 'percent', DEF.wishMin, why),
          belowHalfShare: none('wishes.belowHalfShare', 'percent', DEF.wishBelowHalf, why),
          persons: slices.length === 0 ? none('wishes.persons', 'persons', DEF.wishPersons, why) : fig('wishes.persons', 'persons', DEF.wishPersons, 0),
        }
      : {
          fulfilment: pct('wishes.fulfilment', DEF.wishFulfilment, met, total, why),
          meanPersonShare: fig('wishes.meanPersonShare', 'percent', DEF.wishMean, (100 * shares.reduce((s, x) => s + x, 0)) / shares.length, { denominator: shares.length }),
          minPersonShare: fig('wishes.minPersonShare', 'percent', DEF.wishMin, 100 * Math.min(...shares)),
          belowHalfShare: pct('wishes.belowHalfShare', DEF.wishBelowHalf, shares.filter((x) => x < 0.5 - 1e-12).length, shares.length, why),
          persons: fig('wishes.persons', 'persons', DEF.wishPersons, shares.length),
        };
  return { weekend, predictionPlanned: slices.length === 0 ? null : predictionPlanned, wishes };
}

function hiredFigures(input: MetricsInput, unitIds: Set<string>, from: LocalDate, to: LocalDate): MetricsSnapshot['hired'] {
  if (input.hired === undefined)
    return {
      agencyHours: none('hired.agencyHours', 'hours', DEF.agencyHours, R.hiredMissing),
      extraHours: none('hired.extraHours', 'hours', DEF.extraHours, R.hiredMissing),
      extraShifts: none('hired.extraShifts', 'shifts', DEF.extraShifts, R.hiredMissing),
      overtimeHours: none('hired.overtimeHours', 'hours', DEF.overtimeHours, R.hiredMissing),
    };
  const rows = input.hired.filter((h) => unitIds.has(h.unitId) && h.date >= from && h.date <= to);
  const sum = (kind: string) => rows.filter((h) => h.kind === kind).reduce((s, h) => s + h.hours, 0);
  const count = (kind: string) => rows.filter((h) => h.kind === kind).length;
  return {
    agencyHours: fig('hired.agencyHours', 'hours', DEF.agencyHours, sum('agency'), { numerator: count('agency') }),
    extraHours: fig('hired.extraHours', 'hours', DEF.extraHours, sum('extra'), { numerator: count('extra') }),
    extraShifts: fig('hired.extraShifts', 'shifts', DEF.extraShifts, count('extra')),
    overtimeHours: fig('hired.overtimeHours', 'hours', DEF.overtimeHours, sum('overtime'), { numerator: count('overtime') }),
  };
}

function sickFigures(input: MetricsInput, unitIds: Set<string>, from: LocalDate, to: LocalDate, contracts: readonly ContractType[], sickKinds: readonly AbsenceKind[]): MetricsSnapshot['sickLeave'] {
  const kindsText = { nb: sickKinds.map((k) => KIND_TEXT[k].nb).join(', '), en: sickKinds.map((k) => KIND_TEXT[k].en).join(', ') };
  const defRate = DEF.sickLeave(kindsText.nb);
  const definition = { nb: defRate.nb, en: DEF.sickLeave(kindsText.en).en };
  const kindDef = (k: AbsenceKind) => DEF.sickKind(KIND_TEXT[k].nb, KIND_TEXT[k].en);
  if (input.absences === undefined)
    return {
      rate: none('sickLeave.rate', 'percent', definition, R.absencesMissing),
      selfCertified: none('sickLeave.selfCertified', 'percent', kindDef('self_certified'), R.absencesMissing),
      doctorCertified: none('sickLeave.doctorCertified', 'percent', kindDef('doctor_certified'), R.absencesMissing),
      sickChild: none('sickLeave.sickChild', 'percent', kindDef('sick_child'), R.absencesMissing),
    };
  const e0 = toEpochDay(from);
  const e1 = toEpochDay(to);
  // Per person: the kind counted on each absent day inside the window.
  const days = new Map<string, Map<number, AbsenceKind>>();
  for (const a of input.absences) {
    if (a.to < from || a.from > to) continue;
    let m = days.get(a.employee);
    if (!m) days.set(a.employee, (m = new Map()));
    const lo = Math.max(e0, toEpochDay(a.from));
    const hi = Math.min(e1, toEpochDay(a.to));
    for (let d = lo; d <= hi; d++) {
      const cur = m.get(d);
      if (cur === undefined || KIND_PRIORITY.indexOf(a.kind) < KIND_PRIORITY.indexOf(cur)) m.set(d, a.kind);
    }
  }
  let available = 0;
  let sick = 0;
  const byKind: Record<string, number> = { self_certified: 0, doctor_certified: 0, sick_child: 0 };
  for (const e of input.employees) {
    if (!unitIds.has(e.unitId) || !holdsPosition(e, contracts)) continue;
    const lo = Math.max(e0, e.validFrom ? toEpochDay(e.validFrom) : -Infinity);
    const hi = Math.min(e1, e.validTo ? toEpochDay(e.validTo) : Infinity);
    if (lo > hi) continue;
    const p = e.positionPercent / 100;
    available += p * (hi - lo + 1);
    for (const [d, kind] of days.get(e.id) ?? []) {
      if (d < lo || d > hi) continue;
      if (AWAY_KINDS.includes(kind)) available -= p;
      else {
        if (sickKinds.includes(kind)) sick += p;
        if (kind in byKind) byKind[kind] += p;
      }
    }
  }
  return {
    rate: pct('sickLeave.rate', definition, sick, available, R.noAvailableDays),
    selfCertified: pct('sickLeave.selfCertified', kindDef('self_certified'), byKind.self_certified, available, R.noAvailableDays),
    doctorCertified: pct('sickLeave.doctorCertified', kindDef('doctor_certified'), byKind.doctor_certified, available, R.noAvailableDays),
    sickChild: pct('sickLeave.sickChild', kindDef('sick_child'), byKind.sick_child, available, R.noAvailableDays),
  };
}

const COVER_KINDS: readonly ActualCoverKind[] = ['prediction', 'own', 'pool', 'substitute'];
const norm = (s: string) => s.trim().toLowerCase();

function staffingFigures(
  input: MetricsInput,
  unitIds: Set<string>,
  from: LocalDate,
  to: LocalDate,
  predictionPlanned: number | null,
): { staffing: MetricsSnapshot['staffing']; prediction: MetricsSnapshot['predictionShifts'] } {
  const rows = input.actuals?.filter((a) => unitIds.has(a.unitId) && a.date >= from && a.date <= to) ?? [];
  const noData = input.actuals === undefined ? R.actualsMissing : rows.length === 0 ? R.noActuals : null;

  const predPlanned =
    predictionPlanned === null
      ? none('predictionShifts.planned', 'shifts', DEF.predictionPlanned, R.noPlans)
      : fig('predictionShifts.planned', 'shifts', DEF.predictionPlanned, predictionPlanned);
  if (noData) {
    const byCoverKind = Object.fromEntries(ACTUAL_COVER_KINDS.map((k) => [k, none(`staffing.byCoverKind.${k}`, 'shifts', DEF.coverKind(k), noData)])) as Record<ActualCoverKind, Figure>;
    return {
      staffing: {
        plannedShifts: none('staffing.plannedShifts', 'shifts', DEF.plannedShifts, noData),
        workedShifts: none('staffing.workedShifts', 'shifts', DEF.workedShifts, noData),
        uncoveredShifts: none('staffing.uncoveredShifts', 'shifts', DEF.uncoveredShifts, noData),
        actualVsPlanned: none('staffing.actualVsPlanned', 'percent', DEF.actualVsPlanned, noData),
        asPlanned: none('staffing.asPlanned', 'percent', DEF.asPlanned, noData),
        byCoverKind,
        sameCompetenceCover: none('staffing.sameCompetenceCover', 'percent', DEF.sameCompetenceCover, noData),
      },
      prediction: {
        planned: predPlanned,
        used: none('predictionShifts.used', 'shifts', DEF.predictionUsed, noData),
        unused: none('predictionShifts.unused', 'shifts', DEF.predictionUnused, predictionPlanned === null ? R.noPlans : noData),
        useRate: none('predictionShifts.useRate', 'percent', DEF.predictionUseRate, predictionPlanned === null ? R.noPlans : noData),
      },
    };
  }

  const planned = rows.filter((a) => a.plannedEmployee !== null).length;
  const worked = rows.filter((a) => a.coverKind !== 'uncovered').length;
  const asPlanned = rows.filter((a) => a.coverKind === 'planned' && a.plannedEmployee !== null).length;
  const count = (k: ActualCoverKind) => rows.filter((a) => a.coverKind === k).length;

  // The planned person's competence on the day: the register (the position in that unit first,
  // then the largest), else the plans' employee lists.
  const records = new Map<string, MetricsEmployee[]>();
  for (const e of input.employees) records.set(e.id, [...(records.get(e.id) ?? []), e]);
  const fromPlans = new Map<string, string>();
  for (const p of input.plans)
    for (const e of p.employees) {
      const c = e.competences?.[0] ?? e.competence;
      if (c && !fromPlans.has(e.id)) fromPlans.set(e.id, c);
    }
  const competenceOf = (id: string, date: LocalDate, unitId: string): string | null => {
    const valid = (records.get(id) ?? []).filter((e) => validOn(e, date) && e.competence);
    valid.sort((a, b) => Number(b.unitId === unitId) - Number(a.unitId === unitId) || b.positionPercent - a.positionPercent);
    return valid[0]?.competence ?? fromPlans.get(id) ?? null;
  };
  let judged = 0;
  let same = 0;
  let unknown = 0;
  for (const a of rows) {
    if (!COVER_KINDS.includes(a.coverKind)) continue;
    const want = a.plannedEmployee === null ? null : competenceOf(a.plannedEmployee, a.date, a.unitId);
    if (want === null) {
      unknown++;
      continue;
    }
    judged++;
    if (a.actualCompetence !== null && norm(a.actualCompetence) === norm(want)) same++;
  }
  const used = count('prediction');
  return {
    staffing: {
      plannedShifts: fig('staffing.plannedShifts', 'shifts', DEF.plannedShifts, planned),
      workedShifts: fig('staffing.workedShifts', 'shifts', DEF.workedShifts, worked),
      uncoveredShifts: fig('staffing.uncoveredShifts', 'shifts', DEF.uncoveredShifts, count('uncovered')),
      actualVsPlanned: pct('staffing.actualVsPlanned', DEF.actualVsPlanned, worked, planned, R.noPlannedShifts),
      asPlanned: pct('staffing.asPlanned', DEF.asPlanned, asPlanned, planned, R.noPlannedShifts),
      byCoverKind: Object.fromEntries(ACTUAL_COVER_KINDS.map((k) => [k, fig(`staffing.byCoverKind.${k}`, 'shifts', DEF.coverKind(k), count(k))])) as Record<ActualCoverKind, Figure>,
      sameCompetenceCover: pct('staffing.sameCompetenceCover', DEF.sameCompetenceCover, same, judged, unknown > 0 ? R.unknownCompetence(unknown) : R.noCovers),
    },
    prediction: {
      planned: predPlanned,
      used: fig('predictionShifts.used', 'shifts', DEF.predictionUsed, used),
      unused:
        predictionPlanned === null
          ? none('predictionShifts.unused', 'shifts', DEF.predictionUnused, R.noPlans)
          : fig('predictionShifts.unused', 'shifts', DEF.predictionUnused, Math.max(0, predictionPlanned - used)),
      useRate:
        predictionPlanned === null
          ? none('predictionShifts.useRate', 'percent', DEF.predictionUseRate, R.noPlans)
          : pct('predictionShifts.useRate', DEF.predictionUseRate, used, predictionPlanned, R.noPredictionPlanned),
    },
  };
}

// ---------------------------------------------------------------- the snapshot

/** Every figure of the scope as of `date` (positions on the date; flows over the window ending on it). */
export function metricsAsOf(input: MetricsInput, date: LocalDate, scope: Scope, options: MetricsOptions = {}): MetricsSnapshot {
  checkDate(date, 'date');
  const s = resolveScope(input, scope);
  const window = resolveWindow(date, options);
  const contracts = options.contracts ?? DEFAULT_CONTRACTS;
  const sickKinds = options.sickKinds ?? DEFAULT_SICK_KINDS;
  const warnings: Message[] = [];

  const knownUnits = new Set(input.units.map((u) => u.id));
  const strays = new Set(input.employees.filter((e) => !knownUnits.has(e.unitId)).map((e) => e.unitId));
  for (const u of strays)
    warnings.push(msg('employeeUnit', `Ansatte registrert på ukjent enhet «${u}» er utelatt`, `Employees registered on the unknown unit "${u}" are left out`));

  const slices = plansInWindow(input, s.unitIds, window.from, window.to, warnings);
  // Rota figures scaled from a small part of the window are noisy: say so.
  const planUnits = new Set(slices.map((x) => x.unitId));
  const planDays = slices.reduce((n, x) => n + x.d1 - x.d0 + 1, 0);
  if (slices.length > 0 && planDays < 0.5 * planUnits.size * window.days)
    warnings.push(
      msg(
        'shortPlanCoverage',
        `Vaktplanene dekker bare ${planDays} av ${planUnits.size * window.days} enhetsdager i perioden ${window.from}–${window.to}: helgetimene per år er skalert opp fra dem`,
        `The rota plans cover only ${planDays} of ${planUnits.size * window.days} unit-days of the window ${window.from}–${window.to}: the weekend hours per year are scaled up from them`,
      ),
    );
  const planned = planFigures(slices);
  const { staffing, prediction } = staffingFigures(input, s.unitIds, window.from, window.to, planned.predictionPlanned);
  if (prediction.used.value !== null && prediction.planned.value !== null && prediction.used.value > prediction.planned.value)
    warnings.push(
      msg(
        'predictionMismatch',
        `${prediction.used.value} dekninger med prediksjonsvakt, men bare ${prediction.planned.value} prediksjonsvakter i planene`,
        `${prediction.used.value} covers by prediction shifts, but only ${prediction.planned.value} prediction shifts in the plans`,
      ),
    );
  return {
    date,
    window,
    scope: { kind: s.kind, id: s.id, name: s.name, units: [...s.unitIds].sort() },
    positions: positionFigures(input, date, s.unitIds, contracts, warnings),
    weekendHoursPerPersonYear: planned.weekend,
    hired: hiredFigures(input, s.unitIds, window.from, window.to),
    sickLeave: sickFigures(input, s.unitIds, window.from, window.to, contracts, sickKinds),
    staffing,
    predictionShifts: prediction,
    wishes: planned.wishes,
    warnings,
  };
}

/** Every figure of a snapshot in a fixed order (for trends, baselines and tables). */
export function figuresOf(m: MetricsSnapshot): Figure[] {
  const p = m.positions;
  return [
    p.headcount,
    p.hourlyHeadcount,
    p.fte,
    p.averagePosition,
    ...Object.values(p.averagePositionByCompetence),
    p.fullTimeShare.percent100,
    p.fullTimeShare.atLeast80,
    p.fullTimeShare.above90,
    ...p.distribution.flatMap((d) => [d.count, d.share]),
    p.weekendOnly,
    p.small,
    m.weekendHoursPerPersonYear,
    m.hired.agencyHours,
    m.hired.extraHours,
    m.hired.extraShifts,
    m.hired.overtimeHours,
    m.sickLeave.rate,
    m.sickLeave.selfCertified,
    m.sickLeave.doctorCertified,
    m.sickLeave.sickChild,
    m.staffing.plannedShifts,
    m.staffing.workedShifts,
    m.staffing.uncoveredShifts,
    m.staffing.actualVsPlanned,
    m.staffing.asPlanned,
    ...ACTUAL_COVER_KINDS.map((k) => m.staffing.byCoverKind[k]),
    m.staffing.sameCompetenceCover,
    m.predictionShifts.planned,
    m.predictionShifts.used,
    m.predictionShifts.unused,
    m.predictionShifts.useRate,
    m.wishes.fulfilment,
    m.wishes.meanPersonShare,
    m.wishes.minPersonShare,
    m.wishes.belowHalfShare,
    m.wishes.persons,
  ];
}

