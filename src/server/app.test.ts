import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parsePlan } from '../core/model/validatePlan.js';
import type { PlanInput } from '../core/model/plan.js';
import { fixturePlan } from '../db/fixtures.js';
import { createRepositories } from '../db/sqlRepositories.js';
import { createApp } from './app.js';
import { login, testWorld, UNIT_A, UNIT_B, type TestClient, type TestWorld } from './testing.js';

describe('HTTP API (in-memory PGlite, signed in as the unit leader)', () => {
  let w: TestWorld;
  let leader: TestClient;
  let admin: TestClient;
  const post = (path: string, body: unknown) => leader.send('POST', path, body);

  before(async () => {
    w = await testWorld();
    leader = await login(w.app, 'leder-a');
    admin = await login(w.app, 'admin');
  });

  after(async () => {
    await w?.close();
  });

  test('GET /api/health reports the database and the version (no login needed)', async () => {
    const res = await w.app.request('/api/health');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok', version: '9.9.9-test', db: { ok: true, driver: 'pglite' } });
  });

  test('GET /api/units lists the units the caller has a role in; /api/units/:id; 404 as JSON', async () => {
    const res = await leader.get('/api/units');
    assert.equal(res.status, 200);
    const { units } = (await res.json()) as { units: Array<{ id: string; employeeCount: number; planCount: number }> };
    assert.deepEqual(units.map((u) => u.id), [UNIT_A]);
    assert.equal(units[0].employeeCount, 3);
    assert.equal(units[0].planCount, 1);
    const all = (await (await admin.get('/api/units')).json()) as { units: Array<{ id: string }> };
    assert.deepEqual(all.units.map((u) => u.id).sort(), [UNIT_B, UNIT_A].sort());
    const one = await leader.get(`/api/units/${UNIT_A}`);
    assert.equal(((await one.json()) as { unit: { beds: number } }).unit.beds, 12);
    const missing = await leader.get('/api/units/nope');
    assert.equal(missing.status, 404);
    const body = (await missing.json()) as { errors: Array<{ path: string; message: string }> };
    assert.equal(body.errors[0].path, 'id');
    assert.match(body.errors[0].message, /nope/);
    assert.equal((await leader.get('/api/nothing-here')).status, 404);
  });

  test('GET /api/units/:id/employees and /plans', async () => {
    const emps = (await (await leader.get(`/api/units/${UNIT_A}/employees`)).json()) as { employees: Array<{ id: string; unitId: string }> };
    assert.deepEqual(emps.employees.map((e) => e.id).sort(), ['a-e1', 'a-e2', 'a-e3']);
    assert.ok(emps.employees.every((e) => e.unitId === UNIT_A));
    const plans = (await (await leader.get(`/api/units/${UNIT_A}/plans`)).json()) as { plans: Array<{ id: string; name: string; start: string }> };
    assert.deepEqual(plans.plans.map((p) => [p.id, p.name, p.start]), [[w.planA, 'Plan A', '2027-03-01']]);
    assert.equal((await leader.get('/api/units/nope/plans')).status, 404);
  });

  test('POST /api/check returns the violations of a bad rota', async () => {
    const raw = fixturePlan({ prefix: 'chk' });
    // Evening shift then day shift the next morning: 8.5 h rest.
    raw.assignments = [...raw.assignments!, { employee: 'chk-e1', date: '2027-03-03', shift: 'D' }];
    const res = await post('/api/check', raw);
    assert.equal(res.status, 200);
    const result = (await res.json()) as { hardCount: number; violations: Array<{ rule: string; employee: string | null; dates: string[] }> };
    assert.ok(result.hardCount > 0);
    const rest = result.violations.find((v) => v.rule === 'LAW-06');
    assert.ok(rest, 'daily rest violation expected');
    assert.equal(rest.employee, 'chk-e1');
    assert.ok(rest.dates.includes('2027-03-03'));
  });

  test('POST /api/check rejects an invalid plan with 400 and the JSON path', async () => {
    const raw = fixturePlan({ prefix: 'inv' });
    raw.employees[0] = { ...raw.employees[0], positionPercent: 140 };
    const res = await post('/api/check', raw);
    assert.equal(res.status, 400);
    const { errors } = (await res.json()) as { errors: Array<{ path: string; message: string }> };
    const e = errors.find((x) => x.path === 'employees[0].positionPercent');
    assert.ok(e, JSON.stringify(errors));
    assert.match(e.message, /100/);

    const unknownShift = fixturePlan({ prefix: 'inv' });
    unknownShift.assignments![2] = { ...unknownShift.assignments![2], shift: 'X' };
    const r2 = await post('/api/check', unknownShift);
    assert.equal(r2.status, 400);
    assert.deepEqual(((await r2.json()) as { errors: Array<{ path: string }> }).errors.map((x) => x.path), ['assignments[2].shift']);

    const r3 = await post('/api/check', '{"unit": ');
    assert.equal(r3.status, 400);
    assert.equal(((await r3.json()) as { errors: Array<{ path: string }> }).errors[0].path, '(rot)');
    const r4 = await post('/api/check', '');
    assert.equal(r4.status, 400);
  });

  test('POST /api/units/:id/plans saves (audit-logged with the user), GET /api/plans/:id loads it back', async () => {
    const raw: PlanInput = fixturePlan({ prefix: 'a' });
    const res = await post(`/api/units/${UNIT_A}/plans?name=${encodeURIComponent('Sommer 2027')}&status=hearing`, raw);
    assert.equal(res.status, 201);
    const { plan } = (await res.json()) as { plan: { id: string; name: string; status: string; version: number; assignmentCount: number } };
    assert.equal(plan.name, 'Sommer 2027');
    assert.equal(plan.status, 'hearing');
    assert.equal(plan.assignmentCount, raw.assignments!.length);
    assert.equal(res.headers.get('location'), `/api/plans/${plan.id}`);

    const loaded = await leader.get(`/api/plans/${plan.id}`);
    assert.equal(loaded.status, 200);
    const expected = parsePlan(raw);
    assert.ok(expected.ok);
    assert.deepStrictEqual(await loaded.json(), JSON.parse(JSON.stringify(expected.value)));

    const audit = await createRepositories(w.db).audit.list({ entity: 'plan', entityId: plan.id });
    assert.equal(audit.length, 1);
    assert.equal(audit[0].action, 'plan.save');
    assert.equal(audit[0].actor, 'leder-a');

    assert.equal((await leader.get('/api/plans/does-not-exist')).status, 404);
  });

  test('POST /api/units/:id/plans: 400 on an invalid plan or query, 404 on an unknown unit; nothing stored', async () => {
    const before = ((await (await admin.get(`/api/units/${UNIT_B}/plans`)).json()) as { plans: unknown[] }).plans.length;
    const raw = fixturePlan({ prefix: 'b' });
    raw.employees[1] = { ...raw.employees[1], positionPercent: 0 };
    const res = await admin.send('POST', `/api/units/${UNIT_B}/plans`, raw);
    assert.equal(res.status, 400);
    assert.ok(((await res.json()) as { errors: Array<{ path: string }> }).errors.some((e) => e.path === 'employees[1].positionPercent'));
    const badQuery = await admin.send('POST', `/api/units/${UNIT_B}/plans?status=secret`, fixturePlan({ prefix: 'b' }));
    assert.equal(badQuery.status, 400);
    assert.equal(((await badQuery.json()) as { errors: Array<{ path: string }> }).errors[0].path, 'query.status');
    assert.equal((await admin.send('POST', '/api/units/nope/plans', fixturePlan({ prefix: 'nope' }))).status, 404);
    const after = ((await (await admin.get(`/api/units/${UNIT_B}/plans`)).json()) as { plans: unknown[] }).plans.length;
    assert.equal(after, before);
  });

  test('POST /api/plans/:id/check checks the stored plan, or an edited version sent in the body', async () => {
    const stored = await post(`/api/plans/${w.planA}/check`, '');
    assert.equal(stored.status, 200);
    const r1 = (await stored.json()) as { hardCount: number; softCount: number; score: { hard: number; soft: number } };
    assert.equal(typeof r1.score.hard, 'number');
    const edited = fixturePlan({ prefix: 'a' });
    edited.assignments = [...edited.assignments!, { employee: 'a-e1', date: '2027-03-03', shift: 'D' }];
    const r2 = (await (await post(`/api/plans/${w.planA}/check`, edited)).json()) as { hardCount: number; violations: Array<{ rule: string }> };
    assert.ok(r2.violations.some((v) => v.rule === 'LAW-06'));
    assert.ok(r2.hardCount > r1.hardCount);
    assert.equal((await post('/api/plans/unknown/check', '')).status, 404);
    const invalid = await post(`/api/plans/${w.planA}/check`, { ...edited, end: '2027-02-01' });
    assert.equal(invalid.status, 400);
  });

  test('GET / without a built web app is a short bokmål page; unknown /api paths are JSON 404', async () => {
    const res = await w.app.request('/');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    const html = await res.text();
    assert.match(html, /<html lang="nb">/);
    assert.match(html, /npm run build:web/);
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
  });

  test('request bodies over the limit are refused with JSON', async () => {
    const small = createApp({ db: w.db, maxBodyBytes: 100 });
    const res = await small.request('/api/check', { method: 'POST', body: JSON.stringify(fixturePlan()), headers: { 'content-type': 'application/json', cookie: leader.cookie, 'x-csrf-token': leader.csrf } });
    assert.equal(res.status, 413);
    assert.ok(((await res.json()) as { errors: unknown[] }).errors.length);
  });
  test('the OpenAPI document is generated from the route registry and the zod validators', async () => {
    {
      const res = await w.app.request('/api/openapi.json');
      assert.equal(res.status, 200);
      const doc = (await res.json()) as {
        openapi: string;
        paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }> }; security?: unknown[]; responses: Record<string, unknown> }>>;
        components: { securitySchemes: Record<string, unknown> };
      };
      assert.equal(doc.openapi, '3.1.0');
      // Every registered route is documented, with path parameters in OpenAPI form.
      assert.equal(Object.values(doc.paths).reduce((n, p) => n + Object.keys(p).length, 0), w.api.routes.length);
      for (const p of ['/api/login', '/api/plans/{id}/page', '/api/plans/{id}/generate', '/api/plans/{id}/approvals', '/api/me/rota.ics', '/api/units/{id}/plans']) assert.ok(doc.paths[p], p);
      const login = doc.paths['/api/login'].post.requestBody!.content['application/json'].schema;
      assert.deepEqual(login.required?.sort(), ['password', 'username']);
      // The plan file schema (from PlanSchema) documents the save body.
      const save = doc.paths['/api/units/{id}/plans'].post.requestBody!.content['application/json'].schema;
      assert.ok(save.properties?.shiftTypes && save.properties.assignments);
      assert.deepEqual(doc.paths['/api/plans/{id}/status'].post.security, [{ session: [], csrf: [] }]);
      assert.ok(doc.paths['/api/plans/{id}/status'].post.responses['403']);
      assert.ok(doc.components.securitySchemes.csrf);
    }
  });
});
