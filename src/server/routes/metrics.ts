/**
 * Full-time culture figures (heltidskultur, issue #6) over the database: the shell around the
 * pure `core/metrics`. The input is built from the units of the caller's organisation that the
 * caller may see (leaders, planners, admins; union and safety representatives see the aggregate
 * figures too; employees 403): their employees' positions, their plans with the rota, the
 * registered absence history and planned vs actual per shift. Served as a snapshot, a monthly
 * trend, a comparison against a baseline date (benefit tracking), and all as an Excel workbook.
 *
 * Data the database does not hold is left out of the input, so the figures that need it are
 * null with the reason (never a silent 0): a unit without registered absence history has no
 * sick-leave rate, and hired hours (agency, extra shifts, overtime; migration 007, routes/hired.ts)
 * are null until a unit of the scope has registered any — from its first registered day on, a
 * window without records is a real 0, and a window that ends before that day is null with the reason.
 */
import ExcelJS from 'exceljs';
import { z } from 'zod';
import {
  compareBaseline,
  figuresOf,
  metricsAsOf,
  MetricsInputError,
  monthlyTrend,
  type Actual,
  type BaselineComparison,
  type Figure,
  type FigureChange,
  type MetricsInput,
  type MetricsSnapshot,
  type MonthlyTrend,
  type Scope,
} from '../../core/metrics/index.js';
import { LocalDateSchema } from '../../core/model/primitives.js';
import type { Plan } from '../../core/model/plan.js';
import type { LocalDate } from '../../core/time/localDate.js';
import { NotFoundError, ValidationError } from '../../db/errors.js';
import type { Unit } from '../../db/repositories.js';
import { CoverRepository } from '../../db/coverRepository.js';
import { HiredRepository } from '../../db/hiredRepository.js';
import { positionHistory } from '../../db/positionHistory.js';
import { todayInOslo } from '../absences.js';
import { can, type Permission, type Principal } from '../auth/permissions.js';
import { ForbiddenError } from '../errors.js';
import { authorizeUnit, type ServerContext } from './guard.js';

/** Who may see the figures: leaders, planners, admins and the representatives (not employees). */
export const METRICS_PERMISSION: Permission = 'absence.history';
/** The service area of a unit that has none registered. */
export const NO_SERVICE_AREA = 'Uten tjenesteområde';
/** At most this many monthly points in one trend. */
const MAX_MONTHS = 120;

const Text = z.object({ nb: z.string(), en: z.string() });
const Message = z.object({ code: z.string(), nb: z.string(), en: z.string() });
const FigureUnit = z.enum(['persons', 'fte', 'percent', 'hours', 'shifts', 'hoursPerPersonYear']);
const FigureSchema = z.object({
  key: z.string(),
  value: z.number().nullable(),
  unit: FigureUnit,
  definition: Text,
  reason: Message.optional(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
});
const ScopeOut = z.object({ kind: z.enum(['unit', 'serviceArea', 'organisation']), id: z.string().nullable(), name: Text, units: z.array(z.string()) });
const SnapshotSchema = z
  .object({
    date: z.string(),
    window: z.object({ from: z.string(), to: z.string(), days: z.number() }),
    scope: ScopeOut,
    positions: z.object({
      headcount: FigureSchema,
      hourlyHeadcount: FigureSchema,
      fte: FigureSchema,
      averagePosition: FigureSchema,
      averagePositionByCompetence: z.record(z.string(), FigureSchema),
      fullTimeShare: z.object({ percent100: FigureSchema, atLeast80: FigureSchema, above90: FigureSchema }),
      distribution: z.array(z.object({ bucket: z.object({ key: z.string(), min: z.number(), max: z.number(), label: Text }), count: FigureSchema, share: FigureSchema })),
      weekendOnly: FigureSchema,
      small: FigureSchema,
    }),
    weekendHoursPerPersonYear: FigureSchema,
    hired: z.record(z.string(), FigureSchema),
    sickLeave: z.record(z.string(), FigureSchema),
    staffing: z.record(z.string(), z.union([FigureSchema, z.record(z.string(), FigureSchema)])),
    predictionShifts: z.record(z.string(), FigureSchema),
    wishes: z.record(z.string(), FigureSchema),
    warnings: z.array(Message),
  })
  .describe('Every figure as of the date: value, unit and definition (nb/en), or null with the reason');
const UnitRef = z.object({ id: z.string(), name: z.string(), serviceArea: z.string() });
const Available = z.object({ units: z.array(UnitRef), serviceAreas: z.array(z.string()) }).describe('The scopes the caller may ask for');
const UnitHeadline = z.object({
  id: z.string(),
  name: z.string(),
  headcount: FigureSchema,
  averagePosition: FigureSchema,
  fullTimeShare: z.object({ percent100: FigureSchema, atLeast80: FigureSchema, above90: FigureSchema }),
  hired: z
    .object({ agencyHours: FigureSchema, extraHours: FigureSchema, overtimeHours: FigureSchema })
    .describe('The unit\'s own hired figures: null with the reason when the unit has never registered any (or not yet in the window)'),
});
const SnapshotResponse = z.object({
  snapshot: SnapshotSchema,
  figures: z.array(FigureSchema).describe('Every figure in a fixed order (what the trend and the comparison iterate)'),
  units: z.array(UnitHeadline).describe('Average position and full-time shares per unit of the scope, for comparison'),
  available: Available,
  notes: z.array(Message).describe('What the input left out (data not registered, units of the scope the caller may not see)'),
});
const TrendResponse = z.object({
  scope: ScopeOut,
  window: z.enum(['month', 'rollingYear']),
  dates: z.array(z.string()),
  series: z.array(z.object({ key: z.string(), unit: FigureUnit, definition: Text, values: z.array(z.number().nullable()) })),
  notes: z.array(Message),
});
const ChangeSchema = z.object({
  key: z.string(),
  unit: FigureUnit,
  definition: Text,
  baseline: z.number().nullable(),
  current: z.number().nullable(),
  change: z.number().nullable(),
  changeUnit: z.union([FigureUnit, z.literal('percentagePoints')]),
  relativeChangePercent: z.number().nullable(),
  reason: Message.optional(),
});
const CompareResponse = z.object({ scope: ScopeOut, baselineDate: z.string(), date: z.string(), changes: z.array(ChangeSchema), notes: z.array(Message) });

const ScopeQuery = {
  scope: z.enum(['unit', 'serviceArea', 'organisation']).default('organisation').describe('unit (id = unit id), serviceArea (id = its name) or organisation'),
  id: z.string().min(1).max(120).optional().describe('The unit id or the service area name'),
};
const SnapshotQuery = z.object({ ...ScopeQuery, date: LocalDateSchema.optional().describe('Default: today (Europe/Oslo)') });
const TrendQuery = z.object({
  ...ScopeQuery,
  from: LocalDateSchema.optional().describe('Default: a year before `to`'),
  to: LocalDateSchema.optional().describe('Default: today (Europe/Oslo)'),
  window: z.enum(['month', 'rollingYear']).default('month').describe('Flow figures per calendar month (default) or over the 365 days ending on each point'),
});
const CompareQuery = z.object({ ...ScopeQuery, baseline: LocalDateSchema.describe('The baseline date (utgangspunkt)'), date: LocalDateSchema.optional().describe('Default: today (Europe/Oslo)') });
const ExportQuery = z.object({
  ...ScopeQuery,
  date: LocalDateSchema.optional().describe('Snapshot date; default today'),
  from: LocalDateSchema.optional().describe('Trend start; default a year before the date'),
  baseline: LocalDateSchema.optional().describe('When given, a sheet with the change since this date'),
  lang: z.enum(['nb', 'en']).default('nb'),
});

const m = (code: string, nb: string, en: string) => ({ code, nb, en });
type Msg = ReturnType<typeof m>;

interface ResolvedRequest {
  /** The units the input is built from (those of the scope the caller may see). */
  units: Unit[];
  scope: Scope;
  available: z.output<typeof Available>;
  notes: Msg[];
}

const areaOf = (u: Unit) => u.serviceArea ?? NO_SERVICE_AREA;

/**
 * The units of the scope the caller may see. A unit: 404 unknown, 403 another organisation's or
 * one the caller has no such role in. A service area or the organisation: the caller's visible
 * units in it (403 when none; a service area no unit of the organisation has: 404).
 */
async function resolveRequest(ctx: ServerContext, p: Principal, q: { scope: Scope['kind']; id?: string }): Promise<ResolvedRequest> {
  const all = await ctx.repos.organisations.listUnits(p.organisationId);
  const visible = all.filter((u) => can(p, METRICS_PERMISSION, u.id, u.organisationId));
  const available = {
    units: visible.map((u) => ({ id: u.id, name: u.name, serviceArea: areaOf(u) })),
    serviceAreas: [...new Set(visible.map(areaOf))].sort((a, b) => a.localeCompare(b, 'nb')),
  };
  const notes: Msg[] = [];
  if (q.scope === 'unit') {
    if (!q.id) throw new ValidationError('enhet mangler / unit missing', [{ path: 'query.id', message: 'id er påkrevd for scope=unit / id is required for scope=unit' }]);
    const unit = await authorizeUnit(ctx, p, q.id, METRICS_PERMISSION);
    return { units: [unit], scope: { kind: 'unit', id: unit.id }, available, notes };
  }
  let inScope = all;
  if (q.scope === 'serviceArea') {
    if (!q.id) throw new ValidationError('tjenesteområde mangler / service area missing', [{ path: 'query.id', message: 'id er påkrevd for scope=serviceArea / id is required for scope=serviceArea' }]);
    inScope = all.filter((u) => areaOf(u) === q.id);
    if (inScope.length === 0) throw new NotFoundError('tjenesteområde / service area', q.id);
  }
  const units = inScope.filter((u) => can(p, METRICS_PERMISSION, u.id, u.organisationId));
  if (units.length === 0) throw new ForbiddenError('ingen tilgang til nøkkeltallene her / no access to these figures');
  if (units.length < inScope.length)
    notes.push(
      m(
        'unitsLeftOut',
        `Tallene gjelder enhetene du har tilgang til (${units.length} av ${inScope.length}).`,
        `The figures cover the units you have access to (${units.length} of ${inScope.length}).`,
      ),
    );
  return { units, scope: q.scope === 'serviceArea' ? { kind: 'serviceArea', id: q.id } : { kind: 'organisation' }, available, notes };
}

/**
 * The metrics input of the given units from the database. Planned vs actual: the rows as
 * `GET /api/plans/:id/actuals` lists them (the rota as worked, recorded covers as their rows),
 * for the plans that have been run — not drafts without any recorded cover — and only up to today
 * (or the last recorded cover), since a shift in the future has not been worked yet.
 */
export async function buildMetricsInput(ctx: ServerContext, units: Unit[], today: LocalDate = todayInOslo()): Promise<{ input: MetricsInput; notes: Msg[]; hiredFrom: LocalDate | null; hiredFirst: Map<string, LocalDate> }> {
  const cover = new CoverRepository(ctx.db);
  const employees: MetricsInput['employees'] = [];
  const plans: Plan[] = [];
  const actuals: Actual[] = [];
  for (const u of units) {
    const staff = await ctx.repos.employees.listByUnit(u.id);
    // Each position as held over time (migration 006), so stock figures are right as of any date.
    const history = await positionHistory(ctx.db, staff.map((e) => e.id));
    for (const e of staff) {
      const base = { id: e.id, name: e.name, competence: e.competences?.[0] ?? e.competence ?? null, ...(e.contract ? { contract: e.contract } : {}) };
      const periods = history.get(e.id) ?? [];
      if (!periods.length) employees.push({ ...base, unitId: u.id, positionPercent: e.positionPercent });
      for (const p of periods)
        employees.push({ ...base, unitId: p.unitId, positionPercent: p.positionPercent, ...(p.validFrom ? { validFrom: p.validFrom } : {}), ...(p.validTo ? { validTo: p.validTo } : {}) });
    }
    for (const summary of await ctx.repos.plans.listPlans(u.id)) {
      const loaded = await ctx.repos.plans.loadPlan(summary.id);
      if (!loaded) continue;
      const plan: Plan = { ...loaded, unit: u.id };
      plans.push(plan);
      const recorded = await cover.listActuals(summary.id);
      if (summary.status === 'draft' && recorded.length === 0) continue;
      const lastRecorded = recorded.reduce<LocalDate>((d, r) => (r.date > d ? r.date : d), today);
      const comp = new Map(plan.employees.map((e) => [e.id, e.competences?.[0] ?? e.competence ?? null]));
      const covered = new Set(recorded.filter((r) => r.actualEmployee).map((r) => `${r.actualEmployee}|${r.date}`));
      for (const a of plan.assignments) {
        if (a.date > lastRecorded || covered.has(`${a.employee}|${a.date}`)) continue;
        actuals.push({ date: a.date, shift: a.shift, unitId: u.id, plannedEmployee: a.employee, actualEmployee: a.employee, actualCompetence: comp.get(a.employee) ?? null, coverKind: 'planned' });
      }
      for (const r of recorded)
        actuals.push({ date: r.date, shift: r.shift, unitId: u.id, plannedEmployee: r.plannedEmployee, actualEmployee: r.actualEmployee, actualCompetence: r.actualCompetence, coverKind: r.coverKind });
    }
  }
  // Weekend-only positions (rene helgestillinger) are not a field of the employee: read from the
  // rota — a person whose every shift in the unit's plans (at least two) falls on a Saturday or
  // Sunday holds one; a person with a weekday shift does not; a person with no shifts is unknown.
  const shiftDays = new Map<string, { weekend: number; weekday: number }>();
  for (const plan of plans)
    for (const a of plan.assignments) {
      const k = `${plan.unit}|${a.employee}`;
      const c = shiftDays.get(k) ?? { weekend: 0, weekday: 0 };
      const wd = new Date(`${a.date}T12:00:00Z`).getUTCDay();
      if (wd === 0 || wd === 6) c.weekend++;
      else c.weekday++;
      shiftDays.set(k, c);
    }
  for (const e of employees) {
    const c = shiftDays.get(`${e.unitId}|${e.id}`);
    if (c) e.weekendOnly = c.weekday === 0 && c.weekend >= 2;
  }
  const history = await ctx.repos.absences.listHistory({ unitIds: units.map((u) => u.id) });
  const notes: Msg[] = [];
  if (shiftDays.size)
    notes.push(
      m(
        'weekendOnlyFromRota',
        'Rene helgestillinger leses av turnusen: en person med minst to vakter i enhetens planer, alle på lørdag eller søndag.',
        "Weekend-only positions are read from the rota: a person with at least two shifts in the unit's plans, all on a Saturday or Sunday.",
      ),
    );
  // Hired hours: the records of the units that have registered any; none registered → left out (null).
  const hiredRepo = new HiredRepository(ctx.db);
  const unitIds = units.map((u) => u.id);
  const firstDates = await hiredRepo.firstDates(unitIds);
  const hiredFrom = [...firstDates.values()].reduce<LocalDate | null>((a, d) => (a === null || d < a ? d : a), null);
  const hired = hiredFrom === null ? undefined : (await hiredRepo.list({ unitIds })).map((r) => ({ date: r.date, unitId: r.unitId, hours: r.hours, kind: r.kind }));
  if (hiredFrom === null)
    notes.push(
      m(
        'hiredNotRegistered',
        units.length === 1
          ? 'Enheten har ikke registrert innleie, ekstravakter eller overtid i Bemanna: de tallene mangler. Registrer dem under «Innleie, ekstravakter og overtid».'
          : 'Ingen av enhetene har registrert innleie, ekstravakter eller overtid i Bemanna: de tallene mangler.',
        units.length === 1
          ? 'The unit has not registered agency hours, extra shifts or overtime in Bemanna: those figures are missing. Register them under "Agency hours, extra shifts and overtime".'
          : 'None of the units has registered agency hours, extra shifts or overtime in Bemanna: those figures are missing.',
      ),
    );
  else {
    const never = units.filter((u) => !firstDates.has(u.id));
    if (never.length)
      notes.push(
        m(
          'hiredPartlyRegistered',
          `Innleie, ekstravakter og overtid er ikke registrert for ${never.map((u) => u.name).join(', ')}: timetallene gjelder de andre enhetene.`,
          `Agency hours, extra shifts and overtime are not registered for ${never.map((u) => u.name).join(', ')}: the hour figures cover the other units.`,
        ),
      );
  }
  if (history.length === 0)
    notes.push(m('noAbsenceHistory', 'Ingen registrert fraværshistorikk for enheten(e): sykefraværet kan ikke beregnes.', 'No registered absence history for the unit(s): the sick-leave rate cannot be computed.'));
  const input: MetricsInput = {
    units: units.map((u) => ({ id: u.id, name: u.name, serviceArea: areaOf(u) })),
    employees,
    plans,
    actuals,
    ...(history.length ? { absences: history.map((a) => ({ employee: a.employee, from: a.from, to: a.to, kind: a.kind })) } : {}),
    ...(hired ? { hired } : {}),
  };
  return { input, notes, hiredFrom, hiredFirst: firstDates };
}

// ---------------------------------------------------------------------------------------------
// Hired hours before the first registered day

const HIRED_KEYS = new Set(['hired.agencyHours', 'hired.extraHours', 'hired.extraShifts', 'hired.overtimeHours']);
const nbDate = (d: LocalDate) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;

function hiredNotYet(start: LocalDate): Msg {
  return m(
    'hiredNotYet',
    `Innleie, ekstravakter og overtid er registrert fra ${nbDate(start)}; perioden ligger før det`,
    `Agency hours, extra shifts and overtime are registered from ${start}; the window lies before that`,
  );
}

/**
 * The hired figures of a snapshot whose flow window ends before the first registered day are
 * unknown, not 0: null with the reason. Later windows keep their sums (0 when nothing was hired).
 */
export function maskHired(s: MetricsSnapshot, hiredFrom: LocalDate | null): MetricsSnapshot {
  if (hiredFrom === null || s.window.to >= hiredFrom) return s;
  const reason = hiredNotYet(hiredFrom);
  const none = (f: Figure): Figure => ({ key: f.key, value: null, unit: f.unit, definition: f.definition, reason });
  const h = s.hired;
  return { ...s, hired: { agencyHours: none(h.agencyHours), extraHours: none(h.extraHours), extraShifts: none(h.extraShifts), overtimeHours: none(h.overtimeHours) } };
}

/** A note when the snapshot's window begins before the first registered day (the sums count from it). */
function hiredWindowNote(s: MetricsSnapshot, hiredFrom: LocalDate | null): Msg[] {
  if (hiredFrom === null || hiredFrom <= s.window.from || hiredFrom > s.window.to) return [];
  return [
    m(
      'hiredPartialWindow',
      `Innleie, ekstravakter og overtid er registrert fra ${nbDate(hiredFrom)}: timetallene teller fra da, ikke hele perioden.`,
      `Agency hours, extra shifts and overtime are registered from ${hiredFrom}: the hour figures count from then, not the whole window.`,
    ),
  ];
}

function maskTrend(t: MonthlyTrend, hiredFrom: LocalDate | null): MonthlyTrend {
  if (hiredFrom === null) return t;
  const before = t.points.map((p) => p.window.to < hiredFrom);
  if (!before.some(Boolean)) return t;
  return { ...t, points: t.points.map((p) => maskHired(p, hiredFrom)), series: t.series.map((s) => (HIRED_KEYS.has(s.key) ? { ...s, values: s.values.map((v, i) => (before[i] ? null : v)) } : s)) };
}

function maskComparison(c: BaselineComparison, hiredFrom: LocalDate | null): BaselineComparison {
  if (hiredFrom === null) return c;
  const baseline = maskHired(c.baseline, hiredFrom);
  const current = maskHired(c.current, hiredFrom);
  if (baseline === c.baseline && current === c.current) return c;
  const reason = hiredNotYet(hiredFrom);
  const side = current !== c.current ? { nb: 'nå-tallet', en: 'the current figure', date: c.date } : { nb: 'utgangspunktet', en: 'the baseline', date: c.baselineDate };
  const changes = c.changes.map((x) =>
    HIRED_KEYS.has(x.key)
      ? {
          ...x,
          baseline: baseline !== c.baseline ? null : x.baseline,
          current: current !== c.current ? null : x.current,
          change: null,
          relativeChangePercent: null,
          reason: m('changeUnknown', `Endringen kan ikke beregnes: ${side.nb} (${side.date}) mangler – ${reason.nb}`, `The change cannot be computed: ${side.en} (${side.date}) is missing – ${reason.en}`),
        }
      : x,
  );
  return { ...c, baseline, current, changes };
}

/** Runs a core computation; its input errors (a date that does not exist, dates in the wrong order) are 400. */
function run<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof MetricsInputError) throw new ValidationError('ugyldig forespørsel / invalid request', e.problems.map((p) => ({ path: `query.${p.code}`, message: `${p.nb} / ${p.en}` })));
    throw e;
  }
}

function dateOrder(from: LocalDate, to: LocalDate, path: string): void {
  if (from > to) throw new ValidationError('ugyldig periode / invalid range', [{ path: `query.${path}`, message: `${from} er etter ${to} / ${from} is after ${to}` }]);
}

function trendFrom(to: LocalDate, from?: LocalDate): LocalDate {
  const f = from ?? `${String(Number(to.slice(0, 4)) - 1)}-${to.slice(5, 7)}-01`;
  dateOrder(f, to, 'from');
  const months = (Number(to.slice(0, 4)) - Number(f.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(f.slice(5, 7));
  if (months > MAX_MONTHS) throw new ValidationError('for lang periode / range too long', [{ path: 'query.from', message: `høyst ${MAX_MONTHS} måneder / at most ${MAX_MONTHS} months` }]);
  return f;
}

function trendOut(t: MonthlyTrend, notes: Msg[]): z.output<typeof TrendResponse> {
  return { scope: t.scope, window: t.window, dates: t.dates, series: t.series, notes: [...notes, ...t.notes] };
}

function compareOut(c: BaselineComparison, notes: Msg[]): z.output<typeof CompareResponse> {
  return { scope: c.scope, baselineDate: c.baselineDate, date: c.date, changes: c.changes, notes };
}

function headlines(input: MetricsInput, units: Unit[], date: LocalDate, hiredFirst: Map<string, LocalDate>): Array<z.output<typeof UnitHeadline>> {
  return units.map((u) => {
    const first = hiredFirst.get(u.id);
    // A unit that never registered hired hours says so, even when others of the scope have.
    const s = maskHired(metricsAsOf(first ? input : { ...input, hired: undefined }, date, { kind: 'unit', id: u.id }), first ?? null);
    return {
      id: u.id,
      name: u.name,
      headcount: s.positions.headcount,
      averagePosition: s.positions.averagePosition,
      fullTimeShare: s.positions.fullTimeShare,
      hired: { agencyHours: s.hired.agencyHours, extraHours: s.hired.extraHours, overtimeHours: s.hired.overtimeHours },
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Excel

const UNIT_NB: Record<string, string> = { persons: 'personer', fte: 'årsverk', percent: '%', hours: 'timer', shifts: 'vakter', hoursPerPersonYear: 'timer per personår', percentagePoints: 'prosentpoeng' };
const UNIT_EN: Record<string, string> = { persons: 'persons', fte: 'FTE', percent: '%', hours: 'hours', shifts: 'shifts', hoursPerPersonYear: 'hours per person-year', percentagePoints: 'percentage points' };

export async function metricsWorkbook(
  snapshot: MetricsSnapshot,
  trend: MonthlyTrend,
  comparison: BaselineComparison | null,
  notes: Msg[],
  lang: 'nb' | 'en',
): Promise<Buffer> {
  const nb = lang === 'nb';
  const units = nb ? UNIT_NB : UNIT_EN;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bemanna';
  const bold = { bold: true };
  const ws = wb.addWorksheet(nb ? 'Nøkkeltall' : 'Key figures', { views: [{ state: 'frozen', ySplit: 4 }] });
  ws.getCell(1, 1).value = `${nb ? 'Heltidskultur' : 'Full-time culture'}: ${snapshot.scope.name[lang]} — ${snapshot.date}`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = nb
    ? `Strømtall (timer, fravær, dekning, ønsker) gjelder ${snapshot.window.from}–${snapshot.window.to}. Enheter: ${snapshot.scope.units.join(', ')}`
    : `Flow figures (hours, absence, cover, wishes) count ${snapshot.window.from}–${snapshot.window.to}. Units: ${snapshot.scope.units.join(', ')}`;
  const head = nb ? ['Nøkkel', 'Verdi', 'Enhet', 'Teller', 'Nevner', 'Mangler fordi', 'Definisjon (bokmål)', 'Definition (English)'] : ['Key', 'Value', 'Unit', 'Numerator', 'Denominator', 'Missing because', 'Definisjon (bokmål)', 'Definition (English)'];
  ws.getRow(4).values = head;
  ws.getRow(4).font = bold;
  figuresOf(snapshot).forEach((f: Figure, i) => {
    ws.getRow(5 + i).values = [f.key, f.value, units[f.unit] ?? f.unit, f.numerator ?? null, f.denominator ?? null, f.reason ? f.reason[lang] : null, f.definition.nb, f.definition.en];
  });
  [34, 12, 18, 10, 10, 50, 90, 90].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  let r = 6 + figuresOf(snapshot).length;
  for (const w of [...notes, ...snapshot.warnings]) ws.getCell(r++, 1).value = `${nb ? 'Merk' : 'Note'}: ${w[lang]}`;

  const ts = wb.addWorksheet('Trend', { views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }] });
  ts.getCell(1, 1).value = `${nb ? 'Månedlig utvikling' : 'Monthly trend'}: ${trend.scope.name[lang]} (${trend.window === 'month' ? (nb ? 'strømtall per kalendermåned' : 'flow figures per calendar month') : nb ? 'strømtall siste 365 dager' : 'flow figures over the last 365 days'})`;
  ts.getCell(1, 1).font = { bold: true, size: 14 };
  ts.getRow(3).values = [nb ? 'Nøkkel' : 'Key', nb ? 'Enhet' : 'Unit', ...trend.dates, 'Definisjon (bokmål)', 'Definition (English)'];
  ts.getRow(3).font = bold;
  trend.series.forEach((s, i) => {
    ts.getRow(4 + i).values = [s.key, units[s.unit] ?? s.unit, ...s.values, s.definition.nb, s.definition.en];
  });
  ts.getColumn(1).width = 34;
  ts.getColumn(2).width = 14;
  for (const n of trend.notes) ts.getCell(5 + trend.series.length, 1).value = n[lang];

  if (comparison) {
    const cs = wb.addWorksheet(nb ? 'Gevinst' : 'Benefits', { views: [{ state: 'frozen', ySplit: 3 }] });
    cs.getCell(1, 1).value = `${nb ? 'Endring siden' : 'Change since'} ${comparison.baselineDate} → ${comparison.date}: ${comparison.scope.name[lang]}`;
    cs.getCell(1, 1).font = { bold: true, size: 14 };
    cs.getRow(3).values = nb
      ? ['Nøkkel', 'Utgangspunkt', 'Nå', 'Endring', 'Enhet for endring', 'Relativ endring %', 'Mangler fordi', 'Definisjon (bokmål)', 'Definition (English)']
      : ['Key', 'Baseline', 'Current', 'Change', 'Unit of change', 'Relative change %', 'Missing because', 'Definisjon (bokmål)', 'Definition (English)'];
    cs.getRow(3).font = bold;
    comparison.changes.forEach((c: FigureChange, i) => {
      cs.getRow(4 + i).values = [c.key, c.baseline, c.current, c.change, units[c.changeUnit] ?? c.changeUnit, c.relativeChangePercent, c.reason ? c.reason[lang] : null, c.definition.nb, c.definition.en];
    });
    [34, 12, 12, 12, 16, 14, 50, 90, 90].forEach((w, i) => (cs.getColumn(i + 1).width = w));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------

export function metricsRoutes(ctx: ServerContext): void {
  const { api } = ctx;
  api.route(
    {
      method: 'get',
      path: '/api/metrics',
      tag: 'metrics',
      summary: 'Full-time culture figures (heltidskultur) as of a date: every figure with value, unit and definition, or null with the reason',
      description:
        'For a unit, a service area or the whole organisation (the units of it the caller may see). Leaders, planners, admins and union/safety representatives; employees 403. Stock figures (positions) are those held on the date; flow figures count the 365 days ending on it.',
      query: SnapshotQuery,
      response: SnapshotResponse,
    },
    async (c, { principal, query }) => {
      const req = await resolveRequest(ctx, principal, query);
      const date = query.date ?? todayInOslo();
      const { input, notes, hiredFrom, hiredFirst } = await buildMetricsInput(ctx, req.units);
      const snapshot = maskHired(run(() => metricsAsOf(input, date, req.scope)), hiredFrom);
      return c.json({
        snapshot,
        figures: figuresOf(snapshot),
        units: run(() => headlines(input, req.units, date, hiredFirst)),
        available: req.available,
        notes: [...req.notes, ...notes, ...hiredWindowNote(snapshot, hiredFrom)],
      });
    },
  );

  api.route(
    {
      method: 'get',
      path: '/api/metrics/trend',
      tag: 'metrics',
      summary: 'Monthly trend of every figure (one point per month end in [from, to])',
      query: TrendQuery,
      response: TrendResponse,
    },
    async (c, { principal, query }) => {
      const req = await resolveRequest(ctx, principal, query);
      const to = query.to ?? todayInOslo();
      const from = trendFrom(to, query.from);
      const { input, notes, hiredFrom } = await buildMetricsInput(ctx, req.units);
      const t = maskTrend(run(() => monthlyTrend(input, from, to, req.scope, { window: query.window })), hiredFrom);
      return c.json(trendOut(t, [...req.notes, ...notes]));
    },
  );

  api.route(
    {
      method: 'get',
      path: '/api/metrics/compare',
      tag: 'metrics',
      summary: 'Benefit tracking (gevinstrealisering): every figure at the baseline date and now, with the change',
      description: 'Flow figures count a year at both dates. Percent figures change in percentage points; the relative change is null when the baseline is 0.',
      query: CompareQuery,
      response: CompareResponse,
    },
    async (c, { principal, query }) => {
      const req = await resolveRequest(ctx, principal, query);
      const date = query.date ?? todayInOslo();
      dateOrder(query.baseline, date, 'baseline');
      const { input, notes, hiredFrom } = await buildMetricsInput(ctx, req.units);
      const cmp = maskComparison(run(() => compareBaseline(input, query.baseline, date, req.scope)), hiredFrom);
      return c.json(compareOut(cmp, [...req.notes, ...notes]));
    },
  );

  api.route(
    {
      method: 'get',
      path: '/api/metrics/export.xlsx',
      tag: 'metrics',
      summary: 'The snapshot, the monthly trend (and, with ?baseline=, the change since it) as an Excel workbook, definitions included',
      query: ExportQuery,
      produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
    async (c, { principal, query }) => {
      const req = await resolveRequest(ctx, principal, query);
      const date = query.date ?? todayInOslo();
      const from = trendFrom(date, query.from);
      if (query.baseline) dateOrder(query.baseline, date, 'baseline');
      const { input, notes, hiredFrom } = await buildMetricsInput(ctx, req.units);
      const snapshot = maskHired(run(() => metricsAsOf(input, date, req.scope)), hiredFrom);
      const trend = maskTrend(run(() => monthlyTrend(input, from, date, req.scope)), hiredFrom);
      const cmp = query.baseline ? maskComparison(run(() => compareBaseline(input, query.baseline!, date, req.scope)), hiredFrom) : null;
      const body = await metricsWorkbook(snapshot, trend, cmp, [...req.notes, ...notes, ...hiredWindowNote(snapshot, hiredFrom)], query.lang);
      const name = `heltid-${req.scope.kind}${req.scope.id ? '-' + req.scope.id.replace(/[^A-Za-z0-9_-]+/g, '_') : ''}-${date}.xlsx`;
      return c.body(new Uint8Array(body), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="${name}"`,
        'cache-control': 'no-store',
      });
    },
  );
}
