/**
 * Absence history CSV: `employee,unit,from,to,type` (header required, columns in any order),
 * one absence spell per line, dates inclusive `YYYY-MM-DD`, type one of self_certified,
 * doctor_certified, sick_child, leave. Comma-separated (a semicolon header, as Norwegian Excel
 * writes it, is accepted too); RFC 4180 quotes; UTF-8 with or without BOM; CRLF or LF.
 *
 * Validation is all-or-nothing: either every line is valid and the records come back, or the
 * errors do (line, field, reason) and no records. Diagnosis columns are refused outright:
 * a diagnosis is a special category of personal data (GDPR art. 9) the forecast never needs.
 * Two spells of the same employee may not overlap (a person is absent once a day).
 */
import { isLocalDate, toEpochDay } from '../core/time/localDate.js';
import { ABSENCE_TYPES, type AbsenceSpell, type AbsenceType } from './history.js';

export const ABSENCE_CSV_COLUMNS = ['employee', 'unit', 'from', 'to', 'type'] as const;

export interface CsvError {
  /** 1-based line number in the file. */
  line: number;
  /** Column name, or `header` / `row` for problems not tied to one field. */
  field: string;
  reason: string;
}

export interface AbsenceRecord extends AbsenceSpell {
  line: number;
}

export type AbsenceCsvResult = { ok: true; records: AbsenceRecord[] } | { ok: false; errors: CsvError[] };

const DIAGNOSIS_NAMES = /^(diagnos[ei]s?|diagnose|diagnosekode|icd(-?10)?|icpc(-?2)?|reason|årsak|arsak|cause|sykdom|illness|condition|medical[_ ]?reason)$/i;

/** Splits one CSV line (RFC 4180 quotes; quotes never span lines here). */
function splitLine(text: string, sep: string): { fields: string[]; error?: string } {
  const fields: string[] = [];
  let i = 0;
  let cur = '';
  let quoted = false;
  let wasQuoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cur += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      cur += ch;
      i++;
      continue;
    }
    if (ch === '"') {
      if (cur.trim() !== '') return { fields, error: 'a quote inside an unquoted field' };
      quoted = true;
      wasQuoted = true;
      cur = '';
      i++;
      continue;
    }
    if (ch === sep) {
      fields.push(wasQuoted ? cur : cur.trim());
      cur = '';
      wasQuoted = false;
      i++;
      continue;
    }
    if (wasQuoted && ch.trim() !== '') return { fields, error: 'text after a closing quote' };
    cur += ch;
    i++;
  }
  if (quoted) return { fields, error: 'an unterminated quote (quoted fields may not span lines)' };
  fields.push(wasQuoted ? cur : cur.trim());
  return { fields };
}

/** Parses and validates an absence history CSV. */
export function parseAbsenceCsv(text: string, opts: { maxErrors?: number } = {}): AbsenceCsvResult {
  const maxErrors = opts.maxErrors ?? 200;
  const errors: CsvError[] = [];
  const push = (e: CsvError) => {
    if (errors.length < maxErrors) errors.push(e);
  };
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const headerIdx = lines.findIndex((l) => l.trim() !== '');
  if (headerIdx < 0) return { ok: false, errors: [{ line: 1, field: 'header', reason: `empty file: expected the header ${ABSENCE_CSV_COLUMNS.join(',')}` }] };
  const headerLine = lines[headerIdx];
  const sep = !headerLine.includes(',') && headerLine.includes(';') ? ';' : ',';
  const head = splitLine(headerLine, sep);
  const headerNo = headerIdx + 1;
  if (head.error) return { ok: false, errors: [{ line: headerNo, field: 'header', reason: head.error }] };
  const names = head.fields.map((f) => f.trim().toLowerCase());
  const col = new Map<string, number>();
  names.forEach((n, i) => {
    if (DIAGNOSIS_NAMES.test(n)) {
      push({ line: headerNo, field: n, reason: 'diagnosis or cause columns are not accepted: health details are special-category personal data (GDPR art. 9) and are never needed for the forecast; remove the column' });
    } else if (!(ABSENCE_CSV_COLUMNS as readonly string[]).includes(n)) {
      push({ line: headerNo, field: n || `column ${i + 1}`, reason: `unknown column; the columns are ${ABSENCE_CSV_COLUMNS.join(',')}` });
    } else if (col.has(n)) {
      push({ line: headerNo, field: n, reason: 'duplicate column' });
    } else col.set(n, i);
  });
  for (const c of ABSENCE_CSV_COLUMNS) if (!col.has(c)) push({ line: headerNo, field: c, reason: `missing column (the header must name ${ABSENCE_CSV_COLUMNS.join(',')})` });
  if (errors.length) return { ok: false, errors };

  const records: AbsenceRecord[] = [];
  for (let li = headerIdx + 1; li < lines.length; li++) {
    const raw = lines[li];
    const line = li + 1;
    if (raw.trim() === '') continue;
    const { fields, error } = splitLine(raw, sep);
    if (error) {
      push({ line, field: 'row', reason: error });
      continue;
    }
    if (fields.length !== names.length) {
      push({ line, field: 'row', reason: `expected ${names.length} fields, found ${fields.length}` });
      continue;
    }
    const get = (c: string) => fields[col.get(c)!];
    const employee = get('employee');
    const unit = get('unit');
    const from = get('from');
    const to = get('to');
    const type = get('type');
    const before = errors.length;
    const bad = (field: string, reason: string) => push({ line, field, reason });
    if (!employee) bad('employee', 'empty');
    else if (employee.length > 100) bad('employee', 'longer than 100 characters');
    if (!unit) bad('unit', 'empty');
    else if (unit.length > 100) bad('unit', 'longer than 100 characters');
    const fromOk = isLocalDate(from);
    const toOk = isLocalDate(to);
    if (!fromOk) bad('from', from ? `"${from}" is not a date YYYY-MM-DD` : 'empty');
    if (!toOk) bad('to', to ? `"${to}" is not a date YYYY-MM-DD` : 'empty');
    if (fromOk && toOk && to < from) bad('to', `${to} is before from (${from})`);
    if (!(ABSENCE_TYPES as readonly string[]).includes(type)) bad('type', `${type ? `"${type}"` : 'empty'}: must be one of ${ABSENCE_TYPES.join(', ')}`);
    const ok = errors.length === before && employee !== '' && unit !== '' && fromOk && toOk && to >= from && (ABSENCE_TYPES as readonly string[]).includes(type);
    if (ok) records.push({ line, employee, unit, from, to, type: type as AbsenceType });
  }
  // Overlapping spells of one employee.
  const byEmployee = new Map<string, AbsenceRecord[]>();
  for (const r of records) {
    const l = byEmployee.get(r.employee);
    if (l) l.push(r);
    else byEmployee.set(r.employee, [r]);
  }
  for (const list of byEmployee.values()) {
    list.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.line - b.line));
    let prev: AbsenceRecord | undefined;
    for (const r of list) {
      if (prev && toEpochDay(r.from) <= toEpochDay(prev.to)) {
        const [first, second] = prev.line < r.line ? [prev, r] : [r, prev];
        push({ line: second.line, field: 'from', reason: `overlaps the absence on line ${first.line} for the same employee (${first.from}–${first.to}); a person can be absent only once a day` });
      }
      if (!prev || r.to > prev.to) prev = r;
    }
  }
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  if (records.length === 0) return { ok: false, errors: [{ line: headerNo, field: 'row', reason: 'no absence records after the header' }] };
  return { ok: true, records };
}

function quote(v: string): string {
  return /[",;\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Writes spells as an absence history CSV (the format `parseAbsenceCsv` reads). */
export function formatAbsenceCsv(spells: readonly AbsenceSpell[]): string {
  const lines = [ABSENCE_CSV_COLUMNS.join(',')];
  for (const s of spells) lines.push([s.employee, s.unit, s.from, s.to, s.type].map(quote).join(','));
  return lines.join('\n') + '\n';
}
