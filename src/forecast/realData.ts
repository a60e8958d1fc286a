/**
 * Parsers for the public absence series in shared/data/absence (pure: they take the file text).
 * See each folder's SOURCE.md for the provenance and columns.
 */

export interface QuarterValue {
  year: number;
  quarter: number;
  value: number;
}

/** CBS 80072NED: quarterly sickness-absence % per industry code (annual rows and gaps skipped). */
export function parseCbsQuarterly(text: string): Map<string, QuarterValue[]> {
  const out = new Map<string, QuarterValue[]>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const head = lines[0].split(',').map((h) => h.trim());
  const iCode = head.indexOf('BedrijfskenmerkenSBI2008');
  const iPeriod = head.indexOf('Perioden');
  const iValue = head.indexOf('Ziekteverzuimpercentage_1');
  if (iCode < 0 || iPeriod < 0 || iValue < 0) throw new Error('CBS file: unexpected header');
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const f = line.split(',');
    const m = /^(\d{4})KW0([1-4])$/.exec(f[iPeriod].trim());
    const v = f[iValue].trim();
    if (!m || v === '') continue;
    const code = f[iCode].trim();
    const list = out.get(code) ?? [];
    list.push({ year: Number(m[1]), quarter: Number(m[2]), value: Number(v) });
    out.set(code, list);
  }
  for (const l of out.values()) l.sort((a, b) => a.year - b.year || a.quarter - b.quarter);
  return out;
}

export interface DatedRow {
  date: string;
  values: number[];
}

/** A dated CSV (Scotland files): header row, ISO date first, numeric columns after. */
export function parseDatedCsv(text: string): { columns: string[]; rows: DatedRow[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const columns = lines[0].split(',').map((h) => h.trim());
  const rows: DatedRow[] = [];
  for (const line of lines.slice(1)) {
    const f = line.split(',');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(f[0].trim())) continue;
    rows.push({ date: f[0].trim(), values: f.slice(1).map((x) => (x.trim() === '' ? NaN : Number(x))) });
  }
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { columns, rows };
}
