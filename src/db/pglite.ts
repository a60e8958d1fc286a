/** The embedded driver: PGlite (PostgreSQL compiled to WASM), on disk or in memory. */
import { mkdirSync } from 'node:fs';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { nestedTransaction, type Db, type Queryable, type QueryResult } from './db.js';

const identity = (x: string) => x;
/** DATE stays a 'YYYY-MM-DD' string (date[] uses the same parser); INT8 becomes a number. */
const parsers = { [types.DATE]: identity, [types.INT8]: (x: string) => Number(x) };

type Runner = Pick<Transaction, 'query' | 'exec'>;

class PgliteQueryable implements Queryable {
  constructor(
    protected readonly runner: Runner,
    private readonly depth: number,
  ) {}

  async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
    const r = await this.runner.query<T>(sql, params as unknown[]);
    return { rows: r.rows, rowCount: r.rowCount ?? r.affectedRows ?? r.rows.length };
  }

  async exec(sql: string): Promise<void> {
    await this.runner.exec(sql);
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return nestedTransaction(this, this.depth, () => fn(new PgliteQueryable(this.runner, this.depth + 1)));
  }
}

class PgliteDb extends PgliteQueryable implements Db {
  readonly kind = 'pglite' as const;

  constructor(private readonly pg: PGlite) {
    super(pg, 0);
  }

  override transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.pg.transaction((tx) => fn(new PgliteQueryable(tx, 1)));
  }

  async close(): Promise<void> {
    if (!this.pg.closed) await this.pg.close();
  }
}

export async function openPglite(opts: { memory: true } | { dataDir: string }): Promise<Db> {
  let pg: PGlite;
  if ('memory' in opts) pg = await PGlite.create({ parsers });
  else {
    mkdirSync(opts.dataDir, { recursive: true });
    pg = await PGlite.create(opts.dataDir, { parsers });
  }
  return new PgliteDb(pg);
}
