import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { PlanInput } from '../core/model/plan.js';
import { parsePlan } from '../core/model/validatePlan.js';
import { checkPlan } from '../core/eval/checker.js';
import type { RiskAssessment } from '../core/risk/index.js';
import { fixturePlan } from '../db/fixtures.js';
import { RiskAssessmentSchema } from './routes/risk.js';
import { login, testWorld, UNIT_A, type TestClient, type TestWorld } from './testing.js';

const ABSENCE_KIND_WORDS = /self_certified|doctor_certified|sick_child|parental_leave|egenmelding|sykmelding/i;

describe('GET /api/plans/:id/risk', () => {
  let w: TestWorld;
  let leaderA: TestClient;
  let planner: TestClient;
  let unionA: TestClient;
  let safetyA: TestClient;
  let employeeA: TestClient;
  let employeeB: TestClient;
  let leaderB: TestClient;
  let hearingPlan = '';
  let raw: PlanInput;

  before(async () => {
    w = await testWorld();
    [leaderA, planner, unionA, safetyA, employeeA, employeeB, leaderB] = await Promise.all(
      ['leder-a', 'planlegger-a', 'tillitsvalgt-a', 'verneombud-a', 'ansatt-a', 'ansatt-b', 'leder-b'].map((u) => login(w.app, u)),
    );
    // A plan on hearing with an 8.5 h rest (evening → day) under an 8 h local agreement.
    raw = fixturePlan({ prefix: 'a' });
    raw.rules = { ...raw.rules, dailyRest: { minHours: 8, agreementRef: 'Lokal avtale om hvile 2027' } };
    raw.assignments = [...raw.assignments!, { employee: 'a-e1', date: '2027-03-03', shift: 'D' }];
    const res = await leaderA.send('POST', `/api/units/${UNIT_A}/plans?name=Risiko&status=hearing`, raw);
    assert.equal(res.status, 201);
    hearingPlan = ((await res.json()) as { plan: { id: string } }).plan.id;
  });
  after(async () => {
    await w?.close();
  });

  test('leaders and planners get it for a draft; it matches the documented schema and the checker', async () => {
    for (const c of [leaderA, planner]) {
      const r = await c.json<RiskAssessment>('GET', `/api/plans/${w.planA}/risk`);
      assert.equal(r.status, 200);
      RiskAssessmentSchema.parse(r.body);
      assert.equal(r.body.unit, 'Testheimen 1. etg');
      const file = parsePlan((await leaderA.json('GET', `/api/plans/${w.planA}`)).body);
      assert.ok(file.ok);
      const check = checkPlan(file.value);
      assert.equal(r.body.check.hardCount, check.hardCount);
      assert.equal(r.body.check.softCount, check.softCount);
      assert.equal(r.body.sections.competence.totals.cellsBelowMin, check.violations.filter((v) => v.rule === 'PRA-11').length);
      // The fixture's local agreements: 10 h daily rest (unused), every 2nd weekend, and Kari's personal every 3rd.
      const ex = new Map(r.body.sections.agreements.exceptions.map((x) => [x.path, x]));
      assert.deepEqual([ex.get('dailyRest.minHours')?.value, ex.get('dailyRest.minHours')?.agreementRef, ex.get('dailyRest.minHours')?.uses], [10, 'Lokal avtale 2026-01', 0]);
      assert.equal(ex.get('weekend.frequency')?.direction, 'relaxed');
      assert.equal(ex.get('employees.a-e1.weekendFrequency')?.direction, 'stricter');
    }
  });

  test('union and safety representatives get it on hearing, with the local-agreement quick return listed and no absence kinds', async () => {
    for (const c of [unionA, safetyA]) {
      const res = await c.get(`/api/plans/${hearingPlan}/risk`);
      assert.equal(res.status, 200);
      const text = await res.text();
      assert.doesNotMatch(text, ABSENCE_KIND_WORDS);
      const r = JSON.parse(text) as RiskAssessment;
      const q = r.sections.quickReturns;
      assert.deepEqual(
        q.events.map((e) => [e.employeeName, e.fromDate, e.fromShift, e.toDate, e.toShift, e.restHours, e.kind]),
        [['Kari Nordmann', '2027-03-02', 'A', '2027-03-03', 'D', 8.5, 'agreement']],
      );
      assert.equal(q.level, 'yellow');
      assert.equal(q.agreementRef, 'Lokal avtale om hvile 2027');
      assert.equal(r.sections.agreements.exceptions.find((x) => x.path === 'dailyRest.minHours')?.uses, 1);
    }
    // The leader sees the same assessment.
    const leader = await leaderA.json<RiskAssessment>('GET', `/api/plans/${hearingPlan}/risk`);
    const rep = await unionA.json<RiskAssessment>('GET', `/api/plans/${hearingPlan}/risk`);
    assert.deepEqual(leader.body, rep.body);
    const expected = parsePlan(raw);
    assert.ok(expected.ok);
    assert.equal(rep.body.assignments, expected.value.assignments.length);
  });

  test('refused: representatives on a draft, employees (even published), another unit 403; unknown 404; no session 401', async () => {
    assert.equal((await unionA.get(`/api/plans/${w.planA}/risk`)).status, 403);
    assert.equal((await employeeA.get(`/api/plans/${w.planA}/risk`)).status, 403);
    assert.equal((await employeeA.get(`/api/plans/${hearingPlan}/risk`)).status, 403);
    assert.equal((await employeeB.get(`/api/plans/${w.planA}/risk`)).status, 403);
    assert.equal((await leaderB.get(`/api/plans/${hearingPlan}/risk`)).status, 403);
    assert.equal((await leaderA.get(`/api/plans/${w.planB}/risk`)).status, 403);
    assert.equal((await leaderA.get('/api/plans/no-such-plan/risk')).status, 404);
    assert.equal((await w.app.request(`/api/plans/${w.planA}/risk`)).status, 401);

    // Published: the employee still may not see it; the representative may.
    assert.equal((await leaderA.send('POST', `/api/plans/${hearingPlan}/status`, { status: 'approved' })).status, 200);
    assert.equal((await leaderA.send('POST', `/api/plans/${hearingPlan}/status`, { status: 'published' })).status, 200);
    assert.equal((await employeeA.get(`/api/plans/${hearingPlan}/risk`)).status, 403);
    assert.equal((await unionA.get(`/api/plans/${hearingPlan}/risk`)).status, 200);
  });

  test('it is in the OpenAPI document with its response schema', async () => {
    const doc = (await (await w.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { tags: string[]; responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }> }>>;
    };
    const op = doc.paths['/api/plans/{id}/risk']?.get;
    assert.ok(op, 'documented');
    assert.deepEqual(op.tags, ['hearing']);
    const props = op.responses['200'].content!['application/json'].schema.properties!;
    assert.ok(props.sections && props.overall && props.check);
    for (const code of ['401', '403', '404']) assert.ok(op.responses[code], code);
  });
});
