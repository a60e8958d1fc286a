import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openDatabase, type Db } from '../db/db.js';
import { migrate } from '../db/migrate.js';
import { seedDemo } from '../db/seed.js';
import { UserRepository } from '../db/userRepository.js';
import { generateDemo } from '../demo/index.js';
import { createRepositories } from '../db/sqlRepositories.js';
import { createBemanna, type Bemanna } from './app.js';
import { hashPassword } from './auth/password.js';
import { login, PASSWORD, type TestClient } from './testing.js';

type Advice = {
  ratio: number;
  shifts: number;
  hours: number;
  days: Array<{ date: string; count: number }>;
  slots: Array<{ date: string; shift: string; count: number; probUsed: number[] }>;
  positionChanges: Array<{ employee: string; from: number; to: number }>;
  applied: boolean;
  planVersion: number;
  warnings: string[];
};

describe('prediction shifts for a demo plan: newsvendor on the forecast, put into the draft', () => {
  let db: Db;
  let bem: Bemanna;
  let leader: TestClient;
  let planId: string;
  let version: number;

  before(async () => {
    db = await openDatabase({ memory: true });
    await migrate(db);
    const ds = generateDemo();
    await seedDemo(db, ds);
    const users = new UserRepository(db);
    const hash = await hashPassword(PASSWORD);
    await users.create({ organisationId: ds.organisation.id, username: 'leder', displayName: 'Leder', passwordHash: hash, roles: [{ role: 'leader', unitId: 'solsiden-2' }] });
    await users.create({ organisationId: ds.organisation.id, username: 'ansatt', displayName: 'Ansatt', passwordHash: hash, employeeId: ds.units[0].plan.employees[0].id, roles: [{ role: 'employee', unitId: 'solsiden-2' }] });
    bem = createBemanna({ db });
    leader = await login(bem.app, 'leder');
    const plans = await leader.json<{ plans: Array<{ id: string; status: string; version: number }> }>('GET', '/api/units/solsiden-2/plans');
    const draft = plans.body.plans.find((p) => p.status === 'draft')!;
    planId = draft.id;
    version = draft.version;
  });
  after(async () => {
    bem?.jobs.cancelAll();
    await db?.close();
  });

  test('advice: counts per day from the critical ratio, nothing saved', { timeout: 120_000 }, async () => {
    const r = await leader.json<Advice>('POST', `/api/plans/${planId}/prediction-shifts`, {});
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.ratio, 0.6);
    assert.equal(r.body.applied, false);
    assert.equal(r.body.planVersion, version);
    assert.equal(r.body.days.length, 42);
    assert.ok(r.body.shifts > 0, 'a 26-person ward with ~1 absent shift a day gets prediction shifts');
    assert.equal(r.body.shifts, r.body.slots.reduce((a, s) => a + s.count, 0));
    assert.ok(r.body.slots.every((s) => s.probUsed.every((p) => p > 0 && p <= 1)));
    // A cheap short-notice cover and a dear unused shift: none pays.
    const none = await leader.json<Advice>('POST', `/api/plans/${planId}/prediction-shifts`, { unusedCost: 5, shortNoticeCost: 0.05 });
    assert.equal(none.status, 200);
    assert.equal(none.body.shifts, 0);
    assert.ok(none.body.warnings.some((w) => w.includes('no prediction shift pays off')));
  });

  test('apply puts prediction shift types, dated target lines and raised positions into the next version; stale is 409', { timeout: 120_000 }, async () => {
    const r = await leader.json<Advice>('POST', `/api/plans/${planId}/prediction-shifts`, { apply: true, baseVersion: version });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.applied, true);
    assert.equal(r.body.planVersion, version + 1);
    const plan = await leader.json<{ shiftTypes: Array<{ code: string; predictionFor?: string }>; demand: Array<{ shift: string; dates?: string[]; min: number; target?: number }>; employees: Array<{ id: string; positionPercent: number }> }>('GET', `/api/plans/${planId}`);
    const pred = plan.body.shiftTypes.filter((s) => s.predictionFor);
    assert.ok(pred.length >= 1);
    const lines = plan.body.demand.filter((d) => pred.some((p) => p.code === d.shift));
    assert.equal(lines.reduce((a, d) => a + (d.target ?? 0) * (d.dates?.length ?? 0), 0), r.body.shifts);
    assert.ok(lines.every((d) => d.min === 0));
    for (const c of r.body.positionChanges) assert.equal(plan.body.employees.find((e) => e.id === c.employee)!.positionPercent, c.to);
    const stale = await leader.send('POST', `/api/plans/${planId}/prediction-shifts`, { apply: true, baseVersion: version });
    assert.equal(stale.status, 409);
    const audit = await db.query<{ action: string }>(`select action from audit_log where action = 'plan.predictionShifts'`);
    assert.equal(audit.rows.length, 1);
  });

  test('a new unit with only weeks of history is forecast from the pooled model, with a warning', { timeout: 120_000 }, async () => {
    const repos = createRepositories(db);
    await repos.organisations.createUnit({ id: 'ny-enhet', organisationId: 'fjordvik', name: 'Ny enhet', kind: 'bofellesskap' });
    const base = generateDemo().units[0].plan;
    const plan = { ...base, unit: 'Ny enhet', employees: [0, 1, 2].map((i) => ({ id: `ny-${i}`, name: `Ny ${i}`, competence: 'helsefagarbeider', positionPercent: 80 })), demand: [], absences: [], wishes: [], assignments: [] };
    await repos.plans.savePlan('ny-enhet', plan, { name: 'Ny plan' });
    await repos.absences.addHistory([{ employee: 'ny-0', unit: 'ny-enhet', from: '2026-10-12', to: '2026-10-13', kind: 'self_certified' }], { source: 'registered' });
    await new UserRepository(db).create({ organisationId: 'fjordvik', username: 'leder-ny', displayName: 'Leder ny', passwordHash: await hashPassword(PASSWORD), roles: [{ role: 'leader', unitId: 'ny-enhet' }] });
    const ny = await login(bem.app, 'leder-ny');
    const r = await ny.json<{ rows: Array<{ mean: number }>; warnings: string[] }>('GET', '/api/units/ny-enhet/forecast?from=2026-11-02&days=14');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.rows.length, 14);
    assert.ok(r.body.rows.every((x) => x.mean > 0 && x.mean < 3), 'three people: a small, non-zero expectation');
    assert.ok(r.body.warnings.some((w) => w.includes('pooled model')), JSON.stringify(r.body.warnings));
  });

  test('employees may not size prediction shifts', async () => {
    const emp = await login(bem.app, 'ansatt');
    assert.equal((await emp.send('POST', `/api/plans/${planId}/prediction-shifts`, {})).status, 403);
  });
});
