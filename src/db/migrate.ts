/**
 * The migrator: applies src/db/migrations/NNN_name.sql in order, each in its own
 * transaction together with its row in `schema_migrations`. Idempotent (applied versions are
 * skipped), safe against concurrent starts (a transaction-scoped advisory lock), and refuses
 * to run when an applied migration file has been edited since (checksum mismatch).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Queryable } from './db.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** An arbitrary constant: the advisory lock key that serialises migrations. */
const LOCK_KEY = 47_112_027;

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const out: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    const m = /^(\d+)_([\w-]+)\.sql$/.exec(file);
    if (!m) continue;
    out.push({ version: Number(m[1]), name: m[2], sql: readFileSync(join(dir, file), 'utf8') });
  }
  out.forEach((m, i) => {
    if (i > 0 && m.version === out[i - 1].version) throw new Error(`to migreringer har versjon ${m.version} / duplicate migration version`);
  });
  return out;
}

const checksum = (sql: string) => createHash('sha256').update(sql).digest('hex');

export interface MigrationReport {
  applied: number[];
  skipped: number[];
}

export async function migrate(db: Queryable, migrations: Migration[] = loadMigrations()): Promise<MigrationReport> {
  const report: MigrationReport = { applied: [], skipped: [] };
  for (const m of migrations) {
    await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [LOCK_KEY]);
      await tx.exec(`create table if not exists schema_migrations (
        version integer primary key,
        name text not null,
        checksum text not null,
        applied_at timestamptz not null default now()
      )`);
      const sum = checksum(m.sql);
      const { rows } = await tx.query<{ checksum: string }>('select checksum from schema_migrations where version = $1', [m.version]);
      if (rows.length) {
        if (rows[0].checksum !== sum)
          throw new Error(`migrering ${m.version}_${m.name} er endret etter at den ble kjørt / migration was edited after it was applied`);
        report.skipped.push(m.version);
        return;
      }
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (version, name, checksum) values ($1, $2, $3)', [m.version, m.name, sum]);
      report.applied.push(m.version);
    });
  }
  return report;
}
