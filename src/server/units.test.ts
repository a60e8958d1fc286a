import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createRepositories } from '../db/sqlRepositories.js';
import { UserRepository } from '../db/userRepository.js';
import { hashPassword } from './auth/password.js';
import { login, PASSWORD, testWorld, UNIT_A, UNIT_B, type TestClient, type TestWorld } from './testing.js';
import { unitSlug } from './routes/units.js';

type Errors = { errors: Array<{ path: string; message: string }> };
type UnitBody = { unit: { id: string; organisationId: string; name: string; kind: string; serviceArea: string | null; beds: number | null } };

describe('units: create (admins) and edit (admins, the unit’s leaders)', () => {
  let w: TestWorld;
  let admin: TestClient;
  let leader: TestClient;
  let leaderB: TestClient;
  let planner: TestClient;
  let employee: TestClient;
  let otherAdmin: TestClient;

  const count = async () => (await w.db.query<{ n: number }>('select count(*)::integer as n from units')).rows[0].n;
  const audits = async (action: string) =>
    (await w.db.query<{ actor: string; entity_id: string; details: Record<string, unknown> }>('select actor, entity_id, details from audit_log where action = $1 order by id', [action])).rows;
  const unitRow = async (id: string) => (await w.db.query('select name, kind, service_area, beds from units where id = $1', [id])).rows[0];

  before(async () => {
    w = await testWorld();
    await createRepositories(w.db).organisations.createOrganisation({ id: 'nabokommune', name: 'Nabokommune' });
    await new UserRepository(w.db).create({
      organisationId: 'nabokommune',
      username: 'admin-nabo',
      displayName: 'Admin Nabo',
      passwordHash: await hashPassword(PASSWORD),
      employeeId: null,
      roles: [{ role: 'admin', unitId: null }],
    });
    [admin, leader, leaderB, planner, employee, otherAdmin] = await Promise.all(['admin', 'leder-a', 'leder-b', 'planlegger-a', 'ansatt-a', 'admin-nabo'].map((u) => login(w.app, u)));
  });
  after(async () => w.close());

  test('unitSlug: lower case, Norwegian letters spelled out, other characters as hyphens', () => {
    assert.equal(unitSlug('Solsiden bofellesskap'), 'solsiden-bofellesskap');
    assert.equal(unitSlug('Åsheim – Ærlig Øst 2. etg'), 'asheim-aerlig-ost-2-etg');
    assert.equal(unitSlug('!!!'), 'enhet');
  });

  test('an admin creates a unit: 201, id from the name, audit-logged, in the admin’s session and unit list', async () => {
    const r = await admin.json<UnitBody>('POST', '/api/units', { name: '  Solsiden bofellesskap ', kind: 'bofellesskap', serviceArea: 'Nord', beds: 8 });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.deepEqual(r.body.unit, { id: 'solsiden-bofellesskap', organisationId: 'testkommune', name: 'Solsiden bofellesskap', kind: 'bofellesskap', serviceArea: 'Nord', beds: 8 });
    const session = await admin.json<{ units: Array<{ id: string; permissions: string[] }> }>('GET', '/api/session');
    const mine = session.body.units.find((u) => u.id === 'solsiden-bofellesskap');
    assert.ok(mine, 'the new unit is in the admin’s session');
    assert.ok(mine.permissions.includes('unit.edit') && mine.permissions.includes('plan.edit'));
    const list = await admin.json<{ units: Array<{ id: string; employeeCount: number; planCount: number }> }>('GET', '/api/units');
    assert.deepEqual(
      list.body.units.filter((u) => u.id === 'solsiden-bofellesskap').map((u) => [u.employeeCount, u.planCount]),
      [[0, 0]],
    );
    const logged = await audits('unit.create');
    assert.deepEqual(
      logged.map((a) => [a.actor, a.entity_id, a.details.name, a.details.kind, a.details.beds]),
      [['admin', 'solsiden-bofellesskap', 'Solsiden bofellesskap', 'bofellesskap', 8]],
    );
    // Optional fields left out; a name whose slug is taken gets a free id.
    const second = await admin.json<UnitBody>('POST', '/api/units', { name: 'Solsiden  Bofellesskap!', kind: 'sykehjem' });
    assert.equal(second.status, 201, JSON.stringify(second.body));
    assert.deepEqual([second.body.unit.id, second.body.unit.serviceArea, second.body.unit.beds], ['solsiden-bofellesskap-2', null, null]);
    // The same name (any case) in the organisation is a conflict at the name field.
    const dup = await admin.json<Errors>('POST', '/api/units', { name: 'solsiden bofellesskap', kind: 'sykehjem' });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.errors[0].path, 'body.name');
    // The other organisation does not see it.
    const other = await otherAdmin.json<{ units: Array<{ id: string }> }>('GET', '/api/units');
    assert.ok(!other.body.units.some((u) => u.id.startsWith('solsiden')));
  });

  test('bad requests name the field in bokmål and English and write nothing', async () => {
    const before = await count();
    const auditsBefore = (await audits('unit.create')).length;
    const bad = await admin.json<Errors>('POST', '/api/units', { name: '', kind: 'sykehus', beds: 0 });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.errors.map((e) => e.path).sort(), ['body.beds', 'body.kind', 'body.name']);
    assert.match(bad.body.errors.find((e) => e.path === 'body.name')!.message, /^navn mangler \/ name is missing$/);
    assert.match(bad.body.errors.find((e) => e.path === 'body.kind')!.message, /ukjent type; gyldige er sykehjem, hjemmetjeneste.* \/ unknown kind/);
    assert.match(bad.body.errors.find((e) => e.path === 'body.beds')!.message, /antall senger må være minst 1/);
    const long = await admin.json<Errors>('POST', '/api/units', { name: 'x'.repeat(121), kind: 'sykehjem', beds: 2.5 });
    assert.equal(long.status, 400);
    assert.deepEqual(long.body.errors.map((e) => e.path).sort(), ['body.beds', 'body.name']);
    assert.match(long.body.errors.find((e) => e.path === 'body.name')!.message, /lengre enn 120 tegn/);
    const missing = await admin.json<Errors>('POST', '/api/units', { name: 'Uten type' });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.errors[0].path, 'body.kind');
    const extra = await admin.json<Errors>('POST', '/api/units', { name: 'Med id', kind: 'sykehjem', id: 'egen' });
    assert.equal(extra.status, 400);
    const badEdit = await admin.json<Errors>('PUT', `/api/units/${UNIT_A}`, { beds: 1001, name: ' ' });
    assert.equal(badEdit.status, 400);
    assert.deepEqual(badEdit.body.errors.map((e) => e.path).sort(), ['body.beds', 'body.name']);
    assert.equal(await count(), before);
    assert.equal((await audits('unit.create')).length, auditsBefore);
    assert.deepEqual(await unitRow(UNIT_A), { name: 'Testheimen 1. etg', kind: 'sykehjem', service_area: 'Helse Vest', beds: 12 });
  });

  test('only admins create units: leader, planner, employee 403; no session 401; nothing written', async () => {
    const before = await count();
    const body = { name: 'Ulovlig enhet', kind: 'sykehjem' };
    for (const c of [leader, planner, employee]) {
      const r = await c.json<Errors>('POST', '/api/units', body);
      assert.equal(r.status, 403);
    }
    const anon = await w.app.request('/api/units', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal(anon.status, 401);
    // Another organisation's admin creates in their own organisation, never in ours.
    const theirs = await otherAdmin.json<UnitBody>('POST', '/api/units', { name: 'Nabotunet', kind: 'hjemmetjeneste' });
    assert.equal(theirs.status, 201);
    assert.equal(theirs.body.unit.organisationId, 'nabokommune');
    assert.equal(await count(), before + 1);
    assert.ok(!(await admin.json<{ units: Array<{ id: string }> }>('GET', '/api/units')).body.units.some((u) => u.id === theirs.body.unit.id));
  });

  test('the OpenAPI document describes both routes from the same zod bodies', async () => {
    const doc = (await (await w.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[]; properties?: Record<string, unknown> } }> }; responses: Record<string, unknown> }>>;
    };
    const create = doc.paths['/api/units'].post;
    assert.deepEqual(create.requestBody!.content['application/json'].schema.required?.sort(), ['kind', 'name']);
    assert.ok(create.responses['201'] && create.responses['403'] && create.responses['409']);
    const edit = doc.paths['/api/units/{id}'].put;
    assert.deepEqual(Object.keys(edit.requestBody!.content['application/json'].schema.properties ?? {}).sort(), ['beds', 'kind', 'name', 'serviceArea']);
    assert.ok(edit.responses['404']);
  });

  test('editing: the admin any unit, a leader their own; changed fields audit-logged; planner, employee, another unit’s leader and another organisation’s admin 403; unknown 404', async () => {
    const byLeader = await leader.json<UnitBody>('PUT', `/api/units/${UNIT_A}`, { beds: 14, serviceArea: 'Helse Vest' });
    assert.equal(byLeader.status, 200, JSON.stringify(byLeader.body));
    assert.deepEqual([byLeader.body.unit.name, byLeader.body.unit.beds, byLeader.body.unit.serviceArea], ['Testheimen 1. etg', 14, 'Helse Vest']);
    let logged = await audits('unit.update');
    assert.deepEqual(logged.map((a) => [a.actor, a.entity_id, a.details]), [['leder-a', UNIT_A, { changes: { beds: { from: 12, to: 14 } } }]]);

    const byAdmin = await admin.json<UnitBody>('PUT', `/api/units/${UNIT_B}`, { name: 'Annen enhet (ny)', kind: 'psykisk-helse', serviceArea: '', beds: null });
    assert.equal(byAdmin.status, 200);
    assert.deepEqual(byAdmin.body.unit, { id: UNIT_B, organisationId: 'testkommune', name: 'Annen enhet (ny)', kind: 'psykisk-helse', serviceArea: null, beds: null });
    logged = await audits('unit.update');
    assert.deepEqual(logged.at(-1)!.details, { changes: { name: { from: 'Annen enhet', to: 'Annen enhet (ny)' }, kind: { from: 'bofellesskap', to: 'psykisk-helse' } } });
    // Another unit's name is a conflict.
    const dup = await admin.json<Errors>('PUT', `/api/units/${UNIT_B}`, { name: 'testheimen 1. ETG' });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.errors[0].path, 'body.name');

    const n = (await audits('unit.update')).length;
    for (const [c, unit] of [
      [planner, UNIT_A],
      [employee, UNIT_A],
      [leaderB, UNIT_A],
      [leader, UNIT_B],
      [otherAdmin, UNIT_A],
    ] as const) {
      const r = await c.json<Errors>('PUT', `/api/units/${unit}`, { name: 'Kapret' });
      assert.equal(r.status, 403, `${unit}: ${JSON.stringify(r.body)}`);
    }
    assert.equal((await admin.json<Errors>('PUT', '/api/units/ingen-slik', { beds: 3 })).status, 404);
    assert.equal((await audits('unit.update')).length, n);
    assert.equal((await unitRow(UNIT_A)).name, 'Testheimen 1. etg');
  });

  test('a new unit gets its first plan blank: D/K/N, the KS default rules, no staffing plan, its employees from the register', async () => {
    const u = await admin.json<UnitBody>('POST', '/api/units', { name: 'Nyheim omsorgsbolig', kind: 'bofellesskap' });
    assert.equal(u.status, 201);
    const id = u.body.unit.id;
    const e = await admin.json('POST', `/api/units/${id}/employees`, { name: 'Nina Ny', competence: 'helsefagarbeider', positionPercent: 80 });
    assert.equal(e.status, 201, JSON.stringify(e.body));
    const r = await admin.json<{ plan: { id: string; status: string } }>('POST', `/api/units/${id}/plans/new`, { start: '2027-03-01', end: '2027-04-11', name: 'Første plan' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.plan.status, 'draft');
    const plan = await admin.json<{ shiftTypes: Array<{ code: string }>; employees: Array<{ name: string; positionPercent: number }>; demand: unknown[]; rules: Record<string, unknown> }>('GET', `/api/plans/${r.body.plan.id}`);
    assert.equal(plan.status, 200);
    assert.deepEqual(plan.body.shiftTypes.map((s) => s.code), ['D', 'K', 'N']);
    assert.deepEqual(plan.body.employees.map((x) => [x.name, x.positionPercent]), [['Nina Ny', 80]]);
    assert.deepEqual(plan.body.demand, []);
    // The settings page can take it from here: the staffing plan and the rules with their legal bounds.
    const settings = await admin.json<{ editable: boolean; bounds: unknown[] }>('GET', `/api/plans/${r.body.plan.id}/settings`);
    assert.equal(settings.status, 200);
    assert.equal(settings.body.editable, true);
    assert.ok(settings.body.bounds.length > 5);
  });
});
