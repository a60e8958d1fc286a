/**
 * `npm start`: opens the database (DATABASE_URL → PostgreSQL, else PGlite under
 * BEMANNA_DATA_DIR or ./data/pglite), migrates, seeds the demo organisation on first start,
 * and serves the API on HOST:PORT (127.0.0.1:3000 by default).
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { DEFAULT_DATA_DIR, openDatabase, type Db } from '../db/db.js';
import { migrate } from '../db/migrate.js';
import { seedDemo } from '../db/seed.js';
import { createApp } from './app.js';

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'dev';
  } catch {
    return 'dev';
  }
}

async function seedIfEmpty(db: Db): Promise<void> {
  const { rows } = await db.query<{ n: number }>('select count(*)::integer as n from organisations');
  if (rows[0].n > 0) return;
  const { generateDemo } = await import('../demo/index.js');
  const report = await seedDemo(db, generateDemo());
  console.log(`Demodata lagt inn: ${report.units} enheter, ${report.employees} ansatte, ${report.absences} fravær (${report.ms} ms)`);
}

export async function start(env: NodeJS.ProcessEnv = process.env): Promise<{ url: string; close: () => Promise<void> }> {
  const url = env.DATABASE_URL || undefined;
  const dataDir = env.BEMANNA_DATA_DIR || DEFAULT_DATA_DIR;
  const db = await openDatabase(url ? { url } : { dataDir });
  try {
    await migrate(db);
    await seedIfEmpty(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  const app = createApp({ db, version: packageVersion() });
  const hostname = env.HOST || '127.0.0.1';
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`ugyldig PORT «${env.PORT}»`);

  const server = serve({ fetch: app.fetch, hostname, port });
  await new Promise<void>((done, reject) => {
    server.once('listening', () => done());
    server.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const shownHost = hostname.includes(':') ? `[${hostname}]` : hostname;
  const listenUrl = `http://${shownHost}:${address.port}`;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await new Promise<void>((done) => {
        server.close(() => done());
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      });
      await db.close();
    })());
  return { url: listenUrl, close };
}

async function main(): Promise<void> {
  const { url, close } = await start();
  console.log(`Bemanna kjører på ${url}`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} mottatt, avslutter …`);
    // Open keep-alive connections must not keep the process alive for long.
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    close().then(
      () => process.exit(0),
      (e) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e) => {
    console.error('Bemanna kunne ikke starte:', e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
