/**
 * Hired hours (migration 007): agency hours (innleie), extra shifts (ekstravakter) and overtime
 * (overtid) per unit and day — what the full-time culture figures count as hours bought beyond
 * the positions. `add` writes a batch in one statement (all or nothing); constraint violations
 * become the repository errors (ValidationError for a bad value or an unknown unit/employee).
 */
import type { Queryable } from './db.js';
import { mapped } from './mapErrors.js';
import { insertValues, iso, num } from './sql.js';

export const HIRED_KINDS = ['agency', 'extra', 'overtime'] as const;
export type HiredKind = (typeof HIRED_KINDS)[number];
export const HIRED_SOURCES = ['manual', 'import', 'cover'] as const;
export type HiredSource = (typeof HIRED_SOURCES)[number];
/** Most hours on one line (a day's sum, or a month's agency invoice line on one date). */
export const MAX_HIRED_HOURS = 744;

export interface HiredInput {
  date: string;
  kind: HiredKind;
  hours: number;
  employeeId?: string | null;
  shift?: string | null;
  note?: string | null;
}

export interface StoredHired {
  id: number;
  unitId: string;
  date: string;
  kind: HiredKind;
  hours: number;
  employeeId: string | null;
  shift: string | null;
  source: HiredSource;
  note: string | null;
  planId: string | null;
  createdBy: string | null;
  createdAt: string;
}

interface Row {
  id: number | string;
  unit_id: string;
  work_date: string;
  kind: HiredKind;
  hours: number | string;
  employee_id: string | null;
  shift_code: string | null;
  source: HiredSource;
  note: string | null;
  plan_id: string | null;
  created_by: string | null;
  created_at: Date | string;
}

const COLUMNS = `id, unit_id, to_char(work_date, 'YYYY-MM-DD') as work_date, kind, hours, employee_id, shift_code, source, note, plan_id, created_by, created_at`;

const fromRow = (r: Row): StoredHired => ({
  id: num(r.id),
  unitId: r.unit_id,
  date: r.work_date,
  kind: r.kind,
  hours: num(r.hours),
  employeeId: r.employee_id,
  shift: r.shift_code,
  source: r.source,
  note: r.note,
  planId: r.plan_id,
  createdBy: r.created_by,
  createdAt: iso(r.created_at),
});

export class HiredRepository {
  constructor(private readonly q: Queryable) {}

  /** Stores the records of one unit in one statement: all of them or, on any bad value, none. */
  async add(unitId: string, records: readonly HiredInput[], opts: { source: HiredSource; createdBy: string | null; planId?: string | null }): Promise<StoredHired[]> {
    if (!records.length) return [];
    const rows = records.map((r) => [unitId, r.date, r.kind, r.hours, r.employeeId ?? null, r.shift ?? null, opts.source, r.note ?? null, opts.planId ?? null, opts.createdBy]);
    const out = await mapped(
      insertValues<Row>(
        this.q,
        'hired_hours',
        ['unit_id', 'work_date', 'kind', 'hours', 'employee_id', 'shift_code', 'source', 'note', 'plan_id', 'created_by'],
        rows,
        `returning ${COLUMNS}`,
      ),
    );
    return out.map(fromRow);
  }

  /** The records of the units with a work date in [from, to] (either end open), by date then id. */
  async list(filter: { unitIds: readonly string[]; from?: string; to?: string }): Promise<StoredHired[]> {
    if (!filter.unitIds.length) return [];
    const r = await this.q.query<Row>(
      `select ${COLUMNS} from hired_hours
       where unit_id = any($1::text[]) and ($2::date is null or work_date >= $2::date) and ($3::date is null or work_date <= $3::date)
       order by work_date, id`,
      [filter.unitIds, filter.from ?? null, filter.to ?? null],
    );
    return r.rows.map(fromRow);
  }

  /**
   * The first work date each unit has registered anything for (its registration start); units
   * that never registered are absent from the map.
   */
  async firstDates(unitIds: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (!unitIds.length) return out;
    const r = await this.q.query<{ unit_id: string; first: string }>(
      `select unit_id, to_char(min(work_date), 'YYYY-MM-DD') as first from hired_hours where unit_id = any($1::text[]) group by unit_id`,
      [unitIds],
    );
    for (const row of r.rows) out.set(row.unit_id, row.first);
    return out;
  }
}
