/**
 * The employee file (ansattliste) a leader imports: one employee per line, header required,
 * columns in any order, English or Norwegian column names. Comma- or semicolon-separated
 * (Norwegian Excel writes semicolons), RFC 4180 quotes, UTF-8 with or without BOM.
 *
 *   required  name (navn), competence (kompetanse), position_percent (stillingsprosent),
 *             start_date (startdato)
 *   optional  id (ansattnummer; an existing employee's number updates that employee),
 *             end_date (sluttdato), long_shifts (langvakter: ja/nei), weekend_frequency (helgefrekvens 1–6)
 *
 * Every line is checked and every finding reported (line, field, reason in bokmål and
 * English); a caller stores nothing unless there are none. Pure: no I/O.
 */
import { isLocalDate } from '../time/localDate.js';
import { COMPETENCES } from './primitives.js';

export const EMPLOYEE_CSV_COLUMNS = ['id', 'name', 'competence', 'position_percent', 'start_date', 'end_date', 'long_shifts', 'weekend_frequency'] as const;
export type EmployeeCsvColumn = (typeof EMPLOYEE_CSV_COLUMNS)[number];
export const REQUIRED_EMPLOYEE_COLUMNS: readonly EmployeeCsvColumn[] = ['name', 'competence', 'position_percent', 'start_date'];
/** Columns that hold dates (an .xlsx reader turns date cells in them into YYYY-MM-DD). */
export const EMPLOYEE_DATE_COLUMNS = ['start_date', 'startdato', 'start', 'end_date', 'sluttdato', 'slutt'] as const;

const ALIASES: Record<string, EmployeeCsvColumn> = {
  id: 'id',
  ansattnummer: 'id',
  ansattnr: 'id',
  employee_number: 'id',
  employee_id: 'id',
  external_id: 'id',
  name: 'name',
  navn: 'name',
  competence: 'competence',
  kompetanse: 'competence',
  position_percent: 'position_percent',
  stillingsprosent: 'position_percent',
  stilling: 'position_percent',
  start_date: 'start_date',
  startdato: 'start_date',
  start: 'start_date',
  end_date: 'end_date',
  sluttdato: 'end_date',
  slutt: 'end_date',
  long_shifts: 'long_shifts',
  langvakter: 'long_shifts',
  weekend_frequency: 'weekend_frequency',
  helgefrekvens: 'weekend_frequency',
};

/** Health details never belong in an employee file. */
const HEALTH_NAMES = /^(diagnos[ei]s?|diagnose|diagnosekode|icd(-?10)?|sykdom|illness|helse|health)$/i;

export interface EmployeeCsvRecord {
  line: number;
  id?: string;
  name: string;
  competence: string;
  positionPercent: number;
  startDate: string;
  endDate?: string;
  longShifts?: boolean;
  weekendFrequency?: number;
}

export interface EmployeeCsvProblem {
  line: number;
  field: string;
  /** "bokmål / English". */
  reason: string;
  reasonNb: string;
  reasonEn: string;
}

export interface EmployeeCsvResult {
  /** The lines that are good on their own (when there are problems, only for a fuller report). */
  records: EmployeeCsvRecord[];
  problems: EmployeeCsvProblem[];
}

export interface EmployeeCsvOptions {
  /** Competences accepted besides the standard ones (e.g. those already used in the unit). */
  extraCompetences?: readonly string[];
  /** Most problems reported (default 500). */
  maxProblems?: number;
  /** Most data lines (default 5000). */
  maxLines?: number;
}

/** Splits one CSV line (RFC 4180 quotes; a quoted field may not span lines). */
export function splitCsvLine(text: string, sep: string): { fields: string[]; error?: { nb: string; en: string } } {
  const fields: string[] = [];
  let cur = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') {
      if (cur.trim() !== '') return { fields, error: { nb: 'anførselstegn inne i et felt uten anførselstegn', en: 'a quote inside an unquoted field' } };
      quoted = wasQuoted = true;
      cur = '';
    } else if (ch === sep) {
      fields.push(wasQuoted ? cur : cur.trim());
      cur = '';
      wasQuoted = false;
    } else if (wasQuoted && ch.trim() !== '') return { fields, error: { nb: 'tekst etter et avsluttende anførselstegn', en: 'text after a closing quote' } };
    else cur += ch;
  }
  if (quoted) return { fields, error: { nb: 'et anførselstegn som ikke avsluttes', en: 'an unterminated quote' } };
  fields.push(wasQuoted ? cur : cur.trim());
  return { fields };
}

/** "2027-01-04" or Norwegian "04.01.2027" (also 4.1.2027) → YYYY-MM-DD; null when not a calendar date. */
export function parseFileDate(v: string): string | null {
  const s = v.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return isLocalDate(s) ? s : null;
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return isLocalDate(iso) ? iso : null;
}

/** "80", "80,5", "80 %", "80.5" → number; NaN when not a number. */
export function parsePercent(v: string): number {
  const s = v.trim().replace(/\s*%$/, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'true', '1']);
const NO = new Set(['nei', 'n', 'no', 'false', '0']);

export function parseEmployeeCsv(text: string, opts: EmployeeCsvOptions = {}): EmployeeCsvResult {
  const maxProblems = opts.maxProblems ?? 500;
  const maxLines = opts.maxLines ?? 5000;
  const problems: EmployeeCsvProblem[] = [];
  const add = (line: number, field: string, nb: string, en: string) => {
    if (problems.length < maxProblems) problems.push({ line, field, reason: `${nb} / ${en}`, reasonNb: nb, reasonEn: en });
  };
  const known = new Map<string, string>();
  for (const c of [...COMPETENCES, ...(opts.extraCompetences ?? [])]) known.set(c.toLowerCase(), c);
  const knownList = [...new Set(known.values())].join(', ');

  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const headerIdx = lines.findIndex((l) => l.trim() !== '');
  const headerText = `${REQUIRED_EMPLOYEE_COLUMNS.join(',')} (+ id, end_date, long_shifts, weekend_frequency)`;
  if (headerIdx < 0) {
    add(1, 'header', `tom fil: overskriftslinjen ${headerText} mangler`, `empty file: expected the header ${headerText}`);
    return { records: [], problems };
  }
  const headerNo = headerIdx + 1;
  const headerLine = lines[headerIdx];
  const sep = headerLine.split(';').length > headerLine.split(',').length ? ';' : ',';
  const head = splitCsvLine(headerLine, sep);
  if (head.error) {
    add(headerNo, 'header', head.error.nb, head.error.en);
    return { records: [], problems };
  }
  const col = new Map<EmployeeCsvColumn, number>();
  head.fields.forEach((raw, i) => {
    const n = raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
    const c = ALIASES[n];
    if (HEALTH_NAMES.test(n))
      add(headerNo, raw || `kolonne ${i + 1}`, 'helseopplysninger hører ikke hjemme i ansattlisten; fjern kolonnen', 'health details do not belong in the employee file; remove the column');
    else if (!c) add(headerNo, raw || `kolonne ${i + 1}`, `ukjent kolonne; kolonnene er ${EMPLOYEE_CSV_COLUMNS.join(', ')}`, `unknown column; the columns are ${EMPLOYEE_CSV_COLUMNS.join(', ')}`);
    else if (col.has(c)) add(headerNo, c, 'kolonnen står to ganger', 'duplicate column');
    else col.set(c, i);
  });
  for (const c of REQUIRED_EMPLOYEE_COLUMNS) if (!col.has(c)) add(headerNo, c, `kolonnen mangler (overskriften må ha ${REQUIRED_EMPLOYEE_COLUMNS.join(', ')})`, `missing column (the header must name ${REQUIRED_EMPLOYEE_COLUMNS.join(', ')})`);
  if (problems.length) return { records: [], problems };

  const records: EmployeeCsvRecord[] = [];
  let dataLines = 0;
  for (let li = headerIdx + 1; li < lines.length; li++) {
    const line = li + 1;
    if (lines[li].trim() === '' || /^[,;\s]*$/.test(lines[li])) continue;
    if (++dataLines > maxLines) {
      add(line, 'row', `for mange linjer; høyst ${maxLines} ansatte i én fil`, `too many lines; at most ${maxLines} employees in one file`);
      break;
    }
    const { fields, error } = splitCsvLine(lines[li], sep);
    if (error) {
      add(line, 'row', error.nb, error.en);
      continue;
    }
    if (fields.length !== head.fields.length) {
      add(line, 'row', `forventet ${head.fields.length} felt, fant ${fields.length}`, `expected ${head.fields.length} fields, found ${fields.length}`);
      continue;
    }
    const get = (c: EmployeeCsvColumn) => (col.has(c) ? fields[col.get(c)!].trim() : '');
    const before = problems.length;
    const rec: Partial<EmployeeCsvRecord> & { line: number } = { line };

    const id = get('id');
    if (id) {
      if (id.length > 64) add(line, 'id', 'ansattnummeret er lengre enn 64 tegn', 'the employee number is longer than 64 characters');
      else rec.id = id;
    }
    const name = get('name');
    if (!name) add(line, 'name', 'navn mangler', 'name is missing');
    else if (name.length > 120) add(line, 'name', 'navnet er lengre enn 120 tegn', 'the name is longer than 120 characters');
    else rec.name = name.replace(/\s+/g, ' ');

    const comp = get('competence');
    if (!comp) add(line, 'competence', `kompetanse mangler; gyldige er ${knownList}`, `competence is missing; valid ones are ${knownList}`);
    else if (!known.has(comp.toLowerCase())) add(line, 'competence', `ukjent kompetanse «${comp}»; gyldige er ${knownList}`, `unknown competence "${comp}"; valid ones are ${knownList}`);
    else rec.competence = known.get(comp.toLowerCase())!;

    const pct = get('position_percent');
    const p = parsePercent(pct);
    if (!pct) add(line, 'position_percent', 'stillingsprosent mangler', 'position percentage is missing');
    else if (Number.isNaN(p)) add(line, 'position_percent', `«${pct}» er ikke et tall`, `"${pct}" is not a number`);
    else if (p < 1 || p > 100) add(line, 'position_percent', `stillingsprosent ${pct} er utenfor 1–100`, `position percentage ${pct} is outside 1–100`);
    else rec.positionPercent = Math.round(p * 100) / 100;

    const start = get('start_date');
    const s = parseFileDate(start);
    if (!start) add(line, 'start_date', 'startdato mangler', 'start date is missing');
    else if (!s) add(line, 'start_date', `«${start}» er ikke en dato (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)`, `"${start}" is not a date (YYYY-MM-DD or DD.MM.YYYY)`);
    else rec.startDate = s;

    const end = get('end_date');
    if (end) {
      const e = parseFileDate(end);
      if (!e) add(line, 'end_date', `«${end}» er ikke en dato (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)`, `"${end}" is not a date (YYYY-MM-DD or DD.MM.YYYY)`);
      else if (s && e < s) add(line, 'end_date', `sluttdato ${e} er før startdato ${s}`, `end date ${e} is before the start date ${s}`);
      else rec.endDate = e;
    }
    const long = get('long_shifts').toLowerCase();
    if (long) {
      if (YES.has(long)) rec.longShifts = true;
      else if (NO.has(long)) rec.longShifts = false;
      else add(line, 'long_shifts', `«${long}»: skriv ja eller nei`, `"${long}": write yes or no`);
    }
    const wf = get('weekend_frequency');
    if (wf) {
      if (!/^[1-6]$/.test(wf)) add(line, 'weekend_frequency', `helgefrekvens «${wf}» må være et helt tall 1–6 (hver n-te helg)`, `weekend frequency "${wf}" must be a whole number 1–6 (every n-th weekend)`);
      else rec.weekendFrequency = Number(wf);
    }
    if (problems.length === before) records.push(rec as EmployeeCsvRecord);
  }

  // Duplicates within the file: the same employee number, or (without one) the same name.
  const seenId = new Map<string, number>();
  const seenName = new Map<string, number>();
  for (const r of records) {
    if (r.id !== undefined) {
      const k = r.id.toLowerCase();
      const first = seenId.get(k);
      if (first !== undefined) add(r.line, 'id', `ansattnummer ${r.id} står også på linje ${first}`, `employee number ${r.id} is also on line ${first}`);
      else seenId.set(k, r.line);
    } else {
      const k = r.name.toLowerCase();
      const first = seenName.get(k);
      if (first !== undefined) add(r.line, 'name', `«${r.name}» står også på linje ${first}; gi dem ansattnummer om det er to personer`, `"${r.name}" is also on line ${first}; give them employee numbers if they are two people`);
      else seenName.set(k, r.line);
    }
  }
  if (!problems.length && records.length === 0) add(headerNo, 'row', 'ingen ansatte etter overskriften', 'no employees after the header');
  problems.sort((a, b) => a.line - b.line);
  return { records, problems };
}
