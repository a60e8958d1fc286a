/**
 * Browser tests for the full-time culture pages (issue #6): the leader opens the dashboard
 * (/heltid), registers hired hours and sees the figure change, uploads a file with a bad line
 * and reads the line-by-line report (nothing stored), imports a good file, and compares
 * weekend-tangle scenarios side by side. Screenshots 20–23 go to test-results/browser/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { shot, startBrowserApp, waitFor, type BrowserApp } from './harness.js';

let app: BrowserApp;

const card = (key: string) => `[data-testid="hk-card-${key}"] .hk-value`;

async function openDashboard(page: Page): Promise<void> {
  await page.click('nav >> text=Heltidskultur');
  await page.waitForSelector('[data-testid=hk-cards]', { timeout: 60_000 });
  await page.waitForSelector('[data-testid=hired-summary]');
}

describe('full-time culture in Chromium: hired hours and scenarios', { timeout: 300_000 }, () => {
  before(async () => {
    app = await startBrowserApp();
  });
  after(async () => {
    await app?.close();
  });

  test('the leader registers agency hours on the dashboard and the figure changes from missing to the hours', async () => {
    const page = await app.signIn('leder@solsiden');
    await openDashboard(page);
    // Nothing registered yet: missing with the reason, not 0.
    assert.equal((await page.textContent(card('hired.agencyHours')))?.trim(), '–');
    assert.match((await page.textContent('[data-testid=hired-summary]')) ?? '', /ikke registrert/);

    await page.selectOption('[data-testid=hired-kind]', 'agency');
    await page.fill('[data-testid=hired-hours]', '7,5');
    await page.selectOption('[data-testid=hired-shift]', 'D');
    await page.fill('[data-testid=hired-note]', 'Vikarbyrå AS');
    await page.click('[data-testid=hired-submit]');
    await waitFor(page, '[data-testid=hired-form-result]', (t) => /Registrert: innleie/.test(t));
    await waitFor(page, card('hired.agencyHours'), (t) => /7,5\s*t/.test(t));
    // Registered, nothing of the kind in the window: a real 0.
    await waitFor(page, card('hired.overtimeHours'), (t) => /^0\s*t/.test(t.trim()));
    assert.match((await page.textContent('[data-testid=hired-summary]')) ?? '', /Innleie\s*7,5 t.*Registrert fra/s);

    // An extra shift for one of our own (the employee list comes from the unit).
    await page.selectOption('[data-testid=hired-kind]', 'extra');
    const employee = await page.locator('[data-testid=hired-employee] option').nth(1).getAttribute('value');
    assert.ok(employee);
    await page.selectOption('[data-testid=hired-employee]', employee);
    await page.fill('[data-testid=hired-hours]', '8');
    await page.fill('[data-testid=hired-note]', '');
    await page.click('[data-testid=hired-submit]');
    await waitFor(page, '[data-testid=hired-form-result]', (t) => /Registrert: ekstravakt/.test(t));
    await waitFor(page, card('hired.extraHours'), (t) => /8\s*t/.test(t));
    await page.locator('[data-testid=hired-panel]').scrollIntoViewIfNeeded();
    await shot(page, '20-hired-hours');
  });

  test('an upload with a bad line gives the line report and stores nothing; the fixed file is imported', async () => {
    const page = await app.signIn('leder@solsiden');
    await openDashboard(page);
    await waitFor(page, card('hired.agencyHours'), (t) => /7,5\s*t/.test(t));
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
    const bad = ['dato;art;timer;ansatt;vakt;merknad', `${today};innleie;7,5;;D;Byrå`, `${today};overtid;tre;;;`, `${today};bonus;2;;;`].join('\n');
    await page.setInputFiles('[data-testid=hired-file]', { name: 'timer.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
    await page.click('[data-testid=hired-upload]');
    await page.waitForSelector('[data-testid=hired-import-errors]');
    const report = (await page.textContent('[data-testid=hired-import-result]')) ?? '';
    assert.match(report, /2 feil – ingenting er lagret/);
    const rows = await page.locator('[data-testid=hired-import-errors] tbody tr').allTextContents();
    assert.equal(rows.length, 2);
    assert.match(rows[0], /^3\s*hours.*«tre» er ikke et antall timer/);
    assert.match(rows[1], /^4\s*kind.*ukjent art «bonus»/);
    // Nothing stored: the figure is as before.
    assert.match((await page.textContent(card('hired.agencyHours'))) ?? '', /7,5\s*t/);
    await page.locator('[data-testid=hired-import-result]').scrollIntoViewIfNeeded();
    await shot(page, '21-hired-import-report');

    const good = ['dato;art;timer;ansatt;vakt;merknad', `${today};innleie;7,5;;D;Byrå`, `${today};overtid;2,5;;;`].join('\n');
    await page.setInputFiles('[data-testid=hired-file]', { name: 'timer.csv', mimeType: 'text/csv', buffer: Buffer.from(good, 'utf8') });
    await page.click('[data-testid=hired-upload]');
    await waitFor(page, '[data-testid=hired-import-result]', (t) => /2 linjer importert/.test(t));
    await waitFor(page, card('hired.agencyHours'), (t) => /15\s*t/.test(t));
    await waitFor(page, card('hired.overtimeHours'), (t) => /2,5\s*t/.test(t));
    await page.waitForSelector('[data-testid=hk-hired] canvas');
    // The benefit table follows (since the baseline a year ago: the hours now, missing then).
    await waitFor(page, '[data-testid="hk-benefit-hired.agencyHours"]', (t) => /15\s*t/.test(t));
    await waitFor(page, '[data-testid="hk-benefit-hired.overtimeHours"]', (t) => /2,5\s*t/.test(t));
    await waitFor(page, '[data-testid=hk-unit-hired]', (t) => /15\s*t/.test(t));
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, '22-dashboard-hired', true);
  });

  test('the scenario page compares weekend-tangle scenarios side by side', async () => {
    const page = await app.signIn('leder@solsiden');
    await page.click('.home a[href="/enheter/solsiden-2/scenarioer"]');
    await page.waitForSelector('[data-testid=sc-col-2] .sc-result', { timeout: 60_000 });
    const cols = await Promise.all([0, 1, 2].map(async (i) => (await page.textContent(`[data-testid=sc-col-${i}]`)) ?? ''));
    for (const c of cols) assert.match(c, /Stillingssnitt/);
    // The defaults: every 3rd weekend, every 3rd with 12.5 h long shifts, every 2nd (RULES.md §8's order).
    const avg = async (i: number) => {
      const text = (await page.textContent(`[data-testid=sc-col-${i}] .sc-result`)) ?? '';
      const m = /Stillingssnitt\D*(\d+(?:,\d+)?)\s*%/.exec(text);
      assert.ok(m, text);
      return Number(m[1].replace(',', '.'));
    };
    const [a0, a1, a2] = [await avg(0), await avg(1), await avg(2)];
    assert.ok(a1 > a0, `long weekend shifts (${a1} %) > every third weekend without (${a0} %)`);
    assert.ok(a2 > a0, `every second weekend (${a2} %) > every third (${a0} %)`);
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, '23-scenario-compare', true);
  });
});
