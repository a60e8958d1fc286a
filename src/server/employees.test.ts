import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { XLSX_MIME } from './absenceFile.js';
import { login, testWorld, UNIT_A, UNIT_B, type TestClient, type TestWorld } from './testing.js';

type LineError = { line: number; field: string; reason: string; reasonNb: string; reasonEn: string; path: string; message: string };
type Member = { id: string; name: string; unitId: string; competence?: string; positionPercent: number; employedFrom: string | null; employedTo: string | null; canWorkLongShifts?: boolean; weekendFrequency?: number };

describe('employees of a unit: form, edit, end, import (in-memory PGlite)', () => {
  let w: TestWorld;
  let leader: TestClient;
  let planner: TestClient;
  let employee: TestClient;
  let union: TestClient;
  let leaderB: TestClient;
  let admin: TestClient;

  const importCsv = async (client: TestClient, unit: string, file: string | Uint8Array, query = '', type = 'text/csv') =>
    w.app.request(`/api/units/${unit}/employees/import${query}`, { method: 'POST', headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': type }, body: file as string });
  const count = async (unit: string) => (await w.db.query<{ n: number }>('select count(*)::integer as n from employees where unit_id = $1', [unit])).rows[0].n;
  const audits = async (action: string) => (await w.db.query<{ actor: string; entity_id: string; details: Record<string, unknown> }>('select actor, entity_id, details from audit_log where action = $1 order by id', [action])).rows;

  before(async () => {
    w = await testWorld();
    [leader, planner, employee, union, leaderB, admin] = await Promise.all(['leder-a', 'planlegger-a', 'ansatt-a', 'tillitsvalgt-a', 'leder-b', 'admin'].map((u) => login(w.app, u)));
  });
  after(async () => w.close());

  test('authorization: employees and representatives are refused (403), another unit 403, an unknown unit 404, no session 401', async () => {
    const body = { name: 'Ny', competence: 'assistent', positionPercent: 50 };
    assert.equal((await employee.json('POST', `/api/units/${UNIT_A}/employees`, body)).status, 403);
    assert.equal((await union.json('POST', `/api/units/${UNIT_A}/employees`, body)).status, 403);
    assert.equal((await employee.json('GET', `/api/units/${UNIT_A}/employees`)).status, 403);
    assert.equal((await leaderB.json('POST', `/api/units/${UNIT_A}/employees`, body)).status, 403);
    assert.equal((await leader.json('POST', `/api/units/${UNIT_B}/employees`, body)).status, 403);
    assert.equal((await leaderB.json('PUT', `/api/units/${UNIT_A}/employees/a-e1`, { positionPercent: 10 })).status, 403);
    assert.equal((await importCsv(employee, UNIT_A, 'name,competence,position_percent,start_date\nX,assistent,50,2027-01-01\n')).status, 403);
    assert.equal((await importCsv(leaderB, UNIT_A, 'name,competence,position_percent,start_date\nX,assistent,50,2027-01-01\n')).status, 403);
    assert.equal((await leader.json('POST', '/api/units/ingen-slik/employees', body)).status, 404);
    // An employee of another unit is not found through this unit.
    assert.equal((await leader.json('PUT', `/api/units/${UNIT_A}/employees/b-e1`, { positionPercent: 10 })).status, 404);
    const anon = await w.app.request(`/api/units/${UNIT_A}/employees`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal(anon.status, 401);
    assert.equal((await w.db.query('select 1 from employees where name = $1', ['Ny'])).rows.length, 0);
  });

  test('the form: field errors in bokmål, then created, edited (position history kept) and audit-logged', async () => {
    const bad = await leader.json<{ errors: Array<{ path: string; message: string }> }>('POST', `/api/units/${UNIT_A}/employees`, { name: '', competence: 'assistent', positionPercent: 120 });
    assert.equal(bad.status, 400);
    const paths = bad.body.errors.map((e) => e.path).sort();
    assert.deepEqual(paths, ['body.name', 'body.positionPercent']);
    assert.match(bad.body.errors.find((e) => e.path === 'body.positionPercent')!.message, /stillingsprosent kan ikke være over 100/);
    const comp = await leader.json<{ errors: Array<{ path: string; message: string }> }>('POST', `/api/units/${UNIT_A}/employees`, { name: 'Kari', competence: 'kokk', positionPercent: 50 });
    assert.equal(comp.status, 400);
    assert.equal(comp.body.errors[0].path, 'body.competence');
    assert.match(comp.body.errors[0].message, /ukjent kompetanse «kokk»/);
    const dates = await leader.json<{ errors: Array<{ path: string }> }>('POST', `/api/units/${UNIT_A}/employees`, { name: 'Kari', competence: 'assistent', positionPercent: 50, employedFrom: '2027-02-01', employedTo: '2027-01-01' });
    assert.equal(dates.status, 400);
    assert.equal(dates.body.errors[0].path, 'body.employedTo');

    const created = await planner.json<{ employee: Member }>('POST', `/api/units/${UNIT_A}/employees`, { id: 'a-e900', name: 'Kari Nordmann', competence: 'Sykepleier', positionPercent: 60, employedFrom: '2027-01-01', canWorkLongShifts: true });
    assert.equal(created.status, 201);
    assert.equal(created.body.employee.competence, 'sykepleier');
    assert.equal(created.body.employee.employedFrom, '2027-01-01');
    assert.equal((await leader.json('POST', `/api/units/${UNIT_A}/employees`, { id: 'a-e900', name: 'Igjen', competence: 'assistent', positionPercent: 50 })).status, 409);
    const edited = await leader.json<{ employee: Member }>('PUT', `/api/units/${UNIT_A}/employees/a-e900`, { positionPercent: 80, weekendFrequency: 3, canWorkLongShifts: null });
    assert.equal(edited.status, 200);
    assert.equal(edited.body.employee.positionPercent, 80);
    assert.equal(edited.body.employee.weekendFrequency, 3);
    assert.equal(edited.body.employee.canWorkLongShifts, undefined);
    const hist = await w.db.query<{ position_percent: string | number }>('select position_percent from employee_positions where employee_id = $1 order by id', ['a-e900']);
    assert.deepEqual(hist.rows.map((r) => Number(r.position_percent)), [60, 80]);
    assert.equal((await leader.json('PUT', `/api/units/${UNIT_A}/employees/a-e900`, { employedTo: '2026-12-01' })).status, 400);
    const list = await leader.json<{ employees: Member[] }>('GET', `/api/units/${UNIT_A}/employees`);
    assert.ok(list.body.employees.some((e) => e.id === 'a-e900' && e.employedFrom === '2027-01-01' && e.employedTo === null));
    assert.deepEqual((await audits('employee.create')).map((a) => [a.actor, a.entity_id]), [['planlegger-a', 'a-e900']]);
    assert.deepEqual((await audits('employee.update')).at(-1)!.details.fields, ['positionPercent', 'canWorkLongShifts', 'weekendFrequency']);
  });

  test('ending: a referenced employee is ended, not deleted; an unreferenced record is deleted', async () => {
    const ended = await leader.json<{ outcome: string; employee: Member }>('DELETE', `/api/units/${UNIT_A}/employees/a-e1?lastDay=2027-06-30`);
    assert.equal(ended.status, 200);
    assert.equal(ended.body.outcome, 'ended');
    assert.equal(ended.body.employee.employedTo, '2027-06-30');
    await leader.json('POST', `/api/units/${UNIT_A}/employees`, { id: 'a-tmp', name: 'Midlertidig', competence: 'assistent', positionPercent: 20 });
    const deleted = await leader.json<{ outcome: string }>('DELETE', `/api/units/${UNIT_A}/employees/a-tmp`);
    assert.equal(deleted.body.outcome, 'deleted');
    assert.equal((await w.db.query('select 1 from employees where id = $1', ['a-tmp'])).rows.length, 0);
    assert.deepEqual((await audits('employee.end')).map((a) => a.entity_id), ['a-e1']);
    assert.deepEqual((await audits('employee.delete')).map((a) => a.entity_id), ['a-tmp']);
  });

  test('import with bad lines: the report names line, field and reason (bokmål and English) and nothing is stored', async () => {
    const before = await count(UNIT_A);
    const csv = [
      'ansattnummer;navn;kompetanse;stillingsprosent;startdato',
      'a-n1;Nina Ny;sykepleier;80;01.03.2027',
      'a-n2;Per Feil;kokk;80;2027-03-01',
      'a-n3;Liv Over;assistent;120;2027-03-01',
      'a-n4;Ane Dato;assistent;50;2027-02-30',
      'a-n1;Nina Igjen;sykepleier;50;2027-03-01',
      'b-e1;Fra B;assistent;50;2027-03-01',
    ].join('\r\n');
    for (const q of ['', '?dryRun=1']) {
      const res = await importCsv(leader, UNIT_A, csv, q);
      assert.equal(res.status, 400);
      const { errors } = (await res.json()) as { errors: LineError[] };
      assert.deepEqual(errors.map((e) => `${e.line}:${e.field}`), ['3:competence', '4:position_percent', '5:start_date', '6:id', '7:id']);
      const comp = errors.find((e) => e.field === 'competence')!;
      assert.match(comp.reasonNb, /ukjent kompetanse «kokk»/);
      assert.match(comp.reasonEn, /unknown competence "kokk"/);
      assert.match(comp.message, /^linje 3, competence: /);
      assert.match(errors.find((e) => e.line === 7)!.reasonNb, /i bruk i en annen enhet/);
    }
    assert.equal(await count(UNIT_A), before);
    assert.equal((await audits('employee.import')).length, 0);
  });

  test('a good file: the dry run shows what would change and stores nothing; the import stores it all and is audit-logged', async () => {
    const before = await count(UNIT_A);
    const csv = 'id,name,competence,position_percent,start_date,long_shifts,weekend_frequency\n' +
      'a-n1,Nina Ny,sykepleier,80,2027-03-01,ja,3\n' +
      ',Ola Uten Nummer,helsefagarbeider,"50,5",2027-04-01,,\n' +
      'a-e2,Ola Hansen,helsefagarbeider,50,2020-01-01,,\n';
    const dry = await importCsv(leader, UNIT_A, csv, '?dryRun=1');
    assert.equal(dry.status, 200);
    const plan = (await dry.json()) as { dryRun: boolean; create: Array<{ id: string; name: string; positionPercent: number }>; update: Array<{ id: string; changes: Record<string, { from: unknown; to: unknown }> }> };
    assert.equal(plan.dryRun, true);
    assert.deepEqual(plan.create.map((c) => c.name), ['Nina Ny', 'Ola Uten Nummer']);
    assert.equal(plan.create[1].positionPercent, 50.5);
    assert.match(plan.create[1].id, /^e-[0-9a-f]{10}$/);
    assert.deepEqual(plan.update.map((u) => u.id), ['a-e2']);
    assert.deepEqual(plan.update[0].changes.positionPercent, { from: 37.5, to: 50 });
    assert.equal(await count(UNIT_A), before);

    const res = await importCsv(planner, UNIT_A, csv);
    assert.equal(res.status, 201);
    assert.equal(await count(UNIT_A), before + 2);
    const nina = (await leader.json<{ employees: Member[] }>('GET', `/api/units/${UNIT_A}/employees`)).body.employees.find((e) => e.id === 'a-n1')!;
    assert.deepEqual([nina.competence, nina.positionPercent, nina.employedFrom, nina.canWorkLongShifts, nina.weekendFrequency], ['sykepleier', 80, '2027-03-01', true, 3]);
    const [entry] = await audits('employee.import');
    assert.equal(entry.actor, 'planlegger-a');
    assert.equal(entry.entity_id, UNIT_A);
    assert.deepEqual(entry.details.updated, ['a-e2']);
    assert.equal((entry.details.created as string[]).length, 2);
    // The same file again changes nothing: the line without a number finds its employee by name.
    const again = await importCsv(leader, UNIT_A, csv, '?dryRun=1');
    const againPlan = (await again.json()) as { create: unknown[]; update: unknown[]; unchanged: unknown[] };
    assert.deepEqual([againPlan.create.length, againPlan.update.length, againPlan.unchanged.length], [0, 0, 3]);
  });

  test('an .xlsx file with date cells, multipart upload, size limit and wrong formats', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Ansatte');
    ws.addRow(['navn', 'kompetanse', 'stillingsprosent', 'startdato']);
    ws.addRow(['Eva Excel', 'vernepleier', 75, new Date(Date.UTC(2027, 4, 2))]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const dry = await importCsv(admin, UNIT_A, bytes, '?dryRun=1', XLSX_MIME);
    assert.equal(dry.status, 200);
    const plan = (await dry.json()) as { format: string; create: Array<{ name: string; employedFrom: string; positionPercent: number }> };
    assert.equal(plan.format, 'xlsx');
    assert.deepEqual(plan.create.map((c) => [c.name, c.employedFrom, c.positionPercent]), [['Eva Excel', '2027-05-02', 75]]);

    const form = new FormData();
    form.set('file', new File(['name,competence,position_percent,start_date\nMia Multipart,assistent,40,2027-01-01\n'], 'ansatte.csv', { type: 'text/csv' }));
    const res = await w.app.request(`/api/units/${UNIT_A}/employees/import?dryRun=1`, { method: 'POST', headers: { cookie: leader.cookie, 'x-csrf-token': leader.csrf }, body: form });
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { create: Array<{ name: string }> }).create[0].name, 'Mia Multipart');

    const big = 'name,competence,position_percent,start_date\n' + 'X,assistent,50,2027-01-01\n'.repeat(45_000);
    assert.equal((await importCsv(leader, UNIT_A, big)).status, 413);
    assert.equal((await importCsv(leader, UNIT_A, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), '', 'application/vnd.ms-excel')).status, 415);
    const empty = await importCsv(leader, UNIT_A, '');
    assert.equal(empty.status, 400);
  });
});
