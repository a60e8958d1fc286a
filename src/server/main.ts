/**
 * `npm start`: opens the database (DATABASE_URL → PostgreSQL, else PGlite under
 * BEMANNA_DATA_DIR or ./data/pglite), migrates, seeds the demo organisation and its demo
 * accounts on first start (printing the accounts once), and serves the API and the built
 * web app (dist/web) on HOST:PORT (127.0.0.1:3000 by default).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { DEFAULT_DATA_DIR, openDatabase, type Db } from '../db/db.js';
import { migrate } from '../db/migrate.js';
import { seedDemo } from '../db/seed.js';
import { createBemanna } from './app.js';
import { formatDemoAccounts, seedDemoUsers } from './demoUsers.js';

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'dev';
  } catch {
    return 'dev';
  }
}

async function seedIfEmpty(db: Db, env: NodeJS.ProcessEnv): Promise<void> {
  const { rows } = await db.query<{ n: number }>('select count(*)::integer as n from organisations');
  const users = await db.query<{ n: number }>('select count(*)::integer as n from users');
  if (rows[0].n > 0 && users.rows[0].n > 0) return;
  const { generateDemo } = await import('../demo/index.js');
  const demo = generateDemo();
  if (rows[0].n === 0) {
    const report = await seedDemo(db, demo);
    console.log(`Demodata lagt inn: ${report.units} enheter, ${report.employees} ansatte, ${report.absences} fravær (${report.ms} ms)`);
  } else {
    // A database seeded before accounts existed: give it demo accounts only if it is the demo organisation.
    const org = await db.query('select 1 from organisations where id = $1', [demo.organisation.id]);
    if (!org.rowCount) {
      console.log('Ingen brukerkontoer i databasen / no user accounts in the database');
      return;
    }
  }
  const accounts = await seedDemoUsers(db, demo, env.BEMANNA_DEMO_PASSWORD || undefined);
  console.log(formatDemoAccounts(accounts));
}

/** dist/web next to the package, when the front end has been built. */
function webRoot(env: NodeJS.ProcessEnv): string | null {
  const dir = env.BEMANNA_WEB_ROOT || new URL('../../dist/web', import.meta.url).pathname;
  return existsSync(join(dir, 'index.html')) ? dir : null;
}

export async function start(env: NodeJS.ProcessEnv = process.env): Promise<{ url: string; close: () => Promise<void> }> {
  const url = env.DATABASE_URL || undefined;
  const dataDir = env.BEMANNA_DATA_DIR || DEFAULT_DATA_DIR;
  const db = await openDatabase(url ? { url } : { dataDir });
  try {
    await migrate(db);
    await seedIfEmpty(db, env);
  } catch (e) {
    await db.close();
    throw e;
  }
  const threads = env.BEMANNA_GENERATE_THREADS ? Number(env.BEMANNA_GENERATE_THREADS) : undefined;
  const web = webRoot(env);
  if (!web) console.log('Nettgrensesnittet er ikke bygget (npm run build:web) / the web app is not built');
  const { app, jobs } = createBemanna({
    db,
    version: packageVersion(),
    webRoot: web,
    generateThreads: threads && threads > 0 ? threads : undefined,
    session: { secureCookies: env.BEMANNA_SECURE_COOKIES === '1', trustProxy: env.BEMANNA_TRUST_PROXY === '1' },
  });
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
      jobs.cancelAll();
      await jobs.settle();
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
