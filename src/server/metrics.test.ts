import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { openDatabase, type Db } from '../db/db.js';
import { migrate } from '../db/migrate.js';
import { seedDemo } from '../db/seed.js';
import { createRepositories } from '../db/sqlRepositories.js';
import { UserRepository } from '../db/userRepository.js';
import { generateDemo } from '../demo/index.js';
import { createBemanna, type Bemanna } from './app.js';
import { hashPassword } from './auth/password.js';
import { login, PASSWORD, type TestClient } from './testing.js';

type Fig = { key: string; value: number | null; unit: string; definition: { nb: string; en: string }; reason?: { code: string; nb: string; en: string } };
type Snapshot = {
  snapshot: { date: string; scope: { kind: string; id: string | null; units: string[] }; positions: { headcount: Fig; averagePosition: Fig; fullTimeShare: Record<string, Fig> }; sickLeave: Record<string, Fig>; warnings: unknown[] };
  figures: Fig[];
  units: Array<{ id: string; averagePosition: Fig }>;
  available: { units: Array<{ id: string }>; serviceAreas: string[] };
  notes: Array<{ code: string }>;
};

describe('metrics routes (heltidskultur) on the demo database', () => {
  let db: Db;
  let bem: Bemanna;
  let leader: TestClient;
  let rep: TestClient;
  let employee: TestClient;
  let admin: TestClient;
  let emptyLeader: TestClient;
  let otherOrg: TestClient;

  before(async () => {
    db = await openDatabase({ memory: true });
    await migrate(db);
    const ds = generateDemo();
    await seedDemo(db, ds);
    const repos = createRepositories(db);
    await repos.organisations.createUnit({ id: 'tom-enhet', organisationId: ds.organisation.id, name: 'Tom enhet', kind: 'bofellesskap', serviceArea: 'Helse og omsorg Sør' });
    await repos.organisations.createOrganisation({ id: 'annen-kommune', name: 'Annen kommune' });
    await repos.organisations.createUnit({ id: 'fremmed', organisationId: 'annen-kommune', name: 'Fremmed enhet', kind: 'sykehjem' });
    const users = new UserRepository(db);
    const hash = await hashPassword(PASSWORD);
    const org = ds.organisation.id;
    await users.create({ organisationId: org, username: 'leder', displayName: 'Leder', passwordHash: hash, roles: [{ role: 'leader', unitId: 'solsiden-2' }] });
    await users.create({ organisationId: org, username: 'tillitsvalgt', displayName: 'TV', passwordHash: hash, roles: [{ role: 'union_rep', unitId: 'solsiden-2' }] });
    await users.create({ organisationId: org, username: 'ansatt', displayName: 'Ansatt', passwordHash: hash, employeeId: ds.units[0].plan.employees[0].id, roles: [{ role: 'employee', unitId: 'solsiden-2' }] });
    await users.create({ organisationId: org, username: 'admin', displayName: 'Admin', passwordHash: hash, roles: [{ role: 'admin', unitId: null }] });
    await users.create({ organisationId: org, username: 'leder-tom', displayName: 'Leder tom', passwordHash: hash, roles: [{ role: 'leader', unitId: 'tom-enhet' }] });
    await users.create({ organisationId: 'annen-kommune', username: 'fremmed', displayName: 'Fremmed', passwordHash: hash, roles: [{ role: 'admin', unitId: null }] });
    bem = createBemanna({ db });
    [leader, rep, employee, admin, emptyLeader, otherOrg] = await Promise.all(['leder', 'tillitsvalgt', 'ansatt', 'admin', 'leder-tom', 'fremmed'].map((u) => login(bem.app, u)));
  });
  after(async () => {
    bem?.jobs.cancelAll();
    await db?.close();
  });

  test('a unit snapshot: every figure with value, unit and definition, or null with a reason', async () => {
    const r = await leader.json<Snapshot>('GET', '/api/metrics?scope=unit&id=solsiden-2&date=2027-01-31');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const s = r.body.snapshot;
    assert.equal(s.date, '2027-01-31');
    assert.deepEqual(s.scope.units, ['solsiden-2']);
    assert.ok(s.positions.headcount.value! > 10);
    const avg = s.positions.averagePosition;
    assert.equal(avg.unit, 'percent');
    assert.ok(avg.value! > 20 && avg.value! <= 100);
    assert.match(avg.definition.nb, /Stillingssnitt/);
    assert.match(avg.definition.en, /Average position/);
    for (const k of ['percent100', 'atLeast80', 'above90']) assert.equal(typeof s.positions.fullTimeShare[k].value, 'number');
    assert.equal(typeof s.sickLeave.rate.value, 'number', 'the demo has three years of absence history');
    for (const f of r.body.figures) {
      assert.ok(f.definition.nb && f.definition.en, f.key);
      if (f.value === null) assert.ok(f.reason?.nb && f.reason.en, `${f.key} is null without a reason`);
    }
    // Hired hours are not registered in Bemanna: null with a reason, never 0.
    const agency = r.body.figures.find((f) => f.key === 'hired.agencyHours')!;
    assert.equal(agency.value, null);
    assert.ok(r.body.notes.some((n) => n.code === 'hiredNotRegistered'));
    assert.deepEqual(r.body.available.units.map((u) => u.id), ['solsiden-2']);
    assert.deepEqual(r.body.units.map((u) => u.id), ['solsiden-2']);
    assert.equal(r.body.units[0].averagePosition.value, avg.value);
    // Weekend-only positions are read from the rota; the demo plans have no rota yet, so: unknown, with the reason.
    const weekendOnly = r.body.figures.find((f) => f.key === 'weekendOnly')!;
    assert.equal(weekendOnly.value, null);
    assert.ok(weekendOnly.reason?.nb);
  });

  test('a unit with no data gives null figures with a reason, not 0 and not a crash', async () => {
    const r = await emptyLeader.json<Snapshot>('GET', '/api/metrics?scope=unit&id=tom-enhet&date=2027-01-31');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const p = r.body.snapshot.positions;
    assert.equal(p.averagePosition.value, null);
    assert.ok(p.averagePosition.reason?.nb);
    assert.equal(p.fullTimeShare.atLeast80.value, null);
    assert.equal(r.body.snapshot.sickLeave.rate.value, null);
    assert.ok(r.body.snapshot.sickLeave.rate.reason?.en);
    assert.ok(r.body.notes.some((n) => n.code === 'noAbsenceHistory'));
    const trend = await emptyLeader.json<{ series: Array<{ key: string; values: Array<number | null> }> }>('GET', '/api/metrics/trend?scope=unit&id=tom-enhet&from=2026-01-01&to=2026-06-30');
    assert.equal(trend.status, 200);
    assert.ok(trend.body.series.find((s) => s.key === 'averagePosition')!.values.every((v) => v === null));
    const cmp = await emptyLeader.json<{ changes: Array<{ key: string; change: number | null; reason?: unknown }> }>('GET', '/api/metrics/compare?scope=unit&id=tom-enhet&baseline=2026-01-31&date=2027-01-31');
    assert.equal(cmp.status, 200);
    const c = cmp.body.changes.find((x) => x.key === 'averagePosition')!;
    assert.equal(c.change, null);
    assert.ok(c.reason);
    const x = await emptyLeader.get('/api/metrics/export.xlsx?scope=unit&id=tom-enhet&date=2027-01-31');
    assert.equal(x.status, 200);
  });

  test('permissions: employees 403, another unit 403, unknown 404, another organisation 403; representatives may see', async () => {
    assert.equal((await employee.get('/api/metrics?scope=unit&id=solsiden-2')).status, 403);
    assert.equal((await employee.get('/api/metrics?scope=organisation')).status, 403);
    assert.equal((await employee.get('/api/metrics/export.xlsx?scope=unit&id=solsiden-2')).status, 403);
    assert.equal((await leader.get('/api/metrics?scope=unit&id=liaveien')).status, 403);
    assert.equal((await leader.get('/api/metrics/trend?scope=unit&id=liaveien')).status, 403);
    assert.equal((await leader.get('/api/metrics/compare?scope=unit&id=liaveien&baseline=2026-01-31')).status, 403);
    assert.equal((await leader.get('/api/metrics?scope=unit&id=finnes-ikke')).status, 404);
    assert.equal((await leader.get('/api/metrics?scope=unit&id=fremmed')).status, 403);
    assert.equal((await otherOrg.get('/api/metrics?scope=unit&id=solsiden-2')).status, 403);
    assert.equal((await leader.get('/api/metrics?scope=serviceArea&id=Finnes ikke')).status, 404);
    assert.equal((await leader.get('/api/metrics?scope=serviceArea&id=Helse og omsorg Sør')).status, 403);
    assert.equal((await leader.get('/api/metrics?scope=unit')).status, 400);
    assert.equal((await leader.get('/api/metrics?scope=unit&id=solsiden-2&date=2027-02-30')).status, 400);
    assert.equal((await leader.get('/api/metrics/compare?scope=unit&id=solsiden-2&baseline=2027-02-01&date=2027-01-01')).status, 400);
    const anon = await bem.app.request('/api/metrics?scope=organisation');
    assert.equal(anon.status, 401);
    const r = await rep.json<Snapshot>('GET', '/api/metrics?scope=unit&id=solsiden-2&date=2027-01-31');
    assert.equal(r.status, 200);
    // The organisation for a unit leader is the units the leader may see, and says so.
    const o = await leader.json<Snapshot>('GET', '/api/metrics?scope=organisation&date=2027-01-31');
    assert.equal(o.status, 200);
    assert.deepEqual(o.body.snapshot.scope.units, ['solsiden-2']);
    assert.ok(o.body.notes.some((n) => n.code === 'unitsLeftOut'));
  });

  test('organisation and service area for an admin: every unit, comparison per unit', async () => {
    const o = await admin.json<Snapshot>('GET', '/api/metrics?scope=organisation&date=2027-01-31');
    assert.equal(o.status, 200);
    assert.equal(o.body.snapshot.scope.units.length, 5);
    assert.equal(o.body.units.length, 5);
    assert.ok(!o.body.notes.some((n) => n.code === 'unitsLeftOut'));
    assert.deepEqual(o.body.available.serviceAreas, ['Helse og omsorg Nord', 'Helse og omsorg Sør']);
    const a = await admin.json<Snapshot>('GET', `/api/metrics?scope=serviceArea&id=${encodeURIComponent('Helse og omsorg Nord')}&date=2027-01-31`);
    assert.equal(a.status, 200);
    assert.deepEqual([...a.body.snapshot.scope.units].sort(), ['hjemme-nord', 'solsiden-2']);
  });

  test('trend: one point per month end; compare: change since the baseline', async () => {
    const t = await leader.json<{ dates: string[]; series: Array<{ key: string; unit: string; values: Array<number | null> }> }>(
      'GET',
      '/api/metrics/trend?scope=unit&id=solsiden-2&from=2026-01-01&to=2027-01-31',
    );
    assert.equal(t.status, 200, JSON.stringify(t.body));
    assert.equal(t.body.dates.length, 13);
    assert.equal(t.body.dates[0], '2026-01-31');
    const avg = t.body.series.find((s) => s.key === 'averagePosition')!;
    assert.equal(avg.values.length, 13);
    assert.ok(avg.values.every((v) => typeof v === 'number'));
    assert.ok(t.body.series.some((s) => s.key === 'fullTimeShare.atLeast80'));
    const sick = t.body.series.find((s) => s.key === 'sickLeave.rate')!;
    assert.ok(sick.values.some((v) => v !== null && v > 0));
    assert.equal((await leader.get('/api/metrics/trend?scope=unit&id=solsiden-2&from=2010-01-01&to=2027-01-31')).status, 400);

    const c = await leader.json<{ baselineDate: string; changes: Array<{ key: string; baseline: number | null; current: number | null; change: number | null; changeUnit: string }> }>(
      'GET',
      '/api/metrics/compare?scope=unit&id=solsiden-2&baseline=2026-01-31&date=2027-01-31',
    );
    assert.equal(c.status, 200, JSON.stringify(c.body));
    assert.equal(c.body.baselineDate, '2026-01-31');
    const ft = c.body.changes.find((x) => x.key === 'fullTimeShare.atLeast80')!;
    assert.equal(ft.changeUnit, 'percentagePoints');
    assert.equal(ft.change, Math.round((ft.current! - ft.baseline!) * 1e4) / 1e4);
    const sl = c.body.changes.find((x) => x.key === 'sickLeave.rate')!;
    assert.equal(typeof sl.change, 'number');
  });

  test('export.xlsx: key figures, trend and benefits sheets with the definitions', async () => {
    const res = await leader.get('/api/metrics/export.xlsx?scope=unit&id=solsiden-2&date=2027-01-31&baseline=2026-01-31');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /spreadsheetml/);
    assert.match(res.headers.get('content-disposition') ?? '', /heltid-unit-solsiden-2-2027-01-31\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['Nøkkeltall', 'Trend', 'Gevinst']);
    const ws = wb.getWorksheet('Nøkkeltall')!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push(r.values as unknown[]));
    const avg = rows.find((r) => r[1] === 'averagePosition')!;
    assert.equal(typeof avg[2], 'number');
    assert.match(String(avg[7]), /Stillingssnitt/);
    assert.match(String(avg[8]), /Average position/);
    const agency = rows.find((r) => r[1] === 'hired.agencyHours')!;
    assert.equal(agency[2], undefined, 'a missing figure is an empty cell, not 0');
    assert.ok(String(agency[6]).length > 0, 'with the reason');
    const trend = wb.getWorksheet('Trend')!;
    assert.equal(trend.getRow(3).getCell(3).value, '2026-01-31');
  });

  test('the routes are in the OpenAPI document', async () => {
    const doc = (await (await bem.app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    for (const p of ['/api/metrics', '/api/metrics/trend', '/api/metrics/compare', '/api/metrics/export.xlsx']) assert.ok(doc.paths[p], p);
  });
});
