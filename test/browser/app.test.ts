/**
 * Browser tests: the built web app and the API server (`src/server/main.ts` on a fresh
 * PGlite directory, an ephemeral port) driven in Debian's Chromium through playwright-core.
 *
 * The flow: the leader opens a wish round → an employee sends wishes from a phone → the
 * planner generates (cancel once, then for real, with the progress bar), inspects a rule
 * violation, edits a cell and undoes it, and sends the plan to hearing → the union
 * representative comments and approves → the leader approves → the planner publishes →
 * the employee sees the result (list, month, wish markers) → an employee of another unit is
 * refused the plan, by the page and by the API. Screenshots go to test-results/browser/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { SHOTS, shot, startBrowserApp, waitFor, type BrowserApp } from './harness.js';

let app: BrowserApp;
let url = '';
let planId = '';
const signIn = (username: string, viewport?: { width: number; height: number }): Promise<Page> => app.signIn(username, viewport);

async function openPlan(page: Page): Promise<void> {
  await page.goto(`${url}/planer/${planId}`);
  await page.waitForSelector('[data-testid=rota-grid]');
}

describe('web app in Chromium', { timeout: 300_000 }, () => {
  before(async () => {
    app = await startBrowserApp();
    url = app.url;
  });

  after(async () => {
    await app?.close();
  });

  test('the leader signs in (bokmål, English switch) and opens a wish round', async () => {
    const page = await signIn('leder@solsiden');
    await page.click('table.plans a');
    await page.waitForSelector('[data-testid=rota-grid]');
    planId = page.url().split('/planer/')[1];
    assert.ok(planId);
    assert.equal(await page.locator('html').getAttribute('lang'), 'nb');
    assert.match(await page.textContent('.planhead') ?? '', /Utkast/);
    assert.match(await page.textContent('thead') ?? '', /uke 1/);
    await page.click('[data-testid=lang-switch]');
    assert.match(await page.textContent('.planhead') ?? '', /Draft/);
    await page.click('[data-testid=lang-switch]');
    await page.click('[data-testid=wish-round-panel] summary');
    await page.fill('[data-testid=wish-round-panel] input[type=date]', '2027-01-01');
    await page.click('[data-testid=open-wish-round]');
    await page.waitForSelector('[data-testid=close-wish-round]');
    await shot(page, '01-leader-plan-empty');
  });

  test('an employee sends a wish form from a phone', async () => {
    const page = await signIn('ansatt@solsiden', { width: 390, height: 844 });
    await page.click('nav >> text=Ønskeskjema');
    await page.waitForSelector('[data-testid=send-wishes]');
    await page.selectOption('[data-testid="wish-2027-01-04"]', 'off');
    await page.selectOption('[data-testid="wish-2027-01-05"]', 'want:D');
    await page.selectOption('[data-testid="wish-2027-01-09"]', 'off');
    await page.selectOption('[data-testid="wish-2027-01-06"]', 'cannot');
    // Weekend preference: the weekends of week 2 and week 4 (the others become weak wishes to be free).
    await page.check('[data-testid="wish-weekend-2027-01-16"]');
    await page.check('[data-testid="wish-weekend-2027-01-30"]');
    await page.click('[data-testid=send-wishes]');
    await page.waitForSelector('[data-testid=wish-status].ok');
    assert.match((await page.textContent('[data-testid=wish-status]')) ?? '', /Ønskene er sendt/);
    await shot(page, '02-employee-wish-form', true);
    // Back to the form: the choices and the weekend preference are as sent, the derived wishes are not shown as days.
    await page.reload();
    await page.waitForSelector('[data-testid=send-wishes]');
    assert.equal(await page.inputValue('[data-testid="wish-2027-01-06"]'), 'cannot');
    assert.equal(await page.inputValue('[data-testid="wish-2027-01-23"]'), '');
    assert.equal(await page.isChecked('[data-testid="wish-weekend-2027-01-16"]'), true);
    assert.equal(await page.isChecked('[data-testid="wish-weekend-2027-01-23"]'), false);
  });

  test('the planner generates in the background (cancel, then for real), inspects a violation, edits with re-check and undo, and sends to hearing', async () => {
    const page = await signIn('planlegger@solsiden');
    page.on('dialog', (d) => void d.accept());
    await openPlan(page);
    await page.click('[data-testid=close-wish-round]');
    await page.waitForSelector('[data-testid=open-wish-round]', { state: 'attached' });

    // Cancel: nothing is saved.
    await page.selectOption('[data-testid=generate-seconds]', '60');
    await page.click('[data-testid=generate]');
    await page.waitForSelector('[data-testid=generate-progress]');
    await page.click('[data-testid=generate-cancel]');
    await waitFor(page, '[data-testid=message]', (t) => /avbrutt/.test(t), 30_000);
    assert.equal(await page.textContent('[data-testid=plan-version]'), '1');

    // Generate, leave the page, come back to the running job.
    await page.selectOption('[data-testid=generate-seconds]', '5');
    await page.click('[data-testid=generate]');
    await page.waitForSelector('[data-testid=generate-progress]');
    await page.waitForTimeout(1500);
    await shot(page, '03-planner-generating');
    await page.click('nav >> text=Oversikt');
    await page.waitForSelector('.home');
    await openPlan(page);
    await waitFor(page, '[data-testid=plan-version]', (t) => t === '2', 60_000);
    await page.waitForSelector('td.cell.cat-day');
    assert.equal(await page.textContent('[data-testid=plan-version]'), '2');
    const shifts = await page.locator('td.cell .code').evaluateAll((els) => els.filter((e) => /^[DKNL]$/.test(e.textContent ?? '')).length);
    assert.ok(shifts > 200, `the generated rota has shifts (${shifts})`);
    await shot(page, '04-planner-generated');

    // A violation marker opens a popover with message, measured value, limit and reference.
    await page.locator('[data-testid=violation-marker]').first().click();
    await page.waitForSelector('[data-testid=violation-popover]');
    assert.ok(((await page.textContent('[data-testid=pop-reference]')) ?? '').length > 3);
    assert.ok(((await page.textContent('[data-testid=pop-limit]')) ?? '').length > 0);
    await shot(page, '05-violation-popover');
    await page.keyboard.press('Escape');

    // Keyboard edit: a night shift straight after an evening shift breaks the daily rest (hard); undo restores.
    const hardBefore = Number(await page.textContent('[data-testid=hard-count]'));
    const row = page.locator('tbody tr').first();
    const cells = row.locator('td.cell');
    const n = await cells.count();
    let target = -1;
    for (let i = 0; i < n - 1 && target < 0; i++) {
      const [a, b] = [await cells.nth(i).locator('.code').textContent(), await cells.nth(i + 1).locator('.code').textContent()];
      if (a === 'K' && b === '') target = i + 1;
    }
    assert.ok(target > 0, 'an evening shift followed by a free day');
    await cells.nth(target).click();
    await page.keyboard.press('D');
    await waitFor(page, '[data-testid=hard-count]', (t) => Number(t) > hardBefore);
    await page.waitForSelector('[data-testid=save]:not([disabled])');
    await shot(page, '06-edit-rechecked');
    await page.click('[data-testid=undo]');
    await waitFor(page, '[data-testid=hard-count]', (t) => Number(t) === hardBefore);

    await page.click('[data-testid=to-hearing]');
    await waitFor(page, '[data-testid=plan-status]', (t) => /På høring/.test(t));
  });

  test('the union representative comments on a person and approves the version on hearing', async () => {
    const page = await signIn('tillitsvalgt@solsiden');
    await openPlan(page);
    // No absence kinds for representatives: sick leave shows as plain absence.
    const codes = await page.locator('td.cell.absence .code').allTextContents();
    assert.ok(codes.length > 0 && codes.every((c) => c === 'F'), `absences without kind: ${[...new Set(codes)].join(',')}`);
    await page.selectOption('[data-testid=comment-about]', { index: 3 });
    await page.fill('[data-testid=comment-body]', 'Mange kveldsvakter på rad for denne personen i uke 2.');
    await page.click('[data-testid=comment-send]');
    await page.waitForSelector('[data-testid=comments] li');
    await page.click('[data-testid=approve-as-union_rep]');
    await page.waitForSelector('[data-testid=approvals] li');
    const approval = (await page.textContent('[data-testid=approvals]')) ?? '';
    assert.match(approval, /Tillitsvalgt/);
    assert.match(approval, /versjon 2/);
    await page.locator('[data-testid=hearing-panel]').scrollIntoViewIfNeeded();
    await shot(page, '07-union-rep-hearing');
    // The risk assessment (forsvarlighetsvurdering) beside the hearing: traffic lights per section, no absence kinds.
    await page.waitForSelector('[data-testid=risk-panel][data-level]');
    assert.match((await page.textContent('[data-testid=risk-overall]')) ?? '', /^Samlet vurdering: (grønn|gul|rød)\./);
    assert.equal(await page.locator('[data-testid=risk-panel] .risk-section').count(), 8);
    const riskText = (await page.textContent('[data-testid=risk-panel]')) ?? '';
    assert.match(riskText, /Hvile mellom vakter/);
    assert.doesNotMatch(riskText, /egenmelding|sykmelding|sykt barn|foreldrepermisjon/i);
    // A full-page clip, so the sticky top bar stays at the top instead of over the panel.
    await page.evaluate('window.scrollTo(0, 0)');
    const box = (await page.locator('[data-testid=risk-panel]').boundingBox())!;
    await page.screenshot({ path: join(SHOTS, '07b-union-rep-risk.png'), fullPage: true, clip: box });
    await page.click('[data-testid=lang-switch]');
    await waitFor(page, '[data-testid=risk-overall]', (t) => /^Overall: /.test(t));
    await page.click('[data-testid=lang-switch]');
  });

  test('the leader approves and the planner publishes', async () => {
    const leader = await signIn('leder@solsiden');
    leader.on('dialog', (d) => void d.accept());
    await openPlan(leader);
    await leader.click('[data-testid=approve-plan]');
    await waitFor(leader, '[data-testid=plan-status]', (t) => /Godkjent/.test(t));
    const planner = await signIn('planlegger@solsiden');
    await openPlan(planner);
    await planner.click('[data-testid=publish]');
    await waitFor(planner, '[data-testid=plan-status]', (t) => /Publisert/.test(t));
    await planner.click('[data-testid=audit-panel] summary');
    await planner.waitForSelector('[data-testid=audit-panel] tr');
    const log = (await planner.textContent('[data-testid=audit-panel]')) ?? '';
    for (const word of ['Publisert', 'Plan godkjent', 'Godkjenning (høring)', 'Sendt til høring', 'Turnus generert', 'Ønsker sendt']) assert.ok(log.includes(word), `${word} in the change log`);
    await planner.locator('[data-testid=audit-panel]').scrollIntoViewIfNeeded();
    await shot(planner, '08-published-audit');
  });

  test('the employee sees the published result on the phone: list, month, wish markers, iCal', async () => {
    const page = await signIn('ansatt@solsiden', { width: 390, height: 844 });
    await page.click('nav >> text=Min turnus');
    await page.waitForSelector('[data-testid=my-shifts]');
    assert.ok((await page.locator('[data-testid=my-shift]').count()) > 5);
    assert.ok((await page.locator('[data-testid=my-wish]').count()) >= 3, 'wish results are shown');
    assert.equal(await page.getAttribute('[data-testid=ical]', 'href'), '/api/me/rota.ics');
    const ics = await page.evaluate(async () => (await fetch('/api/me/rota.ics')).text());
    assert.match(ics, /BEGIN:VEVENT/);
    await shot(page, '09-employee-my-rota-list');
    await page.click('[data-testid=mode-month]');
    await page.waitForSelector('.cal');
    await shot(page, '10-employee-my-rota-month', true);
    // The unit's published rota, without anybody's absence.
    await openPlan(page);
    assert.equal(await page.locator('td.cell.absence').count(), 0);
    assert.equal(await page.locator('[data-testid=violation-marker]').count(), 0);
    await shot(page, '11-employee-unit-rota');
  });

  test('an employee of another unit is refused the plan by the page and by the API', async () => {
    const page = await signIn('ansatt@hjemme-nord');
    await page.goto(`${url}/planer/${planId}`);
    await page.waitForSelector('[data-testid=page-error]');
    assert.match((await page.textContent('[data-testid=page-error]')) ?? '', /ikke tilgang/);
    await shot(page, '12-other-unit-refused');
    const statuses = await page.evaluate(
      async (id) =>
        Promise.all([`/api/plans/${id}/page`, `/api/plans/${id}`, '/api/units/solsiden-2', '/api/units/solsiden-2/plans', `/api/plans/${id}/hearing`].map(async (p) => (await fetch(p)).status)),
      planId,
    );
    assert.deepEqual(statuses, [403, 403, 403, 403, 403]);
    // With a valid session and CSRF token, a change is still refused by the authorization check.
    const post = await page.evaluate(async (id) => {
      const { csrfToken } = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const res = await fetch(`/api/plans/${id}/status`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: '{"status":"draft"}' });
      return { status: res.status, body: await res.text() };
    }, planId);
    assert.equal(post.status, 403);
    assert.match(post.body, /ingen tilgang/);
  });

  test('absence: the leader sees the forecast against the history and an import report line by line; the employee reports sick', async () => {
    const page = await signIn('leder@solsiden');
    await page.click('a[href="/enheter/solsiden-2/fravaer"]');
    await page.waitForSelector('[data-testid=forecast-chart] canvas', { timeout: 60_000 });
    assert.match((await page.textContent('[data-testid=forecast-stats]')) ?? '', /Forventet snitt per dag/);
    // A file with problems: every line is listed, nothing is stored.
    const csv = 'employee,unit,from,to,type\nukjent,solsiden-2,2026-01-05,2026-01-06,self_certified\nsol-01,solsiden-2,2027-02-30,2027-03-01,leave\n';
    await page.setInputFiles('[data-testid=import-file]', { name: 'fravaer.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.click('[data-testid=import-submit]');
    await page.waitForSelector('[data-testid=import-errors] tbody tr');
    assert.equal(await page.locator('[data-testid=import-errors] tbody tr').count(), 2);
    assert.match((await page.textContent('[data-testid=import-errors]')) ?? '', /umulig dato/);
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, '13-leader-absence-forecast', true);

    const emp = await signIn('ansatt@solsiden', { width: 390, height: 844 });
    await emp.click('nav >> text=Meld fravær');
    await emp.waitForSelector('[data-testid=report-form]');
    // A day in the last two weeks that the (demo) history leaves free for this person.
    const day = await emp.evaluate(async () => {
      const { absences } = (await (await fetch('/api/me/absences')).json()) as { absences: Array<{ from: string; to: string }> };
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
      for (let i = 0; i < 14; i++) {
        const d = new Date(Date.parse(`${today}T12:00:00Z`) - i * 86_400_000).toISOString().slice(0, 10);
        if (!absences.some((a) => a.from <= d && d <= a.to)) return d;
      }
      return today;
    });
    await emp.selectOption('[data-testid=absence-kind]', 'sick_child');
    await emp.fill('[data-testid=absence-from]', day);
    await emp.fill('[data-testid=absence-to]', day);
    await emp.click('[data-testid=report-submit]');
    await waitFor(emp, '[data-testid=report-status]', (t) => /meldt/.test(t));
    await emp.waitForSelector('[data-testid=my-absences] li');
    await shot(emp, '14-employee-report-absence');
  });

  test('the day of absence on the published plan: proposals in order, one confirm, planned vs actual; then prediction shifts for a new draft', async () => {
    const page = await signIn('leder@solsiden');
    page.on('dialog', (d) => void d.accept());
    await openPlan(page);
    await page.waitForSelector('[data-testid=cover-panel]');
    // Someone with a day shift in the plan is away that day (welfare leave at short notice).
    // The demo employee's own shift, so that they see the change on their phone afterwards.
    const emp = await signIn('ansatt@solsiden', { width: 390, height: 844 });
    const me = (await emp.evaluate(`(async () => (await (await fetch('/api/session')).json()).user.employeeId)()`)) as string;
    const pick = (await page.evaluate(`(async () => {
      const plan = await (await fetch('/api/plans/${planId}')).json();
      const a = plan.assignments.find((x) => x.employee === '${me}' && x.date >= '2027-01-11') ?? plan.assignments.find((x) => x.date >= '2027-01-11');
      return { employee: a.employee, date: a.date };
    })()`)) as { employee: string; date: string };
    await page.selectOption('[data-testid=cover-employee]', pick.employee);
    await page.fill('[data-testid=cover-from]', pick.date);
    await page.fill('[data-testid=cover-to]', pick.date);
    await page.selectOption('[data-testid=cover-kind]', 'leave');
    await page.click('[data-testid=cover-propose]');
    await page.waitForSelector('[data-testid=cover-proposals] .cover-candidate');
    const kinds = await page.locator('[data-testid=cover-proposals] .cover-kind').allTextContents();
    assert.equal(kinds.at(-1), 'Vikar', 'a substitute is the last resort');
    await page.locator('[data-testid=cover-proposals]').scrollIntoViewIfNeeded();
    await shot(page, '15-leader-cover-proposals');
    await page.click('[data-testid=cover-confirm]');
    await waitFor(page, '[data-testid=cover-done]', (t) => /versjon/.test(t));
    await page.waitForSelector('[data-testid=cover-actuals] tbody tr');
    assert.ok(!(await page.evaluate(`(async () => {
      const plan = await (await fetch('/api/plans/${planId}')).json();
      return plan.assignments.some((x) => x.employee === '${pick.employee}' && x.date === '${pick.date}');
    })()`)), 'the absent person no longer has the shift');
    await page.locator('[data-testid=cover-actuals]').scrollIntoViewIfNeeded();
    await shot(page, '16-leader-cover-actuals');
    if (pick.employee === me) {
      await emp.goto(url);
      await emp.click('nav >> text=Min turnus');
      await waitFor(emp, '[data-testid=notices]', (t) => /Fraværet ditt er registrert/.test(t));
      await shot(emp, '16b-employee-notice');
    }

    // Back to draft: the prediction shifts for the period, from the forecast and the newsvendor rule.
    await page.click('[data-testid=to-draft]');
    await waitFor(page, '[data-testid=plan-status]', (t) => /Utkast/.test(t));
    await page.click('[data-testid=prediction-panel] summary');
    await page.click('[data-testid=prediction-compute]');
    await page.waitForSelector('[data-testid=prediction-advice]', { timeout: 120_000 });
    assert.match((await page.textContent('[data-testid=prediction-advice]')) ?? '', /prediksjonsvakter/);
    await page.click('[data-testid=prediction-apply]');
    await waitFor(page, '[data-testid=prediction-advice]', (t) => /Lagt inn som versjon/.test(t), 60_000);
    await page.locator('[data-testid=prediction-panel]').scrollIntoViewIfNeeded();
    await shot(page, '17-leader-prediction-shifts');
  });

  test('the full-time culture dashboard: key figures with definitions, charts, benefit tracking, Excel export', async () => {
    const page = await signIn('leder@solsiden');
    await page.click('nav >> text=Heltidskultur');
    await page.waitForSelector('[data-testid=hk-trend] canvas', { timeout: 60_000 });
    await page.waitForSelector('[data-testid=hk-units] canvas');
    await page.waitForSelector('[data-testid=hk-distribution] canvas');
    assert.match((await page.textContent('[data-testid=hk-card-averagePosition]')) ?? '', /Stillingssnitt.*%.*summen av/s);
    // Not registered in Bemanna: shown as missing with the reason, never as 0.
    assert.match((await page.textContent('[data-testid="hk-card-hired.agencyHours"]')) ?? '', /–/);
    await page.fill('[data-testid=hk-baseline]', '2026-01-31');
    await waitFor(page, '[data-testid=hk-benefit] thead', (t) => /31\.01\.2026/.test(t));
    assert.ok((await page.locator('[data-testid=hk-benefit] tbody tr').count()) > 5);
    const href = (await page.getAttribute('[data-testid=hk-export]', 'href')) ?? '';
    const res = (await page.evaluate(`(async () => { const r = await fetch(${JSON.stringify(href)}); return [r.status, r.headers.get('content-type')]; })()`)) as [number, string];
    assert.equal(res[0], 200, href);
    assert.match(res[1], /spreadsheetml/);
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, '18-dashboard', true);
  });

  test('scenarios: three weekend-tangle scenarios side by side, an infeasible one with its reason in numbers, a proof with the rota engine, the position plan', async () => {
    const page = await signIn('leder@solsiden');
    await page.click('.home a[href="/enheter/solsiden-2/scenarioer"]');
    await page.waitForSelector('[data-testid=sc-col-2] .sc-result', { timeout: 60_000 });
    assert.match((await page.textContent('[data-testid=sc-col-1]')) ?? '', /langvakt 12,5 t.*Stillingssnitt/s);
    // Every 4th weekend without long shifts needs more people than the unit has: the reason in numbers.
    await page.selectOption('[data-testid=sc-k-2]', '4');
    await page.click('[data-testid=sc-compute]');
    await waitFor(page, '[data-testid=sc-col-2] [data-testid=sc-infeasible]', (t) => /Kan ikke bemannes.*\d+/s.test(t), 60_000);
    await page.click('[data-testid=sc-prove-1]');
    await waitFor(page, '[data-testid=sc-col-1] [data-testid=sc-proof]', (t) => /(Bevist|Ikke bevist).*helger per person/s.test(t), 120_000);
    await page.click('[data-testid=sc-pp-run]');
    await waitFor(page, '[data-testid=sc-positionplan]', (t) => /Før.*Etter/s.test(t), 60_000);
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, '19-scenarios', true);
    // The rota that results: a new draft with the new positions, generated in the background.
    const ppText = ((await page.textContent('[data-testid=sc-positionplan]')) ?? '').replace(/\s+/g, ' ');
    const afterHeadcount = Number(/Etter: (\d+)/.exec(ppText)?.[1]);
    // Each step: "kind · group · Name[ ← merged]: [from % → ]to %"; the person's position is the
    // last step that names them (an increase may be followed by a merge into the same position).
    const steps = (await page.locator('.sc-steps li').allTextContents()).map((t) => t.replace(/\s+/g, ' '));
    const parsed = steps.map((t) => /^([^·]+) · [^·]+ · ([^:←]+?)(?: ← [^:]+)?: (?:[\d,]+ % → )?([\d,]+ %)/.exec(t)).filter((m) => m !== null);
    const firstIncrease = parsed.find((m) => m[1].trim() === 'Større stilling');
    assert.ok(afterHeadcount > 0 && firstIncrease, steps.join(' | '));
    const name = firstIncrease[2].trim();
    const newPercent = parsed.filter((m) => m[2].trim() === name).at(-1)![3];
    await page.click('[data-testid=sc-pp-rota]');
    await page.waitForURL(/\/planer\//, { timeout: 30_000 });
    await waitFor(page, '[data-testid=plan-version]', (t) => t === '2', 90_000);
    await page.waitForSelector('td.cell.cat-day');
    const rows = (await page.locator('[data-testid=rota-grid] tbody th').allTextContents()).map((r) => r.replace(/\s+/g, ' '));
    assert.equal(rows.length, afterHeadcount, `one row per position after the plan: ${rows.join(' | ')}`);
    assert.ok(rows.some((r) => r.startsWith(name) && r.includes(`· ${newPercent}`)), `${name} has the larger position (${newPercent}): ${rows.join(' | ')}`);
    const shifts = await page.locator('td.cell .code').evaluateAll((els) => els.filter((e) => /^[DKNL]$/.test(e.textContent ?? '')).length);
    assert.ok(shifts > 200, `the resulting rota has shifts (${shifts})`);
    await shot(page, '26-position-plan-rota');
  });
});
