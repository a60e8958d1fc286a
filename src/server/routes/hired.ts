/**
 * Hired hours of a unit (issue #6, full-time culture): agency hours (innleie), extra shifts
 * (ekstravakter) and overtime (overtid) — the hours bought beyond the positions that the
 * heltid figures count. List, register one record, import a CSV or .xlsx file (every line
 * checked first, a line-by-line report in bokmål and English, nothing stored if any line is
 * bad), and the small hook the cover confirmation calls to record the hours a cover bought.
 * Leaders, planners and admins of the unit only; every write is audit-logged.
 */
import ExcelJS from 'exceljs';
import type { Context } from 'hono';
import { z } from 'zod';
import type { Plan } from '../../core/model/plan.js';
import { IdSchema, LocalDateSchema } from '../../core/model/primitives.js';
import { addDays, daysBetween, isLocalDate, type LocalDate } from '../../core/time/localDate.js';
import { clockToMinutes } from '../../core/time/zone.js';
import type { Queryable } from '../../db/db.js';
import { ValidationError } from '../../db/errors.js';
import { HIRED_KINDS, HIRED_SOURCES, HiredRepository, MAX_HIRED_HOURS, type HiredInput, type HiredKind, type StoredHired } from '../../db/hiredRepository.js';
import type { Unit } from '../../db/repositories.js';
import { createRepositories } from '../../db/sqlRepositories.js';
import type { CoverNeed } from '../../engine/cover.js';
import { excelSerialToDate, XLSX_MIME } from '../absenceFile.js';
import { todayInOslo } from '../absences.js';
import { param } from '../api.js';
import type { Permission } from '../auth/permissions.js';
import type { AppEnv } from '../env.js';
import { errorBody } from '../errors.js';
import { authorizeUnit, type ServerContext } from './guard.js';

/** Who may see and register hired hours: the roles that manage the unit's staffing (admin, leader, planner). */
export const HIRED_PERMISSION: Permission = 'absence.manage';
/** Largest import file (bytes). */
export const MAX_HIRED_FILE_BYTES = 2 * 1024 * 1024;
/** Most data lines in one import. */
export const MAX_HIRED_LINES = 20_000;
/** Most problems listed in one report. */
const MAX_PROBLEMS = 500;
/** A record with an employee or a shift is one person's day: at most this many hours. */
const MAX_PERSON_DAY_HOURS = 24;

/** Accepted spellings of the kind in a file (English and bokmål). */
const KIND_ALIASES: Record<string, HiredKind> = {
  agency: 'agency',
  innleie: 'agency',
  'vikarbyrå': 'agency',
  extra: 'extra',
  ekstra: 'extra',
  ekstravakt: 'extra',
  overtime: 'overtime',
  overtid: 'overtime',
};
/** Columns of the import file (English or bokmål header names). */
const COLUMN_ALIASES: Record<string, 'date' | 'kind' | 'hours' | 'employee' | 'shift' | 'note'> = {
  date: 'date',
  dato: 'date',
  kind: 'kind',
  type: 'kind',
  art: 'kind',
  hours: 'hours',
  timer: 'hours',
  employee: 'employee',
  ansatt: 'employee',
  shift: 'shift',
  vakt: 'shift',
  note: 'note',
  merknad: 'note',
};
const REQUIRED_COLUMNS = ['date', 'kind', 'hours'] as const;

const round2 = (x: number) => Math.round(x * 100) / 100;

// ---------------------------------------------------------------------------------------------
// Checks shared by the form and the import

interface UnitFacts {
  unit: Unit;
  /** The unit's people (home unit or in one of its plans): id → name. */
  members: Map<string, string>;
  /** Shift codes of the unit. */
  shifts: Set<string>;
  today: LocalDate;
}

async function unitFacts(ctx: ServerContext, unit: Unit): Promise<UnitFacts> {
  const members = new Map((await ctx.repos.employees.listMembers(unit.id)).map((e) => [e.id, e.name]));
  const shifts = new Set((await ctx.db.query<{ code: string }>('select code from shift_types where unit_id = $1', [unit.id])).rows.map((r) => r.code));
  return { unit, members, shifts, today: todayInOslo() };
}

/** The earliest and latest work dates accepted (ten years back, a year ahead: agency booked in advance). */
function dateBounds(today: LocalDate): { min: LocalDate; max: LocalDate } {
  return { min: addDays(today, -3653), max: addDays(today, 366) };
}

interface FieldProblem {
  field: string;
  reason: string;
}

/** What is wrong with one record in this unit (empty when nothing): reasons as "bokmål / English". */
function recordProblems(r: HiredInput, f: UnitFacts): FieldProblem[] {
  const out: FieldProblem[] = [];
  const { min, max } = dateBounds(f.today);
  if (r.date < min || r.date > max)
    out.push({ field: 'date', reason: `${r.date} ligger utenfor ${min}–${max} (ti år tilbake, ett år fram) / ${r.date} is outside ${min}–${max} (ten years back, one year ahead)` });
  if (!(r.hours > 0)) out.push({ field: 'hours', reason: `timer må være større enn 0 / hours must be more than 0` });
  const person = !!r.employeeId || !!r.shift;
  const cap = person ? MAX_PERSON_DAY_HOURS : MAX_HIRED_HOURS;
  if (r.hours > cap)
    out.push({
      field: 'hours',
      reason: person
        ? `${r.hours} timer på én person eller vakt er mer enn ${cap} timer på et døgn / ${r.hours} hours for one person or shift is more than ${cap} hours in a day`
        : `høyst ${cap} timer på én linje / at most ${cap} hours on one line`,
    });
  if (r.employeeId) {
    if (r.kind === 'agency')
      out.push({
        field: 'employee',
        reason: `innleie er ikke egne ansatte: la ansatt stå tom, eller bruk ekstravakt/overtid for «${r.employeeId}» / agency staff are not our employees: leave employee empty, or use extra/overtime for "${r.employeeId}"`,
      });
    else if (!f.members.has(r.employeeId)) out.push({ field: 'employee', reason: `ukjent ansatt «${r.employeeId}» i denne enheten / unknown employee "${r.employeeId}" in this unit` });
  }
  if (r.shift && !f.shifts.has(r.shift))
    out.push({
      field: 'shift',
      reason: `ukjent vakt «${r.shift}» (enhetens vakter: ${[...f.shifts].sort().join(', ') || 'ingen'}) / unknown shift "${r.shift}" (the unit's shifts: ${[...f.shifts].sort().join(', ') || 'none'})`,
    });
  if (r.note && r.note.length > 500) out.push({ field: 'note', reason: 'merknaden er lengre enn 500 tegn / the note is longer than 500 characters' });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The import file

export class HiredFileError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 | 415 = 400,
  ) {
    super(message);
    this.name = 'HiredFileError';
  }
}

export interface FileLine {
  /** 1-based line (CSV) or row (sheet) number. */
  line: number;
  cells: string[];
}

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** One CSV line into fields (quotes as RFC 4180, within the line), or the reason it cannot be read. */
function splitCsvLine(s: string, sep: string): string[] | string {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (s[i] === '"') {
      i++;
      for (;;) {
        if (i >= s.length) return 'et anførselstegn avsluttes ikke / an unterminated quote';
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += s[i++];
      }
      if (i < s.length && s[i] !== sep) return 'tekst etter et avsluttende anførselstegn / text after a closing quote';
    } else {
      while (i < s.length && s[i] !== sep) {
        if (s[i] === '"') return 'anførselstegn inne i et felt uten anførselstegn / a quote inside an unquoted field';
        field += s[i++];
      }
    }
    out.push(field.trim());
    if (i >= s.length) return out;
    i++; // the separator
  }
}

function csvLines(text: string): { lines: FileLine[]; problems: LineProblem[] } {
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const headerIdx = raw.findIndex((l) => l.trim() !== '');
  if (headerIdx < 0) throw new HiredFileError('tom fil / empty file');
  // Norwegian Excel writes CSV with semicolons (and decimal commas).
  const header = raw[headerIdx];
  const sep = header.includes(';') && !header.includes(',') ? ';' : header.includes('\t') && !header.includes(',') ? '\t' : ',';
  const lines: FileLine[] = [];
  const problems: LineProblem[] = [];
  raw.forEach((l, i) => {
    if (l.trim() === '') return;
    const cells = splitCsvLine(l, sep);
    if (typeof cells === 'string') problems.push({ line: i + 1, field: '(linje)', reason: cells });
    else lines.push({ line: i + 1, cells });
  });
  return { lines, problems };
}

function cellText(v: ExcelJS.CellValue, dateColumn: boolean): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return dateColumn ? (excelSerialToDate(v) ?? String(v)) : String(v);
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('').trim();
    if ('formula' in v || 'sharedFormula' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null, dateColumn);
    if ('text' in v && typeof v.text === 'string') return v.text.trim();
    if ('error' in v) return String(v.error);
  }
  return String(v);
}

async function sheetLines(bytes: Uint8Array): Promise<FileLine[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new HiredFileError(`filen kan ikke leses som .xlsx / the file cannot be read as .xlsx (${e instanceof Error ? e.message : String(e)})`);
  }
  const ws = wb.worksheets[0];
  if (!ws || ws.rowCount === 0) throw new HiredFileError('det første arket er tomt / the first sheet is empty');
  if (ws.rowCount > MAX_HIRED_LINES + 1) throw new HiredFileError(`for mange rader (${ws.rowCount}); høyst ${MAX_HIRED_LINES} / too many rows (${ws.rowCount}); at most ${MAX_HIRED_LINES}`, 413);
  const out: FileLine[] = [];
  let dateCol = -1;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value, c - 1 === dateCol));
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    if (!cells.length) continue;
    if (!out.length) dateCol = cells.findIndex((h) => COLUMN_ALIASES[h.toLowerCase()] === 'date');
    out.push({ line: r, cells });
  }
  if (!out.length) throw new HiredFileError('det første arket er tomt / the first sheet is empty');
  return out;
}

/** The uploaded file's lines, whatever it came as (CSV in UTF-8 or Windows-1252, or .xlsx). */
export async function hiredFileLines(bytes: Uint8Array, contentType = ''): Promise<{ lines: FileLine[]; problems: LineProblem[]; format: 'csv' | 'xlsx' }> {
  if (bytes.length === 0) throw new HiredFileError('tom fil / empty file');
  if (bytes.length > MAX_HIRED_FILE_BYTES)
    throw new HiredFileError(`filen er større enn ${MAX_HIRED_FILE_BYTES / 1024 / 1024} MB / the file is larger than ${MAX_HIRED_FILE_BYTES / 1024 / 1024} MB`, 413);
  if (isOle(bytes) || /application\/vnd\.ms-excel/.test(contentType))
    throw new HiredFileError('gamle Excel-filer (.xls) leses ikke; lagre som .xlsx eller CSV / old Excel files (.xls) are not read; save as .xlsx or CSV', 415);
  if (isZip(bytes) || contentType.includes('spreadsheetml')) {
    if (!isZip(bytes)) throw new HiredFileError('filen er ikke en gyldig .xlsx-fil / the file is not a valid .xlsx file');
    return { lines: await sheetLines(bytes), problems: [], format: 'xlsx' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  if (text.includes('\u0000')) throw new HiredFileError('filen er verken CSV eller .xlsx / the file is neither CSV nor .xlsx', 415);
  const { lines, problems } = csvLines(text);
  if (lines.length > MAX_HIRED_LINES + 1) throw new HiredFileError(`for mange linjer (${lines.length}); høyst ${MAX_HIRED_LINES} / too many lines (${lines.length}); at most ${MAX_HIRED_LINES}`, 413);
  return { lines, problems, format: 'csv' };
}

/** One finding of the line-by-line report: `reason` is "bokmål / English". */
export interface LineProblem {
  line: number;
  field: string;
  reason: string;
}

/** A date as YYYY-MM-DD, or dd.mm.yyyy as Norwegian spreadsheets write it. */
function parseDate(s: string): string | null {
  const nb = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  const iso = nb ? `${nb[3]}-${nb[2].padStart(2, '0')}-${nb[1].padStart(2, '0')}` : s;
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && isLocalDate(iso) ? iso : null;
}

/** The file's lines as records (with their line numbers), and every problem of format and content. */
export function parseHiredLines(lines: readonly FileLine[], f: UnitFacts): { records: Array<HiredInput & { line: number }>; problems: LineProblem[] } {
  const problems: LineProblem[] = [];
  const records: Array<HiredInput & { line: number }> = [];
  const [head, ...data] = lines;
  if (!head) return { records, problems: [{ line: 1, field: '(overskrift)', reason: 'tom fil: overskriften date,kind,hours mangler / empty file: the header date,kind,hours is missing' }] };
  const cols: Array<(typeof COLUMN_ALIASES)[string]> = [];
  head.cells.forEach((h) => {
    const c = COLUMN_ALIASES[h.trim().toLowerCase()];
    if (!c)
      problems.push({
        line: head.line,
        field: h || '(tom)',
        reason: `ukjent kolonne «${h}»; kolonnene er date,kind,hours[,employee,shift,note] / unknown column "${h}"; the columns are date,kind,hours[,employee,shift,note]`,
      });
    else if (cols.includes(c)) problems.push({ line: head.line, field: h, reason: 'kolonnen står to ganger / duplicate column' });
    cols.push(c);
  });
  for (const req of REQUIRED_COLUMNS)
    if (!cols.includes(req)) problems.push({ line: head.line, field: req, reason: `kolonnen «${req}» mangler (overskriften må ha date,kind,hours) / missing column "${req}" (the header must name date,kind,hours)` });
  if (problems.length) return { records, problems };
  if (!data.length) return { records, problems: [{ line: head.line, field: '(fil)', reason: 'ingen linjer etter overskriften / no lines after the header' }] };
  for (const l of data) {
    const at = (c: string) => {
      const i = cols.indexOf(c as (typeof cols)[number]);
      return i < 0 ? '' : (l.cells[i] ?? '').trim();
    };
    const add = (field: string, reason: string) => problems.push({ line: l.line, field, reason });
    if (l.cells.length > cols.length && l.cells.slice(cols.length).some((x) => x.trim() !== '')) {
      add('(linje)', `forventet ${cols.length} felt, fant ${l.cells.length} / expected ${cols.length} fields, found ${l.cells.length}`);
      continue;
    }
    const before = problems.length;
    const dateText = at('date');
    const date = parseDate(dateText);
    if (!dateText) add('date', 'tomt: datoen mangler / empty: the date is missing');
    else if (!date) add('date', `«${dateText}» er ikke en dato (ÅÅÅÅ-MM-DD eller dd.mm.åååå) / "${dateText}" is not a date (YYYY-MM-DD or dd.mm.yyyy)`);
    const kindText = at('kind');
    const kind = KIND_ALIASES[kindText.toLowerCase()];
    if (!kind)
      add('kind', `ukjent art «${kindText}»; gyldige er agency (innleie), extra (ekstravakt), overtime (overtid) / unknown kind "${kindText}"; valid are agency, extra, overtime`);
    const hoursText = at('hours');
    const hours = /^\d+([.,]\d+)?$/.test(hoursText) ? Number(hoursText.replace(',', '.')) : NaN;
    if (!hoursText) add('hours', 'tomt: timer mangler / empty: the hours are missing');
    else if (!Number.isFinite(hours)) add('hours', `«${hoursText}» er ikke et antall timer (f.eks. 7,5) / "${hoursText}" is not a number of hours (e.g. 7.5)`);
    const shift = at('shift');
    if (shift.length > 8) add('shift', 'vaktkoden er lengre enn 8 tegn / the shift code is longer than 8 characters');
    if (problems.length > before || !date || !kind) continue;
    const rec: HiredInput & { line: number } = { line: l.line, date, kind, hours, employeeId: at('employee') || null, shift: shift || null, note: at('note') || null };
    for (const p of recordProblems(rec, f)) add(p.field, p.reason);
    if (problems.length === before) records.push(rec);
  }
  return { records, problems };
}

// ---------------------------------------------------------------------------------------------
// The cover hook

/** Paid hours of one shift of the plan (clock times, an unpaid break deducted; a DST night is off by an hour). */
export function shiftHours(plan: Plan, code: string): number | null {
  const st = plan.shiftTypes.find((s) => s.code === code);
  if (!st) return null;
  const start = clockToMinutes(st.start);
  let end = clockToMinutes(st.end);
  if (end <= start) end += 24 * 60;
  const dur = end - start;
  const brk = st.breakMinutes ?? (dur > 5.5 * 60 ? plan.rules.breaks.defaultMinutes : 0);
  return round2((dur - (st.breakPaid ? 0 : brk)) / 60);
}

/** One confirmed cover, as the hook needs it. */
export interface CoverHired {
  date: string;
  shift: string;
  /** null: an outside substitute (vikar). */
  employee: string | null;
  substituteName?: string | null;
  /** The colleague held a (paid) prediction shift that day: no hours were bought. */
  heldPrediction: boolean;
  /** The colleague goes above the full-time norm of the period with it (the cover proposal's flag). */
  overtime: boolean;
}

/** The covers of a confirmation (the proposal's needs and the leader's choices) as the hook reads them. */
export function coverHiredFrom(needs: readonly CoverNeed[], choices: ReadonlyArray<{ date: string; shift: string; employee: string | null; substituteName?: string }>): CoverHired[] {
  const out: CoverHired[] = [];
  for (const n of needs) {
    if (n.predictionShiftLost) continue;
    const ch = choices.find((x) => x.date === n.date && x.shift === n.shift);
    if (!ch) continue;
    const cand = ch.employee === null ? undefined : n.candidates.find((x) => x.employee === ch.employee);
    out.push({
      date: n.date,
      shift: n.shift,
      employee: ch.employee,
      substituteName: ch.substituteName ?? null,
      heldPrediction: !!cand?.had,
      overtime: !!cand?.overtime,
    });
  }
  return out;
}

/**
 * Records the hours a confirmed cover bought, in the caller's transaction (source 'cover'): an
 * outside substitute is agency hours (innleie) of the shift's length; a colleague who was off
 * that day (own staff or the shared pool) works an extra shift (ekstravakt) — overtime (overtid)
 * when it takes them above the full-time norm; a colleague on a prediction shift costs nothing extra.
 */
export async function recordCoverHired(
  tx: Queryable,
  args: { unitId: string; plan: Plan; planId: string; userId: string | null; actor: string; covers: readonly CoverHired[] },
): Promise<StoredHired[]> {
  const records: HiredInput[] = [];
  for (const c of args.covers) {
    if (c.heldPrediction) continue;
    const hours = shiftHours(args.plan, c.shift);
    if (!hours || hours <= 0) continue;
    if (c.employee === null)
      records.push({ date: c.date, kind: 'agency', hours, shift: c.shift, note: c.substituteName ? `Vikar: ${c.substituteName}`.slice(0, 500) : 'Vikar / substitute' });
    else records.push({ date: c.date, kind: c.overtime ? 'overtime' : 'extra', hours, employeeId: c.employee, shift: c.shift });
  }
  if (!records.length) return [];
  const stored = await new HiredRepository(tx).add(args.unitId, records, { source: 'cover', createdBy: args.userId, planId: args.planId });
  await createRepositories(tx).audit.append({
    actor: args.actor,
    action: 'hired.cover',
    entity: 'unit',
    entityId: args.unitId,
    details: { plan: args.planId, records: stored.map((r) => ({ id: r.id, date: r.date, kind: r.kind, hours: r.hours, shift: r.shift, employee: r.employeeId })) },
  });
  return stored;
}

// ---------------------------------------------------------------------------------------------
// Routes

const RecordSchema = z.object({
  id: z.number().int(),
  date: z.string(),
  kind: z.enum(HIRED_KINDS),
  hours: z.number(),
  employee: z.string().nullable(),
  employeeName: z.string().nullable(),
  shift: z.string().nullable(),
  source: z.enum(HIRED_SOURCES),
  note: z.string().nullable(),
  createdAt: z.string(),
});
const Totals = z.object({ agencyHours: z.number(), extraHours: z.number(), extraShifts: z.number().int(), overtimeHours: z.number() });

const ListQuery = z
  .object({
    from: LocalDateSchema.optional().describe('Default: 365 days before today'),
    to: LocalDateSchema.optional().describe('Default: 60 days after today'),
  })
  .strict();
const ListResponse = z.object({
  unit: z.object({ id: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  firstDate: z.string().nullable().describe('The first work date the unit has registered anything for; null: never registered'),
  totals: Totals.describe('Sums of the records in [from, to]'),
  records: z.array(RecordSchema),
  employees: z.array(z.object({ id: z.string(), name: z.string() })).describe("The unit's people (for extra shifts and overtime)"),
  shifts: z.array(z.string()).describe("The unit's shift codes"),
});

const RegisterBody = z
  .object({
    date: LocalDateSchema,
    kind: z
      .enum(HIRED_KINDS, { message: 'art må være agency (innleie), extra (ekstravakt) eller overtime (overtid) / kind must be agency, extra or overtime' })
      .describe('agency (innleie), extra (ekstravakt) or overtime (overtid)'),
    hours: z
      .number({ message: 'timer må være et tall / hours must be a number' })
      .positive({ message: 'timer må være større enn 0 / hours must be more than 0' })
      .max(MAX_HIRED_HOURS, { message: `høyst ${MAX_HIRED_HOURS} timer på én linje / at most ${MAX_HIRED_HOURS} hours on one line` }),
    employee: IdSchema.nullable().optional().describe('Our employee who worked it (extra shifts and overtime; never agency)'),
    shift: z.string().min(1).max(8).nullable().optional(),
    note: z.string().max(500).nullable().optional(),
  })
  .strict();

const ImportResponse = z.object({
  lines: z.number().int().describe('Record lines in the file'),
  inserted: z.number().int(),
  skipped: z.number().int().describe('Lines identical to records already imported (re-importing a file adds nothing)'),
  from: z.string().nullable(),
  to: z.string().nullable(),
  hours: z.object({ agency: z.number(), extra: z.number(), overtime: z.number() }),
});

function totalsOf(rows: readonly StoredHired[]): z.output<typeof Totals> {
  const sum = (k: HiredKind) => round2(rows.filter((r) => r.kind === k).reduce((s, r) => s + r.hours, 0));
  return { agencyHours: sum('agency'), extraHours: sum('extra'), extraShifts: rows.filter((r) => r.kind === 'extra').length, overtimeHours: sum('overtime') };
}

const out = (r: StoredHired, names: Map<string, string>): z.output<typeof RecordSchema> => ({
  id: r.id,
  date: r.date,
  kind: r.kind,
  hours: r.hours,
  employee: r.employeeId,
  employeeName: r.employeeId ? names.get(r.employeeId) ?? r.employeeId : null,
  shift: r.shift,
  source: r.source,
  note: r.note,
  createdAt: r.createdAt,
});

const keyOf = (r: { date: string; kind: string; hours: number; employeeId?: string | null; shift?: string | null }) => `${r.date}|${r.kind}|${r.hours}|${r.employeeId ?? ''}|${r.shift ?? ''}`;

async function readUpload(c: Context<AppEnv>): Promise<{ bytes: Uint8Array; contentType: string } | Response> {
  let contentType = c.req.header('content-type') ?? '';
  if (contentType.startsWith('multipart/form-data')) {
    const form = await c.req.parseBody();
    const file = form['file'];
    if (!(file instanceof File)) return c.json(errorBody('body.file', 'mangler filen i feltet «file» / missing the file in the field "file"'), 400);
    contentType = file.type;
    return { bytes: new Uint8Array(await file.arrayBuffer()), contentType };
  }
  return { bytes: new Uint8Array(await c.req.arrayBuffer()), contentType };
}

export function hiredRoutes(ctx: ServerContext): void {
  const { api } = ctx;
  const hired = new HiredRepository(ctx.db);

  api.route(
    {
      method: 'get',
      path: '/api/units/:id/hired',
      tag: 'hired',
      summary: "The unit's hired hours (agency, extra shifts, overtime) in [from, to], with sums (leaders, planners, admins)",
      query: ListQuery,
      response: ListResponse,
    },
    async (c, { principal, query }) => {
      const unit = await authorizeUnit(ctx, principal, param(c), HIRED_PERMISSION);
      const f = await unitFacts(ctx, unit);
      const from = query.from ?? addDays(f.today, -365);
      const to = query.to ?? addDays(f.today, 60);
      if (to < from) return c.json(errorBody('query.to', 'til-dato er før fra-dato / to is before from'), 400);
      if (daysBetween(from, to) > 5 * 366) return c.json(errorBody('query.to', 'høyst fem år om gangen / at most five years at a time'), 400);
      const rows = await hired.list({ unitIds: [unit.id], from, to });
      const first = (await hired.firstDates([unit.id])).get(unit.id) ?? null;
      return c.json({
        unit: { id: unit.id, name: unit.name },
        from,
        to,
        firstDate: first,
        totals: totalsOf(rows),
        records: rows.map((r) => out(r, f.members)),
        employees: [...f.members].map(([id, name]) => ({ id, name })),
        shifts: [...f.shifts].sort(),
      });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/api/units/:id/hired',
      tag: 'hired',
      summary: 'Register one record of hired hours: agency (innleie), an extra shift (ekstravakt) or overtime (overtid) (leaders, planners, admins; audit-logged)',
      description: 'Agency hours name no employee; extra shifts and overtime may name the employee (one of the unit\'s people, at most 24 h) and the shift (one of the unit\'s shift codes).',
      body: RegisterBody,
      response: z.object({ record: RecordSchema }),
      status: 201,
    },
    async (c, { principal, body }) => {
      const unit = await authorizeUnit(ctx, principal, param(c), HIRED_PERMISSION);
      const f = await unitFacts(ctx, unit);
      const rec: HiredInput = { date: body.date, kind: body.kind, hours: body.hours, employeeId: body.employee ?? null, shift: body.shift ?? null, note: body.note?.trim() || null };
      const problems = recordProblems(rec, f);
      if (problems.length) throw new ValidationError('ugyldig registrering / invalid record', problems.map((p) => ({ path: `body.${p.field}`, message: p.reason })));
      const stored = await ctx.db.transaction(async (tx) => {
        const [s] = await new HiredRepository(tx).add(unit.id, [rec], { source: 'manual', createdBy: principal.userId });
        await createRepositories(tx).audit.append({
          actor: c.get('actor'),
          action: 'hired.register',
          entity: 'unit',
          entityId: unit.id,
          details: { id: s.id, date: s.date, kind: s.kind, hours: s.hours, employee: s.employeeId, shift: s.shift },
        });
        return s;
      });
      return c.json({ record: out(stored, f.members) }, 201);
    },
  );

  api.route(
    {
      method: 'post',
      path: '/api/units/:id/hired/import',
      tag: 'hired',
      summary: 'Import hired hours from a CSV or Excel (.xlsx) file (leaders, planners, admins; audit-logged)',
      description:
        'The body is the file itself (text/csv, or an .xlsx workbook whose first sheet has the same columns), or multipart/form-data with the file in `file`. ' +
        'Columns: date,kind,hours[,employee,shift,note] (bokmål headers dato,art,timer,ansatt,vakt,merknad are read too; kind: agency|extra|overtime or innleie|ekstravakt|overtid; ' +
        'dates YYYY-MM-DD or dd.mm.yyyy; hours with a decimal point or comma; a CSV may be separated by semicolons). ' +
        `All-or-nothing: any problem gives 400 with every problem as \`{ line, field, reason }\` (reason in bokmål / English) and nothing is stored. Lines identical to records already imported are skipped. At most ${MAX_HIRED_FILE_BYTES / 1024 / 1024} MB and ${MAX_HIRED_LINES} lines (413).`,
      consumes: ['text/csv', XLSX_MIME, 'multipart/form-data'],
      response: ImportResponse,
      status: 201,
      errorStatuses: [413, 415],
    },
    async (c, { principal }) => {
      const unit = await authorizeUnit(ctx, principal, param(c), HIRED_PERMISSION);
      const up = await readUpload(c);
      if (up instanceof Response) return up;
      let file: Awaited<ReturnType<typeof hiredFileLines>>;
      try {
        file = await hiredFileLines(up.bytes, up.contentType);
      } catch (e) {
        if (e instanceof HiredFileError) return c.json(errorBody('body', e.message), e.status);
        throw e;
      }
      const f = await unitFacts(ctx, unit);
      const parsed = parseHiredLines(file.lines, f);
      const problems = [...file.problems, ...parsed.problems].sort((a, b) => a.line - b.line || a.field.localeCompare(b.field)).slice(0, MAX_PROBLEMS);
      if (problems.length)
        return c.json({ errors: problems.map((e) => ({ path: `lines[${e.line}].${e.field}`, message: `linje ${e.line}, ${e.field}: ${e.reason}`, ...e })) }, 400);
      const records = parsed.records;
      const result = await ctx.db.transaction(async (tx) => {
        const repo = new HiredRepository(tx);
        const dates = records.map((r) => r.date).sort();
        // Re-importing a file adds nothing: lines identical to imported records are skipped, counted per key.
        const stored = await repo.list({ unitIds: [unit.id], from: dates[0], to: dates[dates.length - 1] });
        const have = new Map<string, number>();
        for (const s of stored) if (s.source === 'import') have.set(keyOf(s), (have.get(keyOf(s)) ?? 0) + 1);
        const fresh = records.filter((r) => {
          const k = keyOf(r);
          const n = have.get(k) ?? 0;
          if (n > 0) {
            have.set(k, n - 1);
            return false;
          }
          return true;
        });
        const inserted = await repo.add(unit.id, fresh, { source: 'import', createdBy: principal.userId });
        const sum = (k: HiredKind) => round2(inserted.filter((r) => r.kind === k).reduce((s, r) => s + r.hours, 0));
        const res = {
          lines: records.length,
          inserted: inserted.length,
          skipped: records.length - fresh.length,
          from: dates[0] ?? null,
          to: dates[dates.length - 1] ?? null,
          hours: { agency: sum('agency'), extra: sum('extra'), overtime: sum('overtime') },
        };
        await createRepositories(tx).audit.append({ actor: c.get('actor'), action: 'hired.import', entity: 'unit', entityId: unit.id, details: { format: file.format, ...res } });
        return res;
      });
      return c.json(result, 201);
    },
  );
}
