/**
 * An uploaded absence history file (CSV or Excel .xlsx) → the CSV text that
 * `parseAbsenceCsv` reads, and that parser's findings in bokmål and English, line by line.
 * An .xlsx is read from its first sheet with the same columns (employee, unit, from, to,
 * type); each sheet row becomes the CSV line with the same number, so the line numbers of
 * the report are the sheet's row numbers.
 */
import ExcelJS from 'exceljs';
import { isLocalDate, fromEpochDay } from '../core/time/localDate.js';
import { parseAbsenceCsv, type AbsenceRecord, type CsvError } from '../forecast/absenceCsv.js';

/** Largest absence file accepted (bytes). */
export const MAX_ABSENCE_FILE_BYTES = 5 * 1024 * 1024;
/** Most data rows read from one file. */
export const MAX_ABSENCE_FILE_ROWS = 200_000;
/** Most problems listed in one report. */
export const MAX_REPORTED_PROBLEMS = 500;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One finding of the line-by-line report: `reason` is "bokmål / English". */
export interface LineProblem {
  line: number;
  field: string;
  reason: string;
}

export class AbsenceFileError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 | 415 = 400,
  ) {
    super(message);
    this.name = 'AbsenceFileError';
  }
}

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** What else than an absence history is read the same way (e.g. the employee file). */
export interface UploadOptions {
  /** Header names (lower case) of the columns whose .xlsx cells are dates (default from, to). */
  dateColumns?: readonly string[];
}

/** The file as CSV text, whatever it came as (CSV in UTF-8 or Windows-1252, or .xlsx). */
export async function absenceFileToCsv(bytes: Uint8Array, contentType = '', opts: UploadOptions = {}): Promise<{ text: string; format: 'csv' | 'xlsx' }> {
  if (bytes.length === 0) throw new AbsenceFileError('tom fil / empty file');
  if (bytes.length > MAX_ABSENCE_FILE_BYTES)
    throw new AbsenceFileError(`filen er større enn ${MAX_ABSENCE_FILE_BYTES / 1024 / 1024} MB / the file is larger than ${MAX_ABSENCE_FILE_BYTES / 1024 / 1024} MB`, 413);
  if (isOle(bytes) || /application\/vnd\.ms-excel/.test(contentType))
    throw new AbsenceFileError('gamle Excel-filer (.xls) leses ikke; lagre som .xlsx eller CSV / old Excel files (.xls) are not read; save as .xlsx or CSV', 415);
  if (isZip(bytes) || contentType.includes('spreadsheetml')) {
    if (!isZip(bytes)) throw new AbsenceFileError('filen er ikke en gyldig .xlsx-fil / the file is not a valid .xlsx file');
    return { text: await xlsxToCsv(bytes, opts.dateColumns ?? ['from', 'to']), format: 'xlsx' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Norwegian Excel writes CSV in Windows-1252.
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  if (text.includes('\u0000')) throw new AbsenceFileError('filen er verken CSV eller .xlsx / the file is neither CSV nor .xlsx', 415);
  return { text, format: 'csv' };
}

function quote(v: string): string {
  const flat = v.replace(/[\r\n]+/g, ' ');
  return /[",;]/.test(flat) ? `"${flat.replace(/"/g, '""')}"` : flat;
}

/** Excel's day serial (1900 date system; day 60 is the fictitious 29 Feb 1900) → YYYY-MM-DD. */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const day = Math.floor(serial);
  // 25569 = serial of 1970-01-01.
  return fromEpochDay(day - 25_569);
}

function dateText(d: Date): string {
  // exceljs gives a date cell as the wall date at UTC midnight.
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

function cellText(v: ExcelJS.CellValue, dateColumn: boolean): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return dateText(v);
  if (typeof v === 'number') {
    if (dateColumn) return excelSerialToDate(v) ?? String(v);
    return String(v);
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null, dateColumn);
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) return String(v.error);
  }
  return String(v);
}

async function xlsxToCsv(bytes: Uint8Array, dateColumns: readonly string[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new AbsenceFileError(`filen kan ikke leses som .xlsx / the file cannot be read as .xlsx (${e instanceof Error ? e.message : String(e)})`);
  }
  const ws = wb.worksheets[0];
  if (!ws || ws.rowCount === 0) throw new AbsenceFileError('det første arket er tomt / the first sheet is empty');
  if (ws.rowCount > MAX_ABSENCE_FILE_ROWS + 1)
    throw new AbsenceFileError(`for mange rader (${ws.rowCount}); høyst ${MAX_ABSENCE_FILE_ROWS} / too many rows (${ws.rowCount}); at most ${MAX_ABSENCE_FILE_ROWS}`, 413);
  const lines: string[] = [];
  let width = 0;
  let dateCols = new Set<number>();
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value, width > 0 && dateCols.has(c)).trim());
    let last = cells.length;
    while (last > 0 && cells[last - 1] === '') last--;
    if (last === 0) {
      lines.push('');
      continue;
    }
    if (width === 0) {
      // The header: its last non-empty cell sets the width of every row.
      width = last;
      dateCols = new Set(cells.flatMap((h, i) => (dateColumns.includes(h.toLowerCase()) ? [i + 1] : [])));
      lines.push(cells.slice(0, width).map(quote).join(','));
      continue;
    }
    const row2 = cells.slice(0, Math.max(width, last));
    while (row2.length < width) row2.push('');
    lines.push(row2.map(quote).join(','));
  }
  return lines.join('\n');
}

/**
 * parseAbsenceCsv, but the good lines are kept even when other lines are bad, so the caller
 * can check them further and report every problem at once. `records` is empty when the
 * header itself is wrong.
 */
export function parseAbsenceCsvLenient(text: string): { records: AbsenceRecord[]; errors: CsvError[] } {
  const first = parseAbsenceCsv(text, { maxErrors: 5 * MAX_REPORTED_PROBLEMS });
  if (first.ok) return { records: first.records, errors: [] };
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const headerNo = lines.findIndex((l) => l.trim() !== '') + 1;
  const bad = new Set(first.errors.map((e) => e.line));
  if (headerNo === 0 || bad.has(headerNo)) return { records: [], errors: first.errors };
  const kept = lines.map((l, i) => (bad.has(i + 1) ? '' : l)).join('\n');
  const second = parseAbsenceCsv(kept, { maxErrors: 5 * MAX_REPORTED_PROBLEMS });
  return { records: second.ok ? second.records : [], errors: first.errors };
}

const TYPES_NB = 'self_certified (egenmelding), doctor_certified (sykmelding), sick_child (sykt barn), leave (permisjon)';

/** The parser's English reason with a bokmål translation in front ("bokmål / English"). */
export function bilingualCsvReason(reason: string): string {
  const rules: Array<[RegExp, (m: RegExpExecArray) => string]> = [
    [/^empty file/, () => 'tom fil: overskriftslinjen employee,unit,from,to,type mangler'],
    [/^diagnosis or cause columns are not accepted/, () => 'kolonner med diagnose eller årsak tas ikke imot: helseopplysninger er særlige kategorier av personopplysninger (GDPR art. 9) og trengs aldri for prognosen; fjern kolonnen'],
    [/^unknown column; the columns are (.*)$/, (m) => `ukjent kolonne; kolonnene er ${m[1]}`],
    [/^duplicate column$/, () => 'kolonnen står to ganger'],
    [/^missing column \(the header must name (.*)\)$/, (m) => `kolonnen mangler (overskriften må ha ${m[1]})`],
    [/^a quote inside an unquoted field$/, () => 'anførselstegn inne i et felt uten anførselstegn'],
    [/^text after a closing quote$/, () => 'tekst etter et avsluttende anførselstegn'],
    [/^an unterminated quote/, () => 'et anførselstegn som ikke avsluttes (felt i anførselstegn kan ikke gå over flere linjer)'],
    [/^expected (\d+) fields, found (\d+)$/, (m) => `forventet ${m[1]} felt, fant ${m[2]}`],
    [/^empty$/, () => 'tomt'],
    [/^longer than (\d+) characters$/, (m) => `lengre enn ${m[1]} tegn`],
    [/^(\S+) is before from \((\S+)\)$/, (m) => `til-datoen ${m[1]} er før fra-datoen (${m[2]})`],
    [/^(.*): must be one of /, (m) => `ukjent fraværstype ${m[1] === 'empty' ? '(tom)' : m[1].replace(/^"(.*)"$/, '«$1»')}; gyldige typer er ${TYPES_NB}`],
    [/^overlaps the absence on line (\d+) for the same employee \(([^)]*)\)/, (m) => `overlapper fraværet på linje ${m[1]} for samme ansatt (${m[2]}); en person kan bare være borte én gang samme dag`],
    [/^no absence records after the header$/, () => 'ingen fraværslinjer etter overskriften'],
  ];
  const notDate = /^"(.*)" is not a date YYYY-MM-DD$/.exec(reason);
  if (notDate) {
    const v = notDate[1];
    if (/^\d{4}-\d{2}-\d{2}$/.test(v) && !isLocalDate(v)) return `umulig dato «${v}»: finnes ikke i kalenderen / impossible date "${v}": not a calendar date`;
    return `«${v}» er ikke en dato på formen ÅÅÅÅ-MM-DD / ${reason}`;
  }
  for (const [re, nb] of rules) {
    const m = re.exec(reason);
    if (m) return `${nb(m)} / ${reason}`;
  }
  return `ugyldig / ${reason}`;
}
