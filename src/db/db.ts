/**
 * The storage port: a tiny SQL interface that both drivers implement — embedded PGlite
 * (default; a directory under ./data or in memory) and node-postgres (when DATABASE_URL is
 * set). Everything above it (migrations, repositories, seeding) is written once against
 * this interface with plain PostgreSQL SQL.
 *
 * Value conventions, the same on both drivers: `date` and `date[]` come back as
 * 'YYYY-MM-DD' strings, `bigint` as number, `numeric` as string (convert where used),
 * `jsonb` parsed, `timestamptz` as Date.
 */

export type Row = Record<string, unknown>;

export interface QueryResult<T> {
  rows: T[];
  /** Rows returned or affected by the statement. */
  rowCount: number;
}

export interface Queryable {
  /** One statement with $1 … $n parameters. */
  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** A script of several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` in a transaction: committed when it resolves, rolled back when it throws.
   * Called on a transaction it opens a savepoint, so repository methods that use
   * transactions compose inside a caller's transaction.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
}

export type DriverKind = 'pglite' | 'postgres';

export interface Db extends Queryable {
  readonly kind: DriverKind;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres://… — use a PostgreSQL server through node-postgres. */
  url?: string;
  /** PGlite data directory (default ./data/pglite). Ignored with `url` or `memory`. */
  dataDir?: string;
  /** In-memory PGlite (tests). */
  memory?: boolean;
  /** PostgreSQL only: schema to use as search_path (test isolation). Must already exist. */
  schema?: string;
  /** PostgreSQL only: pool size (default 10). */
  maxConnections?: number;
}

export const DEFAULT_DATA_DIR = './data/pglite';

/** Opens the database the options describe: `url` → PostgreSQL, else PGlite. */
export async function openDatabase(opts: OpenDatabaseOptions = {}): Promise<Db> {
  if (opts.url) {
    const { openPostgres } = await import('./postgres.js');
    return openPostgres(opts.url, { schema: opts.schema, max: opts.maxConnections });
  }
  const { openPglite } = await import('./pglite.js');
  return openPglite(opts.memory ? { memory: true } : { dataDir: opts.dataDir ?? DEFAULT_DATA_DIR });
}

/** Savepoint-based nesting shared by the drivers. */
export function nestedTransaction<T>(tx: Queryable, depth: number, fn: () => Promise<T>): Promise<T> {
  const sp = `sp_${depth}`;
  return (async () => {
    await tx.query(`savepoint ${sp}`);
    try {
      const out = await fn();
      await tx.query(`release savepoint ${sp}`);
      return out;
    } catch (e) {
      await tx.query(`rollback to savepoint ${sp}`);
      throw e;
    }
  })();
}

/** A PostgreSQL error's SQLSTATE and constraint name, whichever driver raised it. */
export function pgErrorInfo(e: unknown): { code?: string; constraint?: string; detail?: string } {
  if (!e || typeof e !== 'object') return {};
  const o = e as { code?: unknown; constraint?: unknown; detail?: unknown };
  return {
    code: typeof o.code === 'string' ? o.code : undefined,
    constraint: typeof o.constraint === 'string' ? o.constraint : undefined,
    detail: typeof o.detail === 'string' ? o.detail : undefined,
  };
}
