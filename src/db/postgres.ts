/** The server driver: node-postgres Pool against PostgreSQL (DATABASE_URL). */
import pg from 'pg';
import { nestedTransaction, type Db, type Queryable, type QueryResult } from './db.js';

type TypeId = Parameters<typeof pg.types.getTypeParser>[0];

const OID_INT8 = 20;
const OID_DATE = 1082;
const OID_DATE_ARRAY = 1182;
const OID_TEXT_ARRAY = 1009;

/** Per-pool type parsers (not the global ones): dates stay strings, int8 becomes a number. */
const typeOverrides = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID_DATE) return (x: string) => x;
    if (oid === OID_DATE_ARRAY) return pg.types.getTypeParser(OID_TEXT_ARRAY as TypeId, 'text');
    if (oid === OID_INT8) return (x: string) => Number(x);
    return pg.types.getTypeParser(oid as TypeId, format ?? 'text');
  },
} as unknown as pg.CustomTypesConfig;

type Client = pg.Pool | pg.PoolClient;

class PgQueryable implements Queryable {
  constructor(
    protected readonly client: Client,
    private readonly depth: number,
  ) {}

  async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
    const r = await this.client.query(sql, params as unknown[]);
    return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
  }

  async exec(sql: string): Promise<void> {
    await this.client.query(sql);
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return nestedTransaction(this, this.depth, () => fn(new PgQueryable(this.client, this.depth + 1)));
  }
}

class PgDb extends PgQueryable implements Db {
  readonly kind = 'postgres' as const;
  private closed = false;

  constructor(private readonly pool: pg.Pool) {
    super(pool, 0);
  }

  override async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('begin');
      try {
        const out = await fn(new PgQueryable(client, 1));
        await client.query('commit');
        return out;
      } catch (e) {
        try {
          await client.query('rollback');
        } catch {
          broken = true;
        }
        throw e;
      }
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

const SCHEMA_RE = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openPostgres(url: string, opts: { schema?: string; max?: number } = {}): Promise<Db> {
  const options = ['-c DateStyle=ISO,YMD', '-c TimeZone=Europe/Oslo'];
  if (opts.schema) {
    if (!SCHEMA_RE.test(opts.schema)) throw new Error(`ugyldig skjemanavn «${opts.schema}» / invalid schema name`);
    options.push(`-c search_path=${opts.schema}`);
  }
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, types: typeOverrides, options: options.join(' ') });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => {});
  const db = new PgDb(pool);
  try {
    await db.query('select 1');
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}
