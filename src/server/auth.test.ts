import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { login, testWorld, UNIT_A, UNIT_B, type TestClient, type TestWorld } from './testing.js';

const ABSENCE_KIND_WORDS = /self_certified|doctor_certified|sick_child|parental_leave|egenmelding|sykmelding/;

describe('sessions, CSRF and authorization', () => {
  let w: TestWorld;
  let leaderA: TestClient;
  let employeeA: TestClient;
  let employeeB: TestClient;
  let unionA: TestClient;

  before(async () => {
    w = await testWorld();
    [leaderA, employeeA, employeeB, unionA] = await Promise.all([login(w.app, 'leder-a'), login(w.app, 'ansatt-a'), login(w.app, 'ansatt-b'), login(w.app, 'tillitsvalgt-a')]);
  });
  after(async () => {
    await w?.close();
  });

  test('without a session: 401 on the API, but health and the OpenAPI document are public', async () => {
    assert.equal((await w.app.request('/api/units')).status, 401);
    assert.equal((await w.app.request(`/api/plans/${w.planA}/page`)).status, 401);
    assert.equal((await w.app.request('/api/me/rota')).status, 401);
    assert.equal((await w.app.request('/api/health')).status, 200);
    assert.equal((await w.app.request('/api/openapi.json')).status, 200);
    const post = await w.app.request(`/api/plans/${w.planA}/status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"status":"hearing"}' });
    assert.equal(post.status, 401);
  });

  test('login: wrong password 401 (audit-logged); the cookie is HttpOnly, SameSite=Strict, Path=/, Secure only over https', async () => {
    const bad = await w.app.request('/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'leder-a', password: 'feil-passord' }) });
    assert.equal(bad.status, 401);
    assert.equal(bad.headers.get('set-cookie'), null);
    const form = await w.app.request('/api/login', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ username: 'leder-a', password: 'riktig-hest-batteri' }) });
    assert.equal(form.status, 415);
    const crossSite = await w.app.request('/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ username: 'leder-a', password: 'riktig-hest-batteri' }),
    });
    assert.equal(crossSite.status, 403);
    const unknown = await w.app.request('/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ingen', password: 'x' }) });
    assert.equal(unknown.status, 401);
    const ok = await w.app.request('/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'LEDER-A', password: 'riktig-hest-batteri' }) });
    assert.equal(ok.status, 200);
    const cookie = ok.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^bemanna_session=[A-Za-z0-9_-]{43};/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    assert.match(cookie, /Path=\//);
    assert.doesNotMatch(cookie, /Secure/);
    const secure = await w.app.request('https://bemanna.example/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'leder-a', password: 'riktig-hest-batteri' }),
    });
    assert.match(secure.headers.get('set-cookie') ?? '', /Secure/);
    const { rows } = await w.db.query<{ n: number }>(`select count(*)::integer as n from audit_log where action = 'login.failed'`);
    assert.ok(rows[0].n >= 2);
    // Only the hash of the token is stored.
    const token = cookie.split(';')[0].split('=')[1];
    const stored = await w.db.query<{ token_hash: string }>('select token_hash from sessions');
    assert.ok(stored.rows.every((r) => r.token_hash !== token && /^[0-9a-f]{64}$/.test(r.token_hash)));
  });

  test('CSRF: a change without the session’s X-CSRF-Token, with a wrong one, or from another origin is refused', async () => {
    const body = JSON.stringify({ body: 'hei' });
    const noHeader = await w.app.request(`/api/plans/${w.planA}/comments`, { method: 'POST', headers: { cookie: leaderA.cookie, 'content-type': 'application/json' }, body });
    assert.equal(noHeader.status, 403);
    const wrong = await w.app.request(`/api/plans/${w.planA}/comments`, { method: 'POST', headers: { cookie: leaderA.cookie, 'content-type': 'application/json', 'x-csrf-token': employeeA.csrf }, body });
    assert.equal(wrong.status, 403);
    const cross = await leaderA.send('POST', `/api/plans/${w.planA}/comments`, { body: 'hei' }, { origin: 'https://evil.example' });
    assert.equal(cross.status, 403);
    const right = await leaderA.send('POST', `/api/plans/${w.planA}/comments`, { body: 'hei' }, { origin: 'http://localhost' });
    assert.equal(right.status, 201);
  });

  test('logout ends the session in the database', async () => {
    const c = await login(w.app, 'verneombud-a');
    assert.equal((await c.get('/api/session')).status, 200);
    assert.equal((await c.send('POST', '/api/logout')).status, 200);
    assert.equal((await c.get('/api/session')).status, 401);
  });

  test('an employee of unit A is refused every endpoint of unit B (403), and unknown ids are 404', async () => {
    const gets = [`/api/units/${UNIT_B}`, `/api/units/${UNIT_B}/plans`, `/api/units/${UNIT_B}/employees`, `/api/plans/${w.planB}`, `/api/plans/${w.planB}/page`, `/api/plans/${w.planB}/hearing`, `/api/plans/${w.planB}/audit`, `/api/plans/${w.planB}/generate`, `/api/plans/${w.planB}/wish-round`];
    for (const path of gets) assert.equal((await employeeA.get(path)).status, 403, path);
    const posts: Array<[string, string, unknown]> = [
      ['POST', `/api/plans/${w.planB}/status`, { status: 'hearing' }],
      ['POST', `/api/plans/${w.planB}/comments`, { body: 'x' }],
      ['POST', `/api/plans/${w.planB}/approvals`, {}],
      ['POST', `/api/plans/${w.planB}/generate`, { seconds: 1 }],
      ['PUT', `/api/plans/${w.planB}/assignments`, { baseVersion: 1, assignments: [] }],
      ['PUT', `/api/plans/${w.planB}/wishes/me`, { wishes: [] }],
      ['POST', `/api/units/${UNIT_B}/plans`, {}],
    ];
    for (const [m, path, body] of posts) assert.equal((await employeeA.send(m, path, body)).status, 403, `${m} ${path}`);
    // The unit list shows only their own unit.
    const units = (await (await employeeA.get('/api/units')).json()) as { units: Array<{ id: string }> };
    assert.deepEqual(units.units.map((u) => u.id), [UNIT_A]);
    assert.equal((await employeeA.get('/api/plans/no-such-plan/page')).status, 404);
    // And the other way round.
    assert.equal((await employeeB.get(`/api/plans/${w.planA}/page`)).status, 403);
    assert.equal((await employeeB.get(`/api/units/${UNIT_A}`)).status, 403);
  });

  test('an employee cannot see drafts, the plan file, the staff list or manage anything in their own unit', async () => {
    assert.equal((await employeeA.get(`/api/plans/${w.planA}/page`)).status, 403);
    assert.equal((await employeeA.get(`/api/plans/${w.planA}`)).status, 403);
    assert.equal((await employeeA.get(`/api/units/${UNIT_A}/employees`)).status, 403);
    const plans = (await (await employeeA.get(`/api/units/${UNIT_A}/plans`)).json()) as { plans: unknown[] };
    assert.deepEqual(plans.plans, []);
    assert.equal((await employeeA.send('POST', `/api/plans/${w.planA}/status`, { status: 'hearing' })).status, 403);
    assert.equal((await employeeA.send('POST', `/api/plans/${w.planA}/wish-round`, { open: true })).status, 403);
    assert.equal((await employeeA.send('PUT', `/api/plans/${w.planA}/assignments`, { baseVersion: 1, assignments: [] })).status, 403);
    // A union representative cannot see a draft either.
    assert.equal((await unionA.get(`/api/plans/${w.planA}/page`)).status, 403);
  });

  test('workflow: hearing → representatives see it without absence kinds, approve (who, when, version) → leader approves → publish → employees see it without others’ absences', async () => {
    const leaderPage = (await leaderA.json<{ view: { employees: Array<{ id: string; absences: Array<string | null> }> } }>('GET', `/api/plans/${w.planA}/page`)).body;
    assert.ok(leaderPage.view.employees.find((e) => e.id === 'a-e3')!.absences.includes('self_certified'), 'the leader sees the kind');

    // The union rep may not approve before the hearing.
    assert.equal((await unionA.send('POST', `/api/plans/${w.planA}/approvals`, {})).status, 403);
    const hearing = await leaderA.json<{ plan: { status: string } }>('POST', `/api/plans/${w.planA}/status`, { status: 'hearing' });
    assert.equal(hearing.status, 200);
    assert.equal(hearing.body.plan.status, 'hearing');
    // Not allowed: hearing → published directly.
    assert.equal((await leaderA.send('POST', `/api/plans/${w.planA}/status`, { status: 'published' })).status, 409);

    const repPage = await unionA.get(`/api/plans/${w.planA}/page`);
    assert.equal(repPage.status, 200);
    const repText = await repPage.text();
    assert.doesNotMatch(repText, ABSENCE_KIND_WORDS);
    const rep = JSON.parse(repText) as { view: { access: string; employees: Array<{ id: string; absences: Array<string | null> }>; violations: unknown[] } };
    assert.equal(rep.view.access, 'hearing');
    assert.ok(rep.view.employees.find((e) => e.id === 'a-e3')!.absences.includes('absent'));
    assert.ok(rep.view.violations.length > 0, 'representatives see the rule violations');
    // …but not the plan file with the kinds.
    assert.equal((await unionA.get(`/api/plans/${w.planA}`)).status, 403);

    const comment = await unionA.json<{ comment: { employeeId: string; planVersion: number } }>('POST', `/api/plans/${w.planA}/comments`, { body: 'For mange kvelder på rad', employee: 'a-e1' });
    assert.equal(comment.status, 201);
    assert.equal(comment.body.comment.employeeId, 'a-e1');
    const approval = await unionA.json<{ approval: { role: string; planVersion: number; approver: string; approvedAt: string } }>('POST', `/api/plans/${w.planA}/approvals`, { comment: 'Godkjent' });
    assert.equal(approval.status, 201);
    assert.equal(approval.body.approval.role, 'union_rep');
    assert.equal(approval.body.approval.approver, 'tillitsvalgt-a');
    assert.ok(approval.body.approval.planVersion >= 1);
    assert.ok(Date.parse(approval.body.approval.approvedAt) > 0);
    // A union rep cannot approve the plan itself or publish it.
    assert.equal((await unionA.send('POST', `/api/plans/${w.planA}/status`, { status: 'approved' })).status, 403);
    // The planner cannot approve, but the leader can.
    const planner = await login(w.app, 'planlegger-a');
    assert.equal((await planner.send('POST', `/api/plans/${w.planA}/status`, { status: 'approved' })).status, 403);
    assert.equal((await leaderA.send('POST', `/api/plans/${w.planA}/status`, { status: 'approved' })).status, 200);
    assert.equal((await planner.send('POST', `/api/plans/${w.planA}/status`, { status: 'published' })).status, 200);

    const empRes = await employeeA.get(`/api/plans/${w.planA}/page`);
    assert.equal(empRes.status, 200);
    const empText = await empRes.text();
    assert.doesNotMatch(empText, ABSENCE_KIND_WORDS);
    const emp = JSON.parse(empText) as {
      view: { access: string; employees: Array<{ id: string; absences: Array<string | null>; positionHours: number | null }>; wishes: Array<{ employee: string }>; violations: unknown[] };
    };
    assert.equal(emp.view.access, 'published');
    assert.deepEqual(emp.view.violations, []);
    for (const e of emp.view.employees.filter((x) => x.id !== 'a-e1')) {
      assert.ok(e.absences.every((a) => a === null), `no absences of ${e.id}`);
      assert.equal(e.positionHours, null);
    }
    assert.ok(emp.view.wishes.every((x) => x.employee === 'a-e1'), 'only my own wishes');
    // The hearing comments are for leaders and representatives.
    assert.equal((await employeeA.get(`/api/plans/${w.planA}/hearing`)).status, 403);

    const hearingData = await leaderA.json<{ comments: unknown[]; approvals: Array<{ role: string }> }>('GET', `/api/plans/${w.planA}/hearing`);
    assert.deepEqual(hearingData.body.approvals.map((a) => a.role).sort(), ['leader', 'union_rep']);
    const audit = await leaderA.json<{ entries: Array<{ action: string; actor: string }> }>('GET', `/api/plans/${w.planA}/audit`);
    const actions = audit.body.entries.map((e) => `${e.action}:${e.actor}`);
    for (const a of ['plan.status.hearing:leder-a', 'hearing.comment:tillitsvalgt-a', 'hearing.approve:tillitsvalgt-a', 'plan.status.approved:leder-a', 'plan.status.published:planlegger-a'])
      assert.ok(actions.includes(a), `${a} in ${actions.join(', ')}`);

    // My rota: the employee’s own shifts, with the own absence kinds only; iCal export.
    const mine = await employeeA.json<{ shifts: Array<{ date: string; code: string }>; employee: { id: string } }>('GET', '/api/me/rota');
    assert.equal(mine.status, 200);
    assert.equal(mine.body.employee.id, 'a-e1');
    assert.deepEqual(mine.body.shifts.map((s) => `${s.date} ${s.code}`), ['2027-03-01 D', '2027-03-02 A', '2027-03-06 L']);
    const ics = await employeeA.get('/api/me/rota.ics');
    assert.equal(ics.status, 200);
    assert.match(ics.headers.get('content-type') ?? '', /text\/calendar/);
    const cal = await ics.text();
    assert.match(cal, /^BEGIN:VCALENDAR\r\n/);
    assert.equal(cal.match(/BEGIN:VEVENT/g)?.length, 3);
    // 2027-03-01 07:00 in Oslo (CET, UTC+1) is 06:00 UTC.
    assert.match(cal, /DTSTART:20270301T060000Z/);
    // Unit B's employee sees nothing of A.
    const other = await employeeB.json<{ shifts: unknown[] }>('GET', '/api/me/rota');
    assert.deepEqual(other.body.shifts, []);
  });

  test('a published plan must go back to draft (leader) before it can be edited', async () => {
    const page = await leaderA.json<{ plan: { version: number; status: string } }>('GET', `/api/plans/${w.planA}/page`);
    assert.equal(page.body.plan.status, 'published');
    assert.equal((await leaderA.send('PUT', `/api/plans/${w.planA}/assignments`, { baseVersion: page.body.plan.version, assignments: [] })).status, 409);
    const planner = await login(w.app, 'planlegger-a');
    assert.equal((await planner.send('POST', `/api/plans/${w.planA}/status`, { status: 'draft' })).status, 403);
    assert.equal((await leaderA.send('POST', `/api/plans/${w.planA}/status`, { status: 'draft' })).status, 200);
  });
});
