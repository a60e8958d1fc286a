import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openDatabase, type Db } from '../db/db.js';
import { migrate } from '../db/migrate.js';
import { seedDemo } from '../db/seed.js';
import { UserRepository } from '../db/userRepository.js';
import { generateDemo } from '../demo/index.js';
import { createBemanna, type Bemanna } from './app.js';
import { hashPassword } from './auth/password.js';
import { login, PASSWORD, type TestClient } from './testing.js';

type Scenario = {
  name: { nb: string; en: string };
  weekendEvery: number;
  headcount: number;
  averagePositionPercent: number;
  fullTimeShares: { percent100: number; atLeast80: number; above90: number };
  byCompetence: Record<string, { headcount: number; positions: number[] }>;
  staffable: boolean;
  reasons: Array<{ code: string; nb: string; en: string }>;
  notes: Array<{ nb: string }>;
  pool?: { pooledHeadcount: number; separateHeadcount: number };
  profile?: unknown;
};
type Errors = { errors: Array<{ path: string; message: string }> };

describe('the heltid scenario planner over a demo unit', () => {
  let db: Db;
  let bem: Bemanna;
  let leader: TestClient;
  let other: string;

  before(async () => {
    db = await openDatabase({ memory: true });
    await migrate(db);
    const ds = generateDemo();
    await seedDemo(db, ds);
    other = ds.units.find((u) => u.id !== 'solsiden-2')!.id;
    const users = new UserRepository(db);
    const hash = await hashPassword(PASSWORD);
    await users.create({ organisationId: ds.organisation.id, username: 'leder', displayName: 'Leder', passwordHash: hash, roles: [{ role: 'leader', unitId: 'solsiden-2' }, { role: 'leader', unitId: other }] });
    await users.create({ organisationId: ds.organisation.id, username: 'planlegger', displayName: 'Planlegger', passwordHash: hash, roles: [{ role: 'planner', unitId: 'solsiden-2' }] });
    await users.create({ organisationId: ds.organisation.id, username: 'ansatt', displayName: 'Ansatt', passwordHash: hash, employeeId: ds.units[0].plan.employees[0].id, roles: [{ role: 'employee', unitId: 'solsiden-2' }] });
    await users.create({ organisationId: ds.organisation.id, username: 'tillitsvalgt', displayName: 'TV', passwordHash: hash, roles: [{ role: 'union_rep', unitId: 'solsiden-2' }] });
    bem = createBemanna({ db });
    leader = await login(bem.app, 'leder');
  });
  after(async () => {
    bem?.jobs.cancelAll();
    await db?.close();
  });

  test('three scenarios side by side from the latest plan; long weekend shifts give larger positions', async () => {
    const r = await leader.json<{ plan: { employees: number }; scenarios: Scenario[] }>('POST', '/api/units/solsiden-2/scenarios', {
      scenarios: [
        { weekendEvery: 3, longShifts: false },
        { weekendEvery: 3, longShifts: true, longShiftHours: 12.5 },
        { weekendEvery: 2, longShifts: false, planningForm: 'annual' },
      ],
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.scenarios.length, 3);
    const [off, on, two] = r.body.scenarios;
    assert.ok(r.body.plan.employees > 0);
    assert.match(off.name.nb, /Hver 3\. helg, uten langvakter/);
    assert.match(on.name.nb, /langvakt 12,5 t/);
    assert.match(two.name.nb, /årsturnus/);
    assert.ok(on.averagePositionPercent > off.averagePositionPercent, `${on.averagePositionPercent} > ${off.averagePositionPercent}`);
    assert.ok(on.headcount < off.headcount);
    for (const s of r.body.scenarios) {
      assert.equal(s.profile, undefined, 'the per-day profile is not sent');
      assert.equal(Object.values(s.byCompetence).reduce((a, g) => a + g.headcount, 0), s.headcount);
      assert.ok(s.fullTimeShares.atLeast80 >= s.fullTimeShares.percent100);
    }
  });

  test('an unstaffable scenario says why in numbers; a pooled scenario reports the pool', async () => {
    const r = await leader.json<{ scenarios: Scenario[] }>('POST', '/api/units/solsiden-2/scenarios', {
      scenarios: [{ weekendEvery: 4, longShifts: false, maxHeadcount: 5 }, { weekendEvery: 3, poolUnitId: other }],
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const [capped, pooled] = r.body.scenarios;
    assert.equal(capped.staffable, false);
    assert.ok(capped.reasons.length > 0);
    assert.match(capped.reasons.map((x) => x.nb).join(' '), /\d/);
    assert.ok(pooled.pool);
    assert.ok(pooled.pool.pooledHeadcount <= pooled.pool.separateHeadcount);
  });

  test('a staffing plan in the body is used instead of the plan\'s', async () => {
    const r = await leader.json<{ scenarios: Scenario[] }>('POST', '/api/units/solsiden-2/scenarios', {
      staffingPlan: {
        shiftTypes: [
          { code: 'D', start: '07:00', end: '14:30' },
          { code: 'K', start: '15:00', end: '22:00' },
        ],
        demand: [
          { shift: 'D', days: ['mon', 'tue', 'wed', 'thu', 'fri'], min: 5 },
          { shift: 'K', days: ['mon', 'tue', 'wed', 'thu', 'fri'], min: 4 },
          { shift: 'D', days: ['sat', 'sun'], min: 4 },
          { shift: 'K', days: ['sat', 'sun'], min: 4 },
        ],
        weeks: 4,
      },
      scenarios: [{ weekendEvery: 3, weeklyNorm: 35.5, planningForm: 'rolling' }],
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    // RULES § 8's worked example: H = 24 at every 3rd weekend.
    assert.equal(r.body.scenarios[0].headcount, 24);
  });

  test('bad choices are 400 with the reason; employees and representatives are 403; unknown unit 404', async () => {
    const bad = await leader.json<Errors>('POST', '/api/units/solsiden-2/scenarios', { scenarios: [{ weekendEvery: 1 }] });
    assert.equal(bad.status, 400);
    const four = await leader.json<Errors>('POST', '/api/units/solsiden-2/scenarios', { scenarios: [1, 2, 3, 4].map(() => ({ weekendEvery: 3 })) });
    assert.equal(four.status, 400);
    for (const who of ['ansatt', 'tillitsvalgt']) {
      const c = await login(bem.app, who);
      assert.equal((await c.json('POST', '/api/units/solsiden-2/scenarios', { scenarios: [{ weekendEvery: 3 }] })).status, 403, who);
      assert.equal((await c.json('POST', '/api/units/solsiden-2/scenarios/prove', { scenario: { weekendEvery: 3 } })).status, 403, who);
      assert.equal((await c.json('POST', '/api/units/solsiden-2/position-plan', { targetAveragePercent: 80 })).status, 403, who);
    }
    const planner = await login(bem.app, 'planlegger');
    assert.equal((await planner.json('POST', '/api/units/solsiden-2/scenarios', { scenarios: [{ weekendEvery: 3 }] })).status, 200);
    assert.equal((await leader.json('POST', '/api/units/no-such-unit/scenarios', { scenarios: [{ weekendEvery: 3 }] })).status, 404);
    const pool = await leader.json<Errors>('POST', '/api/units/solsiden-2/scenarios/prove', { scenario: { weekendEvery: 3, poolUnitId: other } });
    assert.equal(pool.status, 400);
  });

  test('proving a scenario runs the rota engine in a worker and reports demand met and rules kept', async () => {
    const r = await leader.json<{ demandMet: boolean; rulesKept: boolean; proven: boolean; people: number; hardCount: number; summary: { nb: string }; period: { start: string; end: string } }>(
      'POST',
      '/api/units/solsiden-2/scenarios/prove',
      { scenario: { weekendEvery: 3, longShifts: true, longShiftHours: 12.5 }, seconds: 3, weeks: 3 },
    );
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(typeof r.body.demandMet, 'boolean');
    assert.equal(r.body.rulesKept, r.body.hardCount === 0);
    assert.equal(r.body.proven, r.body.demandMet && r.body.rulesKept);
    assert.ok(r.body.people > 0);
    assert.match(r.body.summary.nb, /personer/);
    assert.ok(r.body.period.end > r.body.period.start);
  });

  test('the position plan lists concrete steps towards the target average', async () => {
    const r = await leader.json<{ steps: Array<{ kind: string; toPercent: number }>; before: { averagePositionPercent: number }; after: { averagePositionPercent: number }; target: { averagePercent: number } }>(
      'POST',
      '/api/units/solsiden-2/position-plan',
      { targetAveragePercent: 80, scenario: { weekendEvery: 3, longShifts: true } },
    );
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.target.averagePercent, 80);
    assert.ok(r.body.steps.length > 0);
    assert.ok(r.body.after.averagePositionPercent >= r.body.before.averagePositionPercent);
  });

  test('the rota that results from the position plan: a draft with the new positions, generated in the background', async () => {
    const pp = await leader.json<{ positionsAfter: Array<{ employee: string | null; percent: number }> }>('POST', '/api/units/solsiden-2/position-plan', { targetAveragePercent: 80, scenario: { weekendEvery: 3, longShifts: true } });
    assert.equal(pp.status, 200);
    type Change = { employee: string; kind: string; fromPercent: number | null; toPercent: number | null };
    const r = await leader.json<{ plan: { id: string; status: string; name: string }; job: { status: string }; changes: Change[] }>('POST', '/api/units/solsiden-2/position-plan/draft', {
      targetAveragePercent: 80,
      scenario: { weekendEvery: 3, longShifts: true },
      // Enough for the worker threads to start on a loaded 2-core machine (the suite runs two files at once).
      seconds: 8,
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.plan.status, 'draft');
    assert.match(r.body.plan.name, /Stillingsplan 80 %/);
    assert.ok(r.body.changes.some((c) => c.kind === 'increased' || c.kind === 'new'));
    const id = r.body.plan.id;
    type Job = { status: string; version: number | null; hardCount: number | null };
    let job = null as Job | null;
    for (let i = 0; i < 200; i++) {
      job = (await leader.json<{ job: Job | null }>('GET', `/api/plans/${id}/generate`)).body.job;
      if (job !== null && job.status !== 'running' && job.status !== 'saving') break;
      await new Promise((res) => setTimeout(res, 100));
    }
    assert.equal(job?.status, 'done', JSON.stringify(job));
    const plan = await leader.json<{ employees: Array<{ id: string; name: string; positionPercent: number }>; assignments: Array<{ employee: string }> }>('GET', `/api/plans/${id}`);
    assert.equal(plan.status, 200);
    // The staff of the draft are the position plan's positions, each with its new percent.
    assert.equal(plan.body.employees.length, pp.body.positionsAfter.length);
    for (const p of pp.body.positionsAfter.filter((x) => x.employee))
      assert.equal(plan.body.employees.find((e) => e.id === p.employee)?.positionPercent, Math.round(p.percent * 100) / 100);
    const vacancies = plan.body.employees.filter((e) => e.name.startsWith('Ledig stilling'));
    assert.equal(vacancies.length, pp.body.positionsAfter.filter((x) => !x.employee).length);
    // The rota is made, and the new people (vacancies included) have shifts in it.
    assert.ok(plan.body.assignments.length > 100, `${plan.body.assignments.length} shifts`);
    for (const v of vacancies) assert.ok(plan.body.assignments.some((a) => a.employee === v.id), `${v.name} has shifts`);
    // Bad input: nothing is saved.
    const before = (await leader.json<unknown[]>('GET', '/api/units/solsiden-2/plans')).body;
    const bad = await leader.json<Errors>('POST', '/api/units/solsiden-2/position-plan/draft', { targetAveragePercent: 180, seconds: 3 });
    assert.equal(bad.status, 400);
    assert.ok(bad.body.errors.some((e) => e.path.includes('targetAveragePercent')), JSON.stringify(bad.body));
    assert.equal((await leader.json<unknown[]>('GET', '/api/units/solsiden-2/plans')).body.length, before.length);
    const employee = await login(bem.app, 'ansatt');
    assert.equal((await employee.json('POST', '/api/units/solsiden-2/position-plan/draft', { targetAveragePercent: 80 })).status, 403);
  });

  test('the position plan takes the desired position from the wish form', async () => {
    const plans = (await leader.json<{ plans: Array<{ id: string; status: string; updatedAt: string }> }>('GET', '/api/units/solsiden-2/plans')).body.plans;
    const draft = plans.find((p) => p.status === 'draft')!;
    const me = (await login(bem.app, 'ansatt'));
    const who = (await me.json<{ user: { employeeId: string } }>('GET', '/api/session')).body.user.employeeId;
    const body = { targetAveragePercent: 80, scenario: { weekendEvery: 3, longShifts: true } };
    const before = await leader.json<{ desiredFromWishForm: number; desired: Record<string, { percent: number; source: string }> }>('POST', '/api/units/solsiden-2/position-plan', body);
    assert.equal(before.body.desiredFromWishForm, 0);
    assert.equal((await leader.json('POST', `/api/plans/${draft.id}/wish-round`, { open: true })).status, 200);
    const sent = await me.json('PUT', `/api/plans/${draft.id}/wishes/me`, { wishes: [], desiredPositionPercent: 55 });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    const after = await leader.json<typeof before.body>('POST', '/api/units/solsiden-2/position-plan', body);
    assert.equal(after.body.desiredFromWishForm, 1);
    assert.deepEqual(after.body.desired[who], { percent: 55, source: 'wishForm' });
    assert.notDeepEqual(before.body.desired[who], { percent: 55, source: 'wishForm' });
  });
});
