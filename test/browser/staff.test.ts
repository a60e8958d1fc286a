/**
 * Browser test: the leader's staff and user management. The leader adds an employee (a field
 * error first), imports an employee file with a bad line (sees the line-by-line report),
 * fixes it and imports it after the dry run, and creates an account for the new employee; the
 * new employee signs in with the one-time password and chooses their own.
 * Screenshots: 21-staff-list, 22-staff-import-report, 23-users (test-results/browser/).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { shot, startBrowserApp, waitFor, type BrowserApp } from './harness.js';

let app: BrowserApp;
let leader: Page;
let staffUrl = '';
let oneTime = '';

const HEADER = 'ansattnummer;navn;kompetanse;stillingsprosent;startdato;langvakter\n';
const csvFile = (text: string) => ({ name: 'ansatte.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

describe('staff and users in Chromium', { timeout: 300_000 }, () => {
  before(async () => {
    app = await startBrowserApp();
  });
  after(async () => {
    await app?.close();
  });

  test('the leader adds an employee: a field error in bokmål first, then saved', async () => {
    leader = await app.signIn('leder@solsiden');
    await leader.click('.unit-links a[href$="/ansatte"]');
    await leader.waitForSelector('[data-testid=staff-list] table');
    staffUrl = leader.url();
    await leader.click('[data-testid=staff-add]');
    await leader.fill('[data-testid=f-name]', 'Siri Skjemasen');
    await leader.selectOption('[data-testid=f-competence]', 'sykepleier');
    await leader.fill('[data-testid=f-percent]', '120');
    await leader.click('[data-testid=staff-save]');
    const err = await waitFor(leader, '[data-testid=error-positionPercent]', (s) => s.length > 0);
    assert.match(err, /stillingsprosent kan ikke være over 100/);
    await leader.fill('[data-testid=f-percent]', '80');
    await leader.selectOption('[data-testid=f-long]', 'yes');
    await leader.click('[data-testid=staff-save]');
    await waitFor(leader, '[data-testid=staff-list]', (s) => s.includes('Siri Skjemasen'));
    assert.equal(await leader.locator('[data-testid=staff-form]').count(), 0);
  });

  test('an import with a bad line shows the report and stores nothing; fixed, checked and confirmed it is stored', async () => {
    const bad = HEADER + 'imp-1;Nina Nyansatt;sykepleier;80;01.03.2027;ja\nimp-2;Per Feilsen;kokk;150;2027-03-01;nei\n';
    await leader.setInputFiles('[data-testid=staff-import-file]', csvFile(bad));
    await leader.click('[data-testid=staff-import-check]');
    const report = await waitFor(leader, '[data-testid=staff-import-errors]', (s) => s.includes('kokk'));
    assert.match(report, /ukjent kompetanse «kokk»/);
    assert.match(report, /stillingsprosent 150 er utenfor 1–100/);
    assert.match(await leader.textContent('[data-testid=staff-import-message]') ?? '', /Ingenting er lagret/);
    assert.equal(await leader.locator('[data-testid=staff-import-confirm]').count(), 0);
    await leader.locator('[data-testid=staff-import]').scrollIntoViewIfNeeded();
    await shot(leader, '22-staff-import-report');
    assert.doesNotMatch(await leader.textContent('[data-testid=staff-list]') ?? '', /Nina Nyansatt/);

    const good = HEADER + 'imp-1;Nina Nyansatt;sykepleier;80;01.03.2027;ja\nimp-2;Per Rettsen;helsefagarbeider;50;2027-03-01;nei\n';
    await leader.setInputFiles('[data-testid=staff-import-file]', csvFile(good));
    await leader.click('[data-testid=staff-import-check]');
    const plan = await waitFor(leader, '[data-testid=staff-import-plan]', (s) => s.length > 0);
    assert.match(plan, /2 nye/);
    await leader.click('[data-testid=staff-import-confirm]');
    await waitFor(leader, '[data-testid=staff-import-message]', (s) => /Importert: 2 nye/.test(s));
    await waitFor(leader, '[data-testid=staff-list]', (s) => s.includes('Nina Nyansatt') && s.includes('Per Rettsen'));
    await leader.evaluate('window.scrollTo(0, 0)');
    await shot(leader, '21-staff-list', true);
  });

  test('the leader creates an account for the new employee; the one-time password is shown once', async () => {
    await leader.click('.staff-page a[href$="/brukere"]');
    await leader.waitForSelector('[data-testid=users-list] table');
    assert.equal(await leader.locator('[data-testid=u-role-admin]').count(), 0, 'a leader cannot grant admin');
    await leader.selectOption('[data-testid=u-employee]', 'imp-1');
    assert.equal(await leader.inputValue('[data-testid=u-username]'), 'nina.nyansatt');
    assert.ok(await leader.isChecked('[data-testid=u-role-employee]'));
    await leader.click('[data-testid=u-submit]');
    oneTime = (await waitFor(leader, '[data-testid=onetime-value]', (s) => /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/.test(s))).trim();
    await waitFor(leader, '[data-testid=users-list]', (s) => s.includes('nina.nyansatt') && s.includes('engangspassord'));
    await shot(leader, '23-users', true);
    await leader.click('[data-testid=onetime-done]');
    assert.equal(await leader.locator('[data-testid=onetime-password]').count(), 0);
    // Shown once: a reload of the page never shows it again.
    await leader.reload();
    await leader.waitForSelector('[data-testid=users-list] table');
    assert.doesNotMatch(await leader.textContent('body') ?? '', new RegExp(oneTime));
    assert.ok(staffUrl.endsWith('/ansatte'));
  });

  test('the new employee signs in with the one-time password, chooses their own and sees their rota page', async () => {
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.fill('input[name=username]', 'nina.nyansatt');
    await page.fill('input[name=password]', oneTime);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=change-password]');
    await page.fill('[data-testid=pw-current]', oneTime);
    await page.fill('[data-testid=pw-next]', 'ninas-eget-passord');
    await page.fill('[data-testid=pw-repeat]', 'ninas-eget-passord');
    await page.click('[data-testid=pw-save]');
    await page.waitForSelector('.home');
    assert.match(await page.textContent('nav') ?? '', /Min turnus/);
    assert.match(await page.textContent('.userbox') ?? '', /Nina Nyansatt/);
    // Staff data of others stays closed to her.
    const unitPath = new URL(staffUrl).pathname.replace(/^\/enheter\//, '/api/units/').replace(/\/ansatte$/, '/employees');
    assert.equal(await page.evaluate(`fetch(${JSON.stringify(unitPath)}).then((r) => r.status)`), 403);
    await page.goto(staffUrl);
    await waitFor(page, 'main', (s) => /finnes ikke|ikke funnet|Fant ikke/i.test(s) || s.length > 0);
    assert.equal(await page.locator('[data-testid=staff-list]').count(), 0);
    await context.close();
  });
});
