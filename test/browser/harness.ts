/**
 * The browser-test harness shared by every file in test/browser: builds the current front
 * end into a temporary directory, starts `src/server/main.ts` on a fresh PGlite directory
 * with the demo data (one known demo password) on an ephemeral port, and launches Debian's
 * Chromium through playwright-core. Screenshots go to test-results/browser/.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = join(ROOT, 'test-results', 'browser');
export const PASSWORD = 'demo-passord-123';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

export interface BrowserApp {
  /** The server's base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  browser: Browser;
  /** Opens a new context (bokmål, Europe/Oslo), signs in and waits for the home page. */
  signIn(username: string, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

function startServer(tmp: string): Promise<{ url: string; child: ChildProcess }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BEMANNA_DATA_DIR: join(tmp, 'data'),
    BEMANNA_WEB_ROOT: join(tmp, 'web'),
    BEMANNA_DEMO_PASSWORD: PASSWORD,
    BEMANNA_GENERATE_THREADS: '1',
    PORT: '0',
    HOST: '127.0.0.1',
  };
  delete env.DATABASE_URL;
  delete env.NODE_TEST_CONTEXT;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 90_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Bemanna kjører på (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], child });
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

/** Builds the web app, starts the server and Chromium. Call from `before`, close from `after`. */
export async function startBrowserApp(): Promise<BrowserApp> {
  assert.ok(existsSync(CHROMIUM), `Chromium is needed at ${CHROMIUM} (apt-get install chromium; .ci/run does it)`);
  mkdirSync(SHOTS, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'bemanna-browser-'));
  // Build the current front end into a temporary directory (not dist/, which a running server may serve).
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'src/web/vite.config.ts', '--outDir', join(tmp, 'web'), '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(build.status, 0, `vite build failed:\n${build.stdout}\n${build.stderr}`);
  const { url, child } = await startServer(tmp);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  return {
    url,
    browser,
    async signIn(username, viewport = { width: 1440, height: 900 }) {
      const context = await browser.newContext({ viewport, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error(`[${username}] page error: ${e.message}`));
      await page.goto(url);
      await page.fill('input[name=username]', username);
      await page.fill('input[name=password]', PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForSelector('.home');
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Waits until the text of `selector` satisfies `ok` (polling, no DOM types needed). */
export async function waitFor(page: Page, selector: string, ok: (text: string) => boolean, timeout = 15_000): Promise<string> {
  const end = Date.now() + timeout;
  let last = '';
  for (;;) {
    const loc = page.locator(selector).first();
    last = (await loc.count()) ? ((await loc.textContent()) ?? '') : '';
    if (ok(last)) return last;
    if (Date.now() > end) throw new Error(`timed out waiting for ${selector}; last text: «${last}»`);
    await page.waitForTimeout(200);
  }
}

export const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
