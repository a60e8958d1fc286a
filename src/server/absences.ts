/**
 * Absences of a unit, the logic behind routes/absences.ts: importing a history file (CSV or
 * .xlsx) with a line-by-line report, registering one absence (by a leader or planner, or by the
 * employee for themself), the history list cut to the caller's view, and the unit's absence
 * forecast (run in a worker thread by ForecastRunner) next to the recent actual history.
 * Absences carry a kind only: no diagnosis, no cause, no free text.
 */
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { IdSchema, LocalDateSchema } from '../core/model/primitives.js';
import { addDays, daysBetween, fromEpochDay, toEpochDay, type LocalDate } from '../core/time/localDate.js';
import { ZONE } from '../core/time/zone.js';
import { AbsenceImportError, AbsenceOverlapError, ValidationError } from '../db/errors.js';
import type { PlanSummary, StoredAbsence, Unit } from '../db/repositories.js';
import { createRepositories } from '../db/sqlRepositories.js';
import type { AbsenceSpell } from '../forecast/history.js';
import { estimateStaff } from '../forecast/unitForecast.js';
import { bilingualCsvReason, MAX_REPORTED_PROBLEMS, parseAbsenceCsvLenient, type LineProblem } from './absenceFile.js';
import { can, type Principal } from './auth/permissions.js';
import { ForbiddenError } from './errors.js';
import type { ForecastJobResult, ShiftForecastRow } from './forecastJob.js';
import { ForecastFailedError, type ForecastRunner } from './forecastRunner.js';
import type { ServerContext } from './routes/guard.js';

/** The kinds of the absence history (what the forecast and the import know). */
export const HISTORY_KINDS = ['self_certified', 'doctor_certified', 'sick_child', 'leave'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];
const SICKNESS: readonly string[] = ['self_certified', 'doctor_certified', 'sick_child'];

/** Today's date in Europe/Oslo. */
export function todayInOslo(now: Date = new Date()): LocalDate {
  return DateTime.fromJSDate(now).setZone(ZONE).toISODate()!;
}

// ---------------------------------------------------------------------------------------------
// Import

export type ImportOutcome =
  | { ok: true; lines: number; inserted: number; skipped: number; employees: number; from: LocalDate | null; to: LocalDate | null }
  | { ok: false; errors: LineProblem[] };

const FIELD_ORDER = ['header', 'row', 'employee', 'unit', 'from', 'to', 'type'];

function sortProblems(ps: LineProblem[]): LineProblem[] {
  const rank = (f: string) => {
    const i = FIELD_ORDER.indexOf(f);
    return i < 0 ? FIELD_ORDER.length : i;
  };
  const sorted = [...ps].sort((a, b) => a.line - b.line || rank(a.field) - rank(b.field));
  if (sorted.length <= MAX_REPORTED_PROBLEMS) return sorted;
  const rest = sorted.length - MAX_REPORTED_PROBLEMS;
  return [
    ...sorted.slice(0, MAX_REPORTED_PROBLEMS),
    { line: sorted[MAX_REPORTED_PROBLEMS].line, field: 'row', reason: `og ${rest} feil til som ikke vises / and ${rest} more problems not shown` },
  ];
}

const overlapReason = (employee: string, other: { from: string; to: string; line?: number }) =>
  other.line !== undefined
    ? `overlapper fraværet på linje ${other.line} for samme ansatt (${other.from}–${other.to}) / overlaps the absence on line ${other.line} for the same employee (${other.from}–${other.to})`
    : `overlapper fravær som allerede er lagret for ${employee} (${other.from}–${other.to}); en person kan bare være borte én gang samme dag / overlaps an absence already stored for ${employee} (${other.from}–${other.to}); a person can be absent only once a day`;

/**
 * Imports a history file's text into the unit: everything is checked first (the parser's
 * findings, then unit, employee, future dates and overlaps with the stored history) and
 * reported line by line; only a file without problems is stored, all-or-nothing, audit-logged.
 * A spell identical to a stored one is skipped (re-importing a file is harmless).
 */
export async function importAbsenceHistory(
  ctx: ServerContext,
  unit: Unit,
  p: Principal,
  actor: string,
  text: string,
  opts: { format: 'csv' | 'xlsx'; today?: LocalDate },
): Promise<ImportOutcome> {
  const today = opts.today ?? todayInOslo();
  const { records, errors } = parseAbsenceCsvLenient(text);
  const problems: LineProblem[] = errors.map((e) => ({ line: e.line, field: e.field, reason: bilingualCsvReason(e.reason) }));
  const add = (line: number, field: string, reason: string) => problems.push({ line, field, reason });

  const members = new Set((await ctx.repos.employees.listMembers(unit.id)).map((e) => e.id));
  const unitNames = new Set([unit.id.toLowerCase(), unit.name.toLowerCase()]);
  for (const r of records) {
    if (!unitNames.has(r.unit.trim().toLowerCase()))
      add(r.line, 'unit', `«${r.unit}» er ikke denne enheten (skriv ${unit.id} eller «${unit.name}») / "${r.unit}" is not this unit (write ${unit.id} or "${unit.name}")`);
    if (!members.has(r.employee)) add(r.line, 'employee', `ukjent ansatt «${r.employee}» i denne enheten / unknown employee "${r.employee}" in this unit`);
    if (r.from > today)
      add(r.line, 'from', `${r.from} ligger fram i tid (i dag er ${today}); bare fravær som har begynt kan importeres / ${r.from} is in the future (today is ${today}); only absences that have started can be imported`);
  }
  const known = records.filter((r) => members.has(r.employee));
  if (known.length) {
    const minFrom = known.reduce((m, r) => (r.from < m ? r.from : m), known[0].from);
    const maxTo = known.reduce((m, r) => (r.to > m ? r.to : m), known[0].to);
    const stored = await ctx.repos.absences.listHistory({ employees: [...new Set(known.map((r) => r.employee))], from: minFrom, to: maxTo });
    for (const r of known) {
      const mine = stored.filter((a) => a.employee === r.employee);
      if (mine.some((a) => a.from === r.from && a.to === r.to && a.kind === r.type)) continue;
      const hit = mine.find((a) => a.from <= r.to && a.to >= r.from);
      if (hit) add(r.line, 'from', overlapReason(r.employee, hit));
    }
  }
  if (problems.length) return { ok: false, errors: sortProblems(problems) };

  try {
    return await ctx.db.transaction(async (tx) => {
      const repos = createRepositories(tx);
      const { inserted, skipped } = await repos.absences.addHistory(
        records.map((r) => ({ employee: r.employee, unit: unit.id, from: r.from, to: r.to, kind: r.type, line: r.line })),
        { source: 'import', registeredBy: p.userId, identical: 'skip' },
      );
      const from = records.reduce<string | null>((m, r) => (m === null || r.from < m ? r.from : m), null);
      const to = records.reduce<string | null>((m, r) => (m === null || r.to > m ? r.to : m), null);
      const employees = new Set(records.map((r) => r.employee)).size;
      await repos.audit.append({
        actor,
        action: 'absence.import',
        entity: 'unit',
        entityId: unit.id,
        details: { format: opts.format, lines: records.length, inserted: inserted.length, skipped, employees, from, to },
      });
      return { ok: true as const, lines: records.length, inserted: inserted.length, skipped, employees, from, to };
    });
  } catch (e) {
    // Written by someone else between the check and the write: report it like the check would.
    if (e instanceof AbsenceOverlapError) return { ok: false, errors: sortProblems(e.overlaps.map((o) => ({ line: o.line, field: 'from', reason: overlapReason(o.employee, o.other) }))) };
    if (e instanceof AbsenceImportError) return { ok: false, errors: sortProblems(e.problems.map((x) => ({ line: x.line, field: x.field, reason: x.message }))) };
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Registration

export const RegisterAbsenceBody = z
  .object({
    employee: IdSchema.optional().describe("Employee id; an employee may leave it out (their own) and may name only themself"),
    from: LocalDateSchema,
    to: LocalDateSchema,
    kind: z.enum(HISTORY_KINDS).describe('self_certified (egenmelding), doctor_certified (sykmelding), sick_child (sykt barn) or leave (permisjon)'),
  })
  .strict()
  .refine((b) => b.to >= b.from, { path: ['to'], message: 'til-dato er før fra-dato / to is before from' });
export type RegisterAbsenceInput = z.output<typeof RegisterAbsenceBody>;

/** Longest spell that can be registered, in days. */
export const MAX_SPELL_DAYS = 366;
/** Egenmelding (self-certified sick leave) under the IA agreement: at most 8 calendar days in a row. */
export const MAX_SELF_CERTIFIED_DAYS = 8;
/** How far back an employee may report their own absence. */
export const OWN_REPORT_DAYS_BACK = 14;

/**
 * Registers one absence in the unit's history and returns it with its id. A leader, planner
 * or admin may register anyone in the unit; an employee only themself (the session's employee
 * id) and only sickness, from at most 14 days back. Sickness cannot start later than tomorrow.
 * An overlap with a stored absence of the same person is an AbsenceOverlapError (409).
 * Audit-logged (without the kind). Callers that add more on top (cover proposals) call this.
 */
export async function registerAbsence(
  ctx: ServerContext,
  p: Principal,
  unit: Unit,
  input: RegisterAbsenceInput,
  opts: { actor: string; today?: LocalDate },
): Promise<StoredAbsence> {
  const today = opts.today ?? todayInOslo();
  const manage = can(p, 'absence.manage', unit.id, unit.organisationId);
  const own = !!p.employeeId && can(p, 'absence.own', unit.id, unit.organisationId);
  if (!manage && !own) throw new ForbiddenError('du har ikke rettighet til å registrere fravær her / you may not register absence here');
  const employee = input.employee ?? (own ? p.employeeId! : undefined);
  if (!employee) throw new ValidationError('mangler ansatt / missing employee', [{ path: 'body.employee', message: 'mangler ansatt / missing employee' }]);
  if (!manage && employee !== p.employeeId) throw new ForbiddenError('du kan bare melde ditt eget fravær / you can only report your own absence');
  if (!manage && input.kind === 'leave') throw new ForbiddenError('permisjon registreres av lederen / leave is registered by your leader');

  const problems: Array<{ path: string; message: string }> = [];
  const days = daysBetween(input.from, input.to) + 1;
  if (days > MAX_SPELL_DAYS) problems.push({ path: 'body.to', message: `høyst ${MAX_SPELL_DAYS} dager om gangen / at most ${MAX_SPELL_DAYS} days at a time` });
  if (input.kind === 'self_certified' && days > MAX_SELF_CERTIFIED_DAYS)
    problems.push({
      path: 'body.to',
      message: `en egenmelding gjelder høyst ${MAX_SELF_CERTIFIED_DAYS} kalenderdager; lengre fravær krever sykmelding / self-certified sick leave covers at most ${MAX_SELF_CERTIFIED_DAYS} calendar days; longer absence needs a doctor's certificate`,
    });
  const tomorrow = addDays(today, 1);
  if (SICKNESS.includes(input.kind) && input.from > tomorrow)
    problems.push({ path: 'body.from', message: `sykefravær kan ikke meldes for dager etter i morgen (${tomorrow}) / sickness cannot be reported for days after tomorrow (${tomorrow})` });
  if (input.kind === 'leave' && input.from > addDays(today, 366)) problems.push({ path: 'body.from', message: 'mer enn ett år fram i tid / more than a year ahead' });
  if (!manage && input.from < addDays(today, -OWN_REPORT_DAYS_BACK))
    problems.push({
      path: 'body.from',
      message: `du kan melde fravær høyst ${OWN_REPORT_DAYS_BACK} dager tilbake; ta kontakt med lederen / you can report absence at most ${OWN_REPORT_DAYS_BACK} days back; contact your leader`,
    });
  const members = await ctx.repos.employees.listMembers(unit.id);
  if (!members.some((e) => e.id === employee)) problems.push({ path: 'body.employee', message: `ukjent ansatt «${employee}» i denne enheten / unknown employee "${employee}" in this unit` });
  if (problems.length) throw new ValidationError('ugyldig fravær / invalid absence', problems);

  return ctx.db.transaction(async (tx) => {
    const repos = createRepositories(tx);
    const { inserted } = await repos.absences.addHistory([{ employee, unit: unit.id, from: input.from, to: input.to, kind: input.kind }], {
      source: 'registered',
      registeredBy: p.userId,
      identical: 'overlap',
    });
    const a = inserted[0];
    await repos.audit.append({
      actor: opts.actor,
      action: 'absence.register',
      entity: 'absence',
      entityId: String(a.id),
      details: { unit: unit.id, employee, from: a.from, to: a.to, self: employee === p.employeeId },
    });
    return a;
  });
}

// ---------------------------------------------------------------------------------------------
// History list

export interface HistoryItem {
  id: number;
  employee: string;
  employeeName: string;
  from: LocalDate;
  to: LocalDate;
  /** null when the caller may not see kinds (representatives). */
  kind: string | null;
  source: string;
}

/** The unit's history overlapping [from, to]; kinds only for those allowed to see them. */
export async function historyView(ctx: ServerContext, p: Principal, unit: Unit, range: { from: LocalDate; to: LocalDate }): Promise<{ absences: HistoryItem[]; kindsVisible: boolean }> {
  const kindsVisible = can(p, 'absence.viewKinds', unit.id, unit.organisationId);
  const list = await ctx.repos.absences.listHistory({ unitIds: [unit.id], from: range.from, to: range.to });
  const names = new Map((await ctx.repos.employees.listMembers(unit.id)).map((e) => [e.id, e.name]));
  for (const id of new Set(list.map((a) => a.employee))) if (!names.has(id)) names.set(id, (await ctx.repos.employees.get(id))?.name ?? id);
  return {
    kindsVisible,
    absences: list.map((a) => ({ id: a.id, employee: a.employee, employeeName: names.get(a.employee) ?? a.employee, from: a.from, to: a.to, kind: kindsVisible ? a.kind : null, source: a.source })),
  };
}

/** Persons absent per day in [from, to] (each person once a day), every kind except leave. */
export function dailyAbsent(spells: ReadonlyArray<{ employee: string; from: LocalDate; to: LocalDate; kind: string }>, from: LocalDate, to: LocalDate): Array<{ date: LocalDate; absent: number }> {
  const f = toEpochDay(from);
  const n = toEpochDay(to) - f + 1;
  if (n <= 0) return [];
  const sets = Array.from({ length: n }, () => new Set<string>());
  for (const s of spells) {
    if (!SICKNESS.includes(s.kind)) continue;
    const a = Math.max(f, toEpochDay(s.from));
    const b = Math.min(f + n - 1, toEpochDay(s.to));
    for (let d = a; d <= b; d++) sets[d - f].add(s.employee);
  }
  return sets.map((set, i) => ({ date: fromEpochDay(f + i), absent: set.size }));
}

// ---------------------------------------------------------------------------------------------
// Forecast

/** Days of actual history shown beside the forecast. */
export const HISTORY_DAYS = 84;
/** Least history the forecast needs (as forecastAbsence). */
export const MIN_HISTORY_DAYS = 56;

/** A forecast request the history cannot answer (422). */
export class ForecastUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForecastUnavailableError';
  }
}

export interface UnitForecastResponse {
  unit: { id: string; name: string };
  from: LocalDate;
  days: number;
  staff: number;
  staffEstimated: boolean;
  historyStart: LocalDate;
  historyEnd: LocalDate;
  spellsUsed: number;
  calibrationOrigins: number;
  rows: ForecastJobResult['rows'];
  history: Array<{ date: LocalDate; absent: number }>;
  byShift: { planId: string; planName: string; rows: ShiftForecastRow[] } | null;
  warnings: string[];
}

/** The staffing plan to split by: the plan covering `from`, else the one starting last. */
function pickPlan(plans: PlanSummary[], from: LocalDate): PlanSummary | null {
  const covering = plans.filter((pl) => pl.start <= from && from <= pl.end);
  const pool = covering.length ? covering : plans;
  return pool.reduce<PlanSummary | null>((best, pl) => (!best || pl.start > best.start || (pl.start === best.start && pl.updatedAt > best.updatedAt) ? pl : best), null);
}

/**
 * The unit's stored sickness history before `from` as forecast spells, with its first day and
 * span; ForecastUnavailableError when there is none or too little (under 8 weeks).
 */
export async function historySpells(ctx: ServerContext, unit: Unit, from: LocalDate) {
  const last = addDays(from, -1);
  // The organisation's units: a unit with little history of its own is forecast from the pooled
  // model (partial pooling of the unit intercepts, FORECASTING.md § 2.6), with a warning.
  const unitIds = (await ctx.repos.organisations.listUnits(unit.organisationId)).map((u) => u.id);
  const stored = await ctx.repos.absences.listHistory({ unitIds: unitIds.length ? unitIds : [unit.id], to: last });
  const sick = stored.filter((a) => (HISTORY_KINDS as readonly string[]).includes(a.kind) && a.unitId !== null);
  const spells: AbsenceSpell[] = sick.map((a) => ({ employee: a.employee, unit: a.unitId!, from: a.from, to: a.to, type: a.kind as AbsenceSpell['type'] }));
  const own = spells.filter((s) => s.unit === unit.id);
  const first = (list: AbsenceSpell[]) => list.reduce((m, s) => (s.from < m ? s.from : m), list[0]?.from ?? from);
  const start = first(own);
  const span = own.length ? daysBetween(start, from) : 0;
  const pooledSpan = spells.length ? daysBetween(first(spells), from) : 0;
  if (spells.length === 0)
    throw new ForecastUnavailableError(
      `enheten har ingen registrert fraværshistorikk før ${from}; importer historikken (CSV eller Excel) først / the unit has no absence history before ${from}; import the history (CSV or Excel) first`,
    );
  if (pooledSpan < MIN_HISTORY_DAYS)
    throw new ForecastUnavailableError(
      `for kort fraværshistorikk: den begynner ${first(spells)}, ${pooledSpan} dager før ${from}; prognosen trenger minst ${MIN_HISTORY_DAYS} dager (8 uker), helst flere år / too little absence history: it starts ${first(spells)}, ${pooledSpan} days before ${from}; the forecast needs at least ${MIN_HISTORY_DAYS} days (8 weeks), preferably several years`,
    );
  const pooled = span < 365 && spells.length > own.length;
  return { stored, spells, start, span, pooled };
}

/**
 * The unit's absence forecast from its stored history: `days` days from `from` (default
 * today), the calibrated mean, median and 80 % interval per day, the last 12 weeks of actual
 * absence, the split by the staffing plan's shifts, and warnings on the data. Runs in a worker.
 */
export async function unitForecast(
  ctx: ServerContext,
  runner: ForecastRunner,
  unit: Unit,
  q: { from?: LocalDate; days?: number; today?: LocalDate },
): Promise<UnitForecastResponse> {
  const today = q.today ?? todayInOslo();
  const from = q.from ?? today;
  const days = q.days ?? 28;
  const last = addDays(from, -1);
  const { stored, spells, span, pooled } = await historySpells(ctx, unit, from);
  const home = (await ctx.repos.employees.listByUnit(unit.id)).length;
  const staff = home > 0 ? Math.max(home, estimateStaff(spells, unit.id, from)) : undefined;
  const plan = pickPlan(await ctx.repos.plans.listPlans(unit.id), from);
  const demand = plan ? ((await ctx.repos.plans.loadPlan(plan.id))?.demand ?? []) : [];

  const hash = createHash('sha256');
  hash.update(JSON.stringify([unit.id, from, days, staff ?? null, plan ? [plan.id, plan.version] : null]));
  for (const a of stored) hash.update(`|${a.id},${a.employee},${a.from},${a.to},${a.kind}`);
  let result: ForecastJobResult;
  try {
    result = await runner.run(hash.digest('hex'), () => ({ spells, request: { unit: unit.id, from, days, staff }, demand: demand.length ? demand : undefined }));
  } catch (e) {
    if (e instanceof ForecastFailedError && e.inputError)
      throw new ForecastUnavailableError(`prognosen kan ikke lages av denne historikken / the forecast cannot be made from this history: ${e.message}`);
    throw e;
  }

  const warnings: string[] = [];
  if (pooled)
    warnings.push(
      `enheten har bare ${span} dager egen historikk; prognosen lener seg på de andre enhetene i kommunen (samlet modell) / the unit has only ${span} days of its own history; the forecast leans on the other units of the organisation (pooled model)`,
    );
  if (span < 365)
    warnings.push(
      `historikken dekker bare ${span} dager; årstidsmønsteret er usikkert før den dekker minst ett år / the history covers only ${span} days; the seasonal pattern is uncertain until it covers at least a year`,
    );
  if (result.staffEstimated)
    warnings.push('antall ansatte er anslått ut fra hvem som har fravær i historikken / the headcount is estimated from who has absences in the history');
  if (result.calibrationOrigins < 6)
    warnings.push(
      `intervallene er kalibrert på bare ${result.calibrationOrigins} tidligere prognoser og er usikre / the intervals are calibrated on only ${result.calibrationOrigins} past forecasts and are uncertain`,
    );
  if (from > addDays(today, 1))
    warnings.push(`prognosen begynner etter i dag: fravær mellom i dag og ${from} er ikke kjent ennå / the forecast starts after today: absence between today and ${from} is not known yet`);
  const lastStart = spells.reduce((m, s) => (s.from > m ? s.from : m), spells[0].from);
  if (daysBetween(lastStart, from) > 60)
    warnings.push(
      `siste registrerte fravær begynte ${lastStart}; er historikken oppdatert? / the last registered absence began ${lastStart}; is the history up to date?`,
    );

  return {
    unit: { id: unit.id, name: unit.name },
    from,
    days,
    staff: result.staff,
    staffEstimated: result.staffEstimated,
    historyStart: result.historyStart,
    historyEnd: result.historyEnd,
    spellsUsed: result.spellsUsed,
    calibrationOrigins: result.calibrationOrigins,
    rows: result.rows,
    history: dailyAbsent(stored, addDays(from, -HISTORY_DAYS), last),
    byShift: plan && result.byShift ? { planId: plan.id, planName: plan.name, rows: result.byShift } : null,
    warnings,
  };
}
