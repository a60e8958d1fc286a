/**
 * `npm run bench:web` – speed of the rota grid in the browser, for a 52-week annual rota of
 * 30 persons: the time from navigation to the whole grid in the DOM and painted (30 rows ×
 * 364 cells), and the time from a keypress in a cell (a user selects a cell with the mouse
 * and types a shift code) until the re-checked grid – hours column, violation markers,
 * coverage rows – is redrawn.
 *
 * The server runs in this process on PGlite in memory with the web app built into a temp
 * directory; Debian's Chromium (or CHROMIUM_PATH) is driven through playwright-core.
 * Timestamps are taken inside the page (`performance.now()`: navigation start → grid
 * painted; keydown → the hours cell changed and the next frame was painted).
 *
 *   npm run bench:web -- [--runs 7] [--edits 20] [--seconds 8] [--persons 30] [--weeks 52] [--plan rota.json] [--trace dir] [--no-write]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { chromium, type Page } from 'playwright-core';
import { checkPlan } from '../src/core/eval/checker.js';
import { toEpochDay } from '../src/core/time/localDate.js';
import { PlanSchema, type Plan } from '../src/core/model/plan.js';
import { parsePlan } from '../src/core/model/validatePlan.js';
import { openDatabase } from '../src/db/db.js';
import { migrate } from '../src/db/migrate.js';
import { createRepositories } from '../src/db/sqlRepositories.js';
import { UserRepository } from '../src/db/userRepository.js';
import { generateDemo } from '../src/demo/index.js';
import { generateRota } from '../src/engine/generate.js';
import { createBemanna } from '../src/server/app.js';
import { hashPassword } from '../src/server/auth/password.js';
import { writeSection } from './docs.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    edits: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '8' },
    persons: { type: 'string', default: '30' },
    /** A plan file with its rota instead of the generated one. */
    plan: { type: 'string' },
    /** Write Chrome traces of one page load and of the edits into this directory (load.json, edits.json). */
    trace: { type: 'string' },
    weeks: { type: 'string', default: '52' },
    'no-write': { type: 'boolean' },
  },
});
const RUNS = Number(values.runs);
const EDITS = Number(values.edits);
const PERSONS = Number(values.persons);
const WEEKS = Number(values.weeks);

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];
const SHOTS = join(ROOT, 'test-results', 'browser');
const PASSWORD = 'bench-passord-123';
/** The demo ward's unit id (its staff have it as home unit). */
const UNIT = 'solsiden-2';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** Nearest-rank percentile. */
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const ms = (x: number) => `${Math.round(x)}`;

/** The demo ward for `weeks` weeks scaled to `n` persons (copies of its staff, the staffing plan scaled). */
function benchPlan(n: number, weeks: number): Plan {
  const ds = generateDemo({ weeks, start: '2027-01-04' });
  const ward = ds.units.find((u) => u.kind === 'sykehjem')!.plan;
  const r = n / ward.employees.length;
  const employees = Array.from({ length: n }, (_, i) => {
    const e = ward.employees[i % ward.employees.length];
    const copy = Math.floor(i / ward.employees.length);
    return { ...e, id: copy ? `${e.id}-${copy}` : e.id, name: copy ? `${e.name} (${copy + 1})` : e.name };
  });
  return PlanSchema.parse({
    ...ward,
    unit: 'Benkeheimen',
    employees,
    demand: ward.demand.map((d) => ({ ...d, min: Math.max(d.min, Math.round(d.min * r)), target: Math.max(d.target ?? d.min, Math.round((d.target ?? d.min) * r)) })),
  });
}

const daysOf = (plan: Plan) => toEpochDay(plan.end) - toEpochDay(plan.start) + 1;

async function setup() {
  // The current front end, built into a temp directory (like test/browser/app.test.ts).
  const tmp = mkdtempSync(join(tmpdir(), 'bemanna-bench-web-'));
  const web = join(tmp, 'web');
  const t0 = performance.now();
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'src/web/vite.config.ts', '--outDir', web, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
  console.log(`web app built (${ms(performance.now() - t0)} ms)`);

  const t1 = performance.now();
  let plan: Plan;
  if (values.plan) {
    const parsed = parsePlan(JSON.parse(readFileSync(values.plan, 'utf8')));
    if (!parsed.ok) throw new Error(`${values.plan}: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    plan = parsed.value;
  } else plan = generateRota(benchPlan(PERSONS, WEEKS), { seconds: Number(values.seconds), seed: 1 }).plan;
  const check = checkPlan(plan);
  console.log(
    `rota ${values.plan ? 'read' : 'generated'}: ${plan.employees.length} persons × ${daysOf(plan)} days, ${plan.assignments.length} shifts, ${check.hardCount} hard / ${check.softCount} soft violations (${ms(performance.now() - t1)} ms)`,
  );

  const db = await openDatabase({ memory: true });
  await migrate(db);
  const repos = createRepositories(db);
  await repos.organisations.createOrganisation({ id: 'benk-kommune', name: 'Benk kommune' });
  await repos.organisations.createUnit({ id: UNIT, organisationId: 'benk-kommune', name: 'Benkeheimen', kind: 'sykehjem' });
  const saved = await repos.plans.savePlan(UNIT, plan, { name: `Turnus ${plan.employees.length} personer × ${daysOf(plan) / 7} uker` });
  await new UserRepository(db).create({
    organisationId: 'benk-kommune',
    username: 'leder@benk',
    displayName: 'Leder Benkeheimen',
    passwordHash: await hashPassword(PASSWORD),
    employeeId: null,
    roles: [{ role: 'leader', unitId: UNIT }],
  });
  const { app, jobs } = createBemanna({ db, version: 'bench', webRoot: web });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((done, reject) => {
    server.once('listening', () => done());
    server.once('error', reject);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = async () => {
    jobs.cancelAll();
    await jobs.settle();
    await new Promise<void>((done) => {
      server.close(() => done());
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    });
    await db.close();
    rmSync(tmp, { recursive: true, force: true });
  };
  return { url, planId: saved.id, plan, check, close };
}

// In-page code is plain JavaScript (the project's Node typings have no DOM).

/** Resolves when `n` grid cells are in the DOM and the frame with them was painted: { total, dom, api, apiStart, html } in ms since navigation start. */
const LOAD_PROBE = `(n) => new Promise((resolve) => {
  const live = document.getElementsByClassName('cell');
  const tick = () => {
    if (live.length < n) return requestAnimationFrame(tick);
    const dom = performance.now();
    // rAF runs before the frame is painted, a posted message after it.
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        const api = performance.getEntriesByType('resource').find((r) => r.name.endsWith('/page'));
        const nav = performance.getEntriesByType('navigation')[0];
        resolve({ total: performance.now(), api: api ? api.responseEnd : NaN, apiStart: api ? api.startTime : NaN, html: nav ? nav.responseEnd : NaN, dom });
      };
      ch.port2.postMessage(null);
    });
  };
  tick();
})`;

/** Arms the edit probe: window.__bench resolves with keydown → hours text changed → next frame painted (ms). Returns the hours text before. */
const EDIT_PROBE = `(sel) => {
  const el = document.querySelector(sel);
  if (!el) return null;
  const before = el.textContent;
  window.__bench = new Promise((resolve, reject) => {
    let t0 = NaN;
    window.addEventListener('keydown', () => (t0 = performance.now()), { capture: true, once: true });
    const obs = new MutationObserver(() => {
      if (el.textContent === before) return;
      obs.disconnect();
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now() - t0);
        ch.port2.postMessage(null);
      });
    });
    obs.observe(el, { subtree: true, childList: true, characterData: true });
    setTimeout(() => reject(new Error('the grid was not re-checked within 10 s')), 10000);
  });
  return before;
}`;

/** Free cells (no shift, no absence, not the day after a night shift – a day shift would overlap it) spread over rows and weeks. */
const PICK_TARGETS = `(n) => {
  const free = [...document.querySelectorAll('[data-testid=rota-grid] td.cell.free')].filter((td) => !td.previousElementSibling?.classList.contains('cat-night'));
  const byRow = new Map();
  for (const td of free) {
    const emp = td.closest('tr').getAttribute('data-employee');
    if (!byRow.has(emp)) byRow.set(emp, []);
    byRow.get(emp).push(td);
  }
  const rows = [...byRow.keys()];
  const out = [];
  for (let i = 0; out.length < n && i < n * 4; i++) {
    const emp = rows[(i * 7) % rows.length];
    const list = byRow.get(emp);
    const cell = list[Math.floor((((i * 37) % 97) / 97) * list.length)].getAttribute('data-testid');
    if (!out.some((o) => o.cell === cell)) out.push({ cell, emp });
  }
  return out;
}`;

const call = <T>(page: Page, fn: string, arg: unknown) => page.evaluate(`(${fn})(${JSON.stringify(arg)})`) as Promise<T>;

interface Load {
  total: number;
  dom: number;
  api: number;
  apiStart: number;
  html: number;
}

async function measureLoad(page: Page, url: string, cells: number): Promise<Load> {
  // From a blank page, as when the plan is opened from the overview: not timing the teardown of the previous grid.
  await page.goto('about:blank');
  await page.waitForTimeout(200);
  await page.goto(url, { waitUntil: 'commit' });
  const r = await call<Load>(page, LOAD_PROBE, cells);
  // Let the page's other requests (hearing, risk, audit …) finish before the next run.
  await page.waitForLoadState('networkidle');
  return r;
}

/** Mouse-selects the cell, types `key`: keydown → the hours cell of the row shows the re-checked figure → next frame painted. */
async function measureEdit(page: Page, cellSel: string, hoursSel: string, key: string): Promise<number> {
  await page.click(cellSel);
  // The selection is drawn before the key is pressed (a user does not type within a frame of clicking).
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  const before = await call<string | null>(page, EDIT_PROBE, hoursSel);
  if (before === null) throw new Error(`no hours cell ${hoursSel}`);
  await page.keyboard.press(key);
  return page.evaluate('window.__bench') as Promise<number>;
}

async function main() {
  if (!Number.isInteger(RUNS) || RUNS < 1 || !Number.isInteger(EDITS) || EDITS < 1) throw new Error('--runs and --edits must be positive integers');
  const world = await setup();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.goto(world.url);
    await page.fill('input[name=username]', 'leder@benk');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('.home');

    const planUrl = `${world.url}/planer/${world.planId}`;
    const days = daysOf(world.plan);
    const persons = world.plan.employees.length;
    const cells = persons * days;

    // (a) Navigation → grid painted. The first run loads the assets; the others have them cached.
    const loads: Load[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const r = await measureLoad(page, planUrl, cells);
      loads.push(r);
      console.log(`load ${i === 0 ? 'cold' : i}: html ${ms(r.html)} ms, page API asked ${ms(r.apiStart)} ms, answered ${ms(r.api)} ms, grid in DOM ${ms(r.dom)} ms, painted ${ms(r.total)} ms`);
    }
    const warm = loads.slice(1);
    const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute', 'disabled-by-default-v8.cpu_profiler'];
    if (values.trace) {
      mkdirSync(values.trace, { recursive: true });
      await browser.startTracing(page, { path: join(values.trace, 'load.json'), categories: TRACE_CATEGORIES });
      await measureLoad(page, planUrl, cells);
      await browser.stopTracing();
    }
    const gridCells = await page.locator('[data-testid=rota-grid] td.cell').count();
    if (gridCells !== cells) throw new Error(`expected ${cells} cells, found ${gridCells}`);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'bench-52-weeks.png') });

    // (b) Edits: type D in free cells spread over rows and weeks.
    const targets = await call<Array<{ cell: string; emp: string }>>(page, PICK_TARGETS, EDITS);
    const hardBefore = Number(await page.textContent('[data-testid=hard-count]'));
    const edits: number[] = [];
    if (values.trace) await browser.startTracing(page, { path: join(values.trace, 'edits.json'), categories: TRACE_CATEGORIES });
    for (const t of targets) {
      const took = await measureEdit(page, `[data-testid="${t.cell}"]`, `[data-testid="hours-${t.emp}"]`, 'D');
      edits.push(took);
      await page.waitForTimeout(150);
    }
    if (values.trace) await browser.stopTracing();
    console.log(`edits (ms): ${edits.map(ms).join(' ')}`);
    // The re-check requests the edits made (request start → response end, as the page saw them).
    const requests = (await page.evaluate(
      "performance.getEntriesByType('resource').filter((r) => /[/](recheck|preview)$/.test(r.name)).map((r) => r.responseEnd - r.startTime)",
    )) as number[];
    const hardAfter = Number(await page.textContent('[data-testid=hard-count]'));
    await page.screenshot({ path: join(SHOTS, 'bench-52-weeks-edited.png') });

    const version = await browser.version();
    const table = [
      '| measure | n | median (ms) | p95 (ms) | min (ms) | max (ms) | target |',
      '|---|---:|---:|---:|---:|---:|---|',
      `| grid painted after navigation (cached assets) | ${warm.length} | ${ms(median(warm.map((r) => r.total)))} | ${ms(pct(warm.map((r) => r.total), 95))} | ${ms(Math.min(...warm.map((r) => r.total)))} | ${ms(Math.max(...warm.map((r) => r.total)))} | < 1000 |`,
      `| … of which: page API answer received | ${warm.length} | ${ms(median(warm.map((r) => r.api)))} | ${ms(pct(warm.map((r) => r.api), 95))} | ${ms(Math.min(...warm.map((r) => r.api)))} | ${ms(Math.max(...warm.map((r) => r.api)))} | |`,
      `| grid painted, first load (cold browser and server caches) | 1 | ${ms(loads[0].total)} | | | | |`,
      `| cell edit → re-checked grid painted | ${edits.length} | ${ms(median(edits))} | ${ms(pct(edits, 95))} | ${ms(Math.min(...edits))} | ${ms(Math.max(...edits))} | < 100 |`,
      `| … of which: re-check request (server and network) | ${requests.length} | ${ms(median(requests))} | ${ms(pct(requests, 95))} | ${ms(Math.min(...requests))} | ${ms(Math.max(...requests))} | |`,
    ];
    const body = [
      `Command: \`npm run bench:web${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\`  `,
      `Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; machine: ${process.platform}, Node ${process.version}, ${cpus().length} cores shared with other jobs (timings are noisy); Chromium ${version} headless (software rendering), viewport 1440×900.  `,
      `Plan: ${values.plan ? `${values.plan}, ${persons} persons` : `the demo ward scaled to ${persons} persons`}, ${days / 7} weeks (${days} days, ${cells} cells), rota ${values.plan ? 'from the file' : `by the generator (${values.seconds} s)`}: ${world.plan.assignments.length} shifts, ${world.check.hardCount} hard and ${world.check.softCount} soft violations. The server runs in process on PGlite in memory; the leader's page is measured.`,
      'Grid painted: navigation (from about:blank) start → all rows × days cells in the DOM → the next frame painted (timestamps in the page); the first load also fills the browser cache and the server’s check of the plan, the others reuse them. ' +
        'Cell edit: the cell is clicked, then the key D is pressed on a free cell; keydown → the re-checked hours cell of the row has changed (violation markers, coverage and counts come with the same render) → the next frame painted. ' +
        `Hard violations ${hardBefore} before the ${edits.length} edits, ${hardAfter} after.`,
      '',
      ...table,
    ].join('\n');
    console.log(`\n${table.join('\n')}`);
    if (!values['no-write']) {
      writeSection(`Web app: ${days / 7}-week rota grid in the browser`, body);
      console.log('\nwritten to docs/benchmarks.md');
    }
    await context.close();
  } finally {
    await browser.close().catch(() => {});
    await world.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
