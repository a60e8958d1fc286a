/** End to end: `node --import tsx src/server/main.ts` on a fresh data directory. */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'bemanna-e2e-'));

after(() => rmSync(dataDir, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

function startServer(): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env, BEMANNA_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in time:\n${out}`));
    }, 50_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Bemanna kjører på (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1], output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

/** Signs in over HTTP; returns the headers for later calls. */
async function signIn(url: string, username: string, password: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  assert.equal(res.status, 200, `login ${username}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], 'x-csrf-token': csrfToken };
}

test('npm start: migrates, seeds the demo and prints its accounts on first start only, serves the API, shuts down cleanly', { timeout: 120_000 }, async () => {
  const first = await startServer();
  let adminPassword = '';
  try {
    assert.match(first.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(first.output(), /Demodata lagt inn/);
    const health = await fetch(`${first.url}/api/health`);
    assert.equal(health.status, 200);
    assert.deepEqual(((await health.json()) as { db: unknown }).db, { ok: true, driver: 'pglite' });
    assert.equal((await fetch(`${first.url}/api/units`)).status, 401);
    const accounts = [...first.output().matchAll(/^ {2}(\S+@\S+) {2,}(\S+) {2}/gm)].map((m) => ({ username: m[1], password: m[2] }));
    for (const name of ['admin@fjordvik', 'leder@solsiden', 'planlegger@solsiden', 'ansatt@solsiden', 'tillitsvalgt@solsiden', 'verneombud@solsiden', 'ansatt@hjemme-nord'])
      assert.ok(accounts.some((a) => a.username === name), `${name} printed in:\n${first.output()}`);
    adminPassword = accounts.find((a) => a.username === 'admin@fjordvik')!.password;
    assert.ok(adminPassword.length >= 12);
    const headers = await signIn(first.url, 'admin@fjordvik', adminPassword);
    const { units } = (await (await fetch(`${first.url}/api/units`, { headers })).json()) as { units: Array<{ id: string; planCount: number }> };
    assert.ok(units.length >= 4, JSON.stringify(units));
    assert.ok(units.some((u) => u.id === 'solsiden-2'));
    assert.ok(units.every((u) => u.planCount === 1));
    const leader = await signIn(first.url, 'leder@solsiden', accounts.find((a) => a.username === 'leder@solsiden')!.password);
    const mine = (await (await fetch(`${first.url}/api/units`, { headers: leader })).json()) as { units: Array<{ id: string }> };
    assert.deepEqual(mine.units.map((u) => u.id), ['solsiden-2']);
  } finally {
    assert.equal(await stop(first.child), 0);
  }

  // Second start on the same directory: the data is there, and no second seeding.
  const second = await startServer();
  try {
    assert.doesNotMatch(second.output(), /Demodata lagt inn/);
    assert.doesNotMatch(second.output(), /Demokontoer/);
    const headers = await signIn(second.url, 'admin@fjordvik', adminPassword);
    const { units } = (await (await fetch(`${second.url}/api/units`, { headers })).json()) as { units: Array<{ planCount: number }> };
    assert.ok(units.length >= 4 && units.every((u) => u.planCount === 1));
  } finally {
    assert.equal(await stop(second.child), 0);
  }
});
