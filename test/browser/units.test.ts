/**
 * Browser test: units administration. The admin opens "Enheter", tries a unit without a name
 * (the bokmål field error), creates the unit, sees it in the list and on the overview; a leader
 * edits their own unit and cannot create one.
 * Screenshots: 27-units, 27b-units-field-error (test-results/browser/).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { shot, startBrowserApp, waitFor, type BrowserApp } from './harness.js';

let app: BrowserApp;

describe('units administration in Chromium', { timeout: 300_000 }, () => {
  before(async () => {
    app = await startBrowserApp();
  });
  after(async () => {
    await app?.close();
  });

  test('the admin creates a unit (a bad name gives the bokmål field error first) and sees it on Oversikt', async () => {
    const admin = await app.signIn('admin@fjordvik');
    await admin.click('.mainnav a[href="/enheter"]');
    await admin.waitForSelector('[data-testid=unit-list] table');
    await admin.click('[data-testid=unit-add]');
    await admin.fill('[data-testid=u-name]', '   ');
    await admin.selectOption('[data-testid=u-kind]', 'bofellesskap');
    await admin.fill('[data-testid=u-beds]', '0');
    await admin.click('[data-testid=unit-save]');
    assert.equal(await waitFor(admin, '[data-testid=unit-error-name]', (s) => s.length > 0), 'navn mangler');
    assert.match(await waitFor(admin, '[data-testid=unit-error-beds]', (s) => s.length > 0), /antall senger må være minst 1/);
    await shot(admin, '27b-units-field-error');
    await admin.fill('[data-testid=u-name]', 'Fjellro bofellesskap');
    await admin.fill('[data-testid=u-area]', 'Tjenesteområde Nord');
    await admin.fill('[data-testid=u-beds]', '6');
    await admin.click('[data-testid=unit-save]');
    await waitFor(admin, '[data-testid=unit-message]', (s) => s.includes('Fjellro bofellesskap er opprettet'));
    const row = await waitFor(admin, '[data-testid=unit-row-fjellro-bofellesskap]', (s) => s.includes('Fjellro'));
    assert.match(row, /Bofellesskap/);
    assert.match(row, /Tjenesteområde Nord/);
    assert.equal(await admin.locator('[data-testid=unit-form]').count(), 0);
    await shot(admin, '27-units', true);
    await admin.click('[data-testid=unit-message] a');
    const card = await waitFor(admin, '[data-testid=unit-fjellro-bofellesskap]', (s) => s.includes('Fjellro bofellesskap') && !s.includes('Laster'));
    assert.match(card, /Administrator/);
    assert.match(card, /Ingen planer/);
    // Its first plan starts blank and opens in the settings (shift types, staffing plan, rules).
    await admin.click('[data-testid=unit-fjellro-bofellesskap] a[href$="/ny-plan"]');
    await admin.fill('[data-testid=new-plan-start]', '2027-03-01');
    await admin.fill('[data-testid=new-plan-end]', '2027-04-11');
    await admin.click('[data-testid=new-plan-page] button.primary');
    await admin.waitForURL(/\/innstillinger$/, { timeout: 30_000 });
    await admin.waitForSelector('[data-testid=settings-save]', { timeout: 30_000 });
    const values = await admin.locator('input').evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
    for (const v of ['Dagvakt', 'Kveldsvakt', 'Nattevakt']) assert.ok(values.includes(v), `${v} in ${values.join(', ')}`);
    assert.match((await admin.textContent('body')) ?? '', /0 brudd på lov\/avtale/);
    await shot(admin, '27c-new-unit-first-plan');
  });

  test('a leader edits their own unit and has no create button', async () => {
    const leader = await app.signIn('leder@solsiden');
    await leader.click('.mainnav a[href="/enheter"]');
    await leader.waitForSelector('[data-testid=unit-list] table');
    assert.equal(await leader.locator('[data-testid=unit-add]').count(), 0);
    const rows = await leader.locator('[data-testid^=unit-row-]').count();
    assert.equal(rows, 1);
    await leader.click('[data-testid^=unit-edit-]');
    await leader.fill('[data-testid=u-beds]', '1001');
    await leader.click('[data-testid=unit-save]');
    assert.match(await waitFor(leader, '[data-testid=unit-error-beds]', (s) => s.length > 0), /kan ikke være over 1000/);
    await leader.fill('[data-testid=u-beds]', '25');
    await leader.click('[data-testid=unit-save]');
    await waitFor(leader, '[data-testid=unit-message]', (s) => s.includes('er lagret'));
    assert.match(await waitFor(leader, '[data-testid^=unit-row-]', (s) => s.includes('25')), /Solsiden sykehjem 2\. etg/);
  });
});
