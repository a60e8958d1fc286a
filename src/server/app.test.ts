import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parsePlan } from '../core/model/validatePlan.js';
import type { PlanInput } from '../core/model/plan.js';
import { openDatabase, type Db } from '../db/db.js';
import { fixturePlan } from '../db/fixtures.js';
import { migrate } from '../db/migrate.js';
import { createRepositories } from '../db/sqlRepositories.js';
import { createApp } from './app.js';

describe('HTTP API (in-memory PGlite)', () => {
  let db: Db;
  let app: ReturnType<typeof createApp>;
  let storedPlanId: string;
  const UNIT = 'testheimen-1';

  const post = (path: string, body: unknown) =>
    app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  before(async () => {
    db = await openDatabase({ memory: true });
    await migrate(db);
    const repos = createRepositories(db);
    await repos.organisations.createOrganisation({ id: 'testkommune', name: 'Testkommune' });
    await repos.organisations.createUnit({ id: UNIT, organisationId: 'testkommune', name: 'Testheimen 1. etg', kind: 'sykehjem', serviceArea: 'Helse Vest', beds: 12 });
    await repos.organisations.createUnit({ id: 'tomt', organisationId: 'testkommune', name: 'Tom enhet', kind: 'bofellesskap' });
    const plan = parsePlan(fixturePlan({ prefix: 'seed' }));
    assert.ok(plan.ok);
    storedPlanId = (await repos.plans.savePlan(UNIT, plan.value, { name: 'Seedet plan' })).id;
    app = createApp({ db, version: '9.9.9-test' });
  });

  after(async () => {
    await db?.close();
  });

  test('GET /api/health reports the database and the version', async () => {
    const res = await app.request('/api/health');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok', version: '9.9.9-test', db: { ok: true, driver: 'pglite' } });
  });

  test('GET /api/units lists the units with counts; /api/units/:id; 404 as JSON', async () => {
    const res = await app.request('/api/units');
    assert.equal(res.status, 200);
    const { units } = (await res.json()) as { units: Array<{ id: string; employeeCount: number; planCount: number }> };
    assert.deepEqual(units.map((u) => u.id), [UNIT, 'tomt']);
    assert.equal(units[0].employeeCount, 3);
    assert.equal(units[0].planCount, 1);
    const one = await app.request(`/api/units/${UNIT}`);
    assert.equal(((await one.json()) as { unit: { beds: number } }).unit.beds, 12);
    const missing = await app.request('/api/units/nope');
    assert.equal(missing.status, 404);
    const body = (await missing.json()) as { errors: Array<{ path: string; message: string }> };
    assert.equal(body.errors[0].path, 'id');
    assert.match(body.errors[0].message, /nope/);
    assert.equal((await app.request('/api/nothing-here')).status, 404);
  });

  test('GET /api/units/:id/employees and /plans', async () => {
    const emps = (await (await app.request(`/api/units/${UNIT}/employees`)).json()) as { employees: Array<{ id: string; unitId: string }> };
    assert.deepEqual(emps.employees.map((e) => e.id).sort(), ['seed-e1', 'seed-e2', 'seed-e3']);
    assert.ok(emps.employees.every((e) => e.unitId === UNIT));
    const plans = (await (await app.request(`/api/units/${UNIT}/plans`)).json()) as { plans: Array<{ id: string; name: string; start: string }> };
    assert.deepEqual(plans.plans.map((p) => [p.id, p.name, p.start]), [[storedPlanId, 'Seedet plan', '2027-03-01']]);
    assert.equal((await app.request('/api/units/nope/plans')).status, 404);
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

  test('POST /api/units/:id/plans saves (audit-logged), GET /api/plans/:id loads it back', async () => {
    const raw: PlanInput = fixturePlan({ prefix: 'api' });
    const res = await post(`/api/units/${UNIT}/plans?name=${encodeURIComponent('Sommer 2027')}&status=hearing`, raw);
    assert.equal(res.status, 201);
    const { plan } = (await res.json()) as { plan: { id: string; name: string; status: string; version: number; assignmentCount: number } };
    assert.equal(plan.name, 'Sommer 2027');
    assert.equal(plan.status, 'hearing');
    assert.equal(plan.assignmentCount, raw.assignments!.length);
    assert.equal(res.headers.get('location'), `/api/plans/${plan.id}`);

    const loaded = await app.request(`/api/plans/${plan.id}`);
    assert.equal(loaded.status, 200);
    const expected = parsePlan(raw);
    assert.ok(expected.ok);
    assert.deepStrictEqual(await loaded.json(), JSON.parse(JSON.stringify(expected.value)));

    const audit = await createRepositories(db).audit.list({ entity: 'plan', entityId: plan.id });
    assert.equal(audit.length, 1);
    assert.equal(audit[0].action, 'plan.save');
    assert.equal(audit[0].actor, 'anonym');

    assert.equal((await app.request('/api/plans/does-not-exist')).status, 404);
  });

  test('POST /api/units/:id/plans: 400 on an invalid plan or query, 404 on an unknown unit; nothing stored', async () => {
    const before = ((await (await app.request('/api/units/tomt/plans')).json()) as { plans: unknown[] }).plans.length;
    const raw = fixturePlan({ prefix: 'nope' });
    raw.employees[1] = { ...raw.employees[1], positionPercent: 0 };
    const res = await post('/api/units/tomt/plans', raw);
    assert.equal(res.status, 400);
    assert.ok(((await res.json()) as { errors: Array<{ path: string }> }).errors.some((e) => e.path === 'employees[1].positionPercent'));
    const badQuery = await post('/api/units/tomt/plans?status=secret', fixturePlan({ prefix: 'nope' }));
    assert.equal(badQuery.status, 400);
    assert.equal(((await badQuery.json()) as { errors: Array<{ path: string }> }).errors[0].path, 'query.status');
    assert.equal((await post('/api/units/nope/plans', fixturePlan({ prefix: 'nope' }))).status, 404);
    const after = ((await (await app.request('/api/units/tomt/plans')).json()) as { plans: unknown[] }).plans.length;
    assert.equal(after, before);
  });

  test('POST /api/plans/:id/check checks the stored plan, or an edited version sent in the body', async () => {
    const stored = await post(`/api/plans/${storedPlanId}/check`, '');
    assert.equal(stored.status, 200);
    const r1 = (await stored.json()) as { hardCount: number; softCount: number; score: { hard: number; soft: number } };
    assert.equal(typeof r1.score.hard, 'number');
    const edited = fixturePlan({ prefix: 'seed' });
    edited.assignments = [...edited.assignments!, { employee: 'seed-e1', date: '2027-03-03', shift: 'D' }];
    const r2 = (await (await post(`/api/plans/${storedPlanId}/check`, edited)).json()) as { hardCount: number; violations: Array<{ rule: string }> };
    assert.ok(r2.violations.some((v) => v.rule === 'LAW-06'));
    assert.ok(r2.hardCount > r1.hardCount);
    assert.equal((await post('/api/plans/unknown/check', '')).status, 404);
    const invalid = await post(`/api/plans/${storedPlanId}/check`, { ...edited, end: '2027-02-01' });
    assert.equal(invalid.status, 400);
  });

  test('GET / is a small bokmål page listing the units', async () => {
    const res = await app.request('/');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    const html = await res.text();
    assert.match(html, /<html lang="nb">/);
    assert.match(html, /Testheimen 1\. etg/);
    assert.match(html, /href="\/api\/units\/testheimen-1\/plans"/);
  });

  test('request bodies over the limit are refused with JSON', async () => {
    const small = createApp({ db, maxBodyBytes: 100 });
    const res = await small.request('/api/check', { method: 'POST', body: JSON.stringify(fixturePlan()), headers: { 'content-type': 'application/json' } });
    assert.equal(res.status, 413);
    assert.ok(((await res.json()) as { errors: unknown[] }).errors.length);
  });
});
