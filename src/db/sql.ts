/** Small SQL helpers shared by the repositories: batched multi-row inserts. */
import type { Queryable, Row } from './db.js';

/** PostgreSQL allows 65 535 bind parameters per statement; stay well below. */
const MAX_PARAMS = 30_000;

/**
 * `insert into table (cols) values (…), (…) <suffix>` in as few statements as the parameter
 * limit allows. Use for rows with array-typed columns; returns the rows of `returning`.
 */
export async function insertValues<T = Row>(
  q: Queryable,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  suffix = '',
): Promise<T[]> {
  const out: T[] = [];
  const perChunk = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let i = 0; i < rows.length; i += perChunk) {
    const chunk = rows.slice(i, i + perChunk);
    const params: unknown[] = [];
    const tuples = chunk.map((r) => {
      if (r.length !== columns.length) throw new Error(`insertValues(${table}): row has ${r.length} values, expected ${columns.length}`);
      return `(${r.map((v) => (params.push(v), `$${params.length}`)).join(', ')})`;
    });
    const res = await q.query<T>(`insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')} ${suffix}`, params);
    out.push(...res.rows);
  }
  return out;
}

export interface TypedColumn {
  name: string;
  /** Scalar PostgreSQL type of the column (text, date, integer, bigint, numeric, boolean). */
  type: string;
}

/**
 * `insert into table (cols) select * from unnest($1::t1[], $2::t2[], …) <suffix>`: one
 * statement and one parameter per column, whatever the number of rows — the fast path for
 * thousands of rows of scalar columns. Returns the number of rows inserted.
 */
export async function insertUnnest(
  q: Queryable,
  table: string,
  columns: readonly TypedColumn[],
  rows: readonly (readonly unknown[])[],
  suffix = '',
): Promise<number> {
  if (rows.length === 0) return 0;
  const arrays = columns.map((_, j) => rows.map((r) => r[j] ?? null));
  const sql =
    `insert into ${table} (${columns.map((c) => c.name).join(', ')}) ` +
    `select * from unnest(${columns.map((c, j) => `$${j + 1}::${c.type}[]`).join(', ')}) ${suffix}`;
  const res = await q.query(sql, arrays);
  return res.rowCount;
}

/** undefined for SQL NULL, so optional plan-file fields are left out rather than null. */
export function opt<T>(v: T | null | undefined): T | undefined {
  return v === null ? undefined : v;
}

export function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}

export function iso(v: unknown): string {
  return v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString();
}
