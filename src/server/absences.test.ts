import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { addDays } from '../core/time/localDate.js';
import { openDatabase, type Db } from '../db/db.js';
import { migrate } from '../db/migrate.js';
import { seedDemo } from '../db/seed.js';
import { UserRepository } from '../db/userRepository.js';
import { generateDemo } from '../demo/index.js';
import { bilingualCsvReason, excelSerialToDate, parseAbsenceCsvLenient, XLSX_MIME } from './absenceFile.js';
import { dailyAbsent, todayInOslo } from './absences.js';
import { createBemanna, type Bemanna } from './app.js';
import { hashPassword } from './auth/password.js';
import { login, PASSWORD, testWorld, UNIT_A, UNIT_B, type TestClient, type TestWorld } from './testing.js';

type LineError = { line: number; field: string; reason: string; path: string; message: string };
type Stored = { id: number; employee: string; from: string; to: string; kind: string; source: string; registeredBy: string | null };

const today = todayInOslo();
const past = (n: number) => addDays(today, -n);

const historyCount = async (db: Db, unit: string) =>
  (await db.query<{ n: number }>('select count(*)::integer as n from absences where plan_id is null and unit_id = $1', [unit])).rows[0].n;

describe('absence history: import, registration, list (in-memory PGlite)', () => {
  let w: TestWorld;
  let leader: TestClient;
  let planner: TestClient;
  let employee: TestClient;
  let employee2: TestClient;
  let employeeB: TestClient;
  let union: TestClient;

  const importCsv = (client: TestClient, unit: string, csv: string) => client.send('POST', `/api/units/${unit}/absences/import`, csv, { 'content-type': 'text/csv' });

  before(async () => {
    w = await testWorld();
    [leader, planner, employee, employee2, employeeB, union] = await Promise.all(
      ['leder-a', 'planlegger-a', 'ansatt-a', 'ansatt2-a', 'ansatt-b', 'tillitsvalgt-a'].map((u) => login(w.app, u)),
    );
  });
  after(async () => {
    await w?.close();
  });

  test('a good CSV is imported (201 with counts, audit-logged); importing it again stores nothing twice', async () => {
    const csv = [
      'employee,unit,from,to,type',
      `a-e1,${UNIT_A},2026-01-05,2026-01-07,self_certified`,
      `a-e2,Testheimen 1. etg,2026-02-01,2026-02-20,doctor_certified`,
      `a-e1,${UNIT_A},2026-03-02,2026-03-02,sick_child`,
      `a-e3,${UNIT_A},2026-04-10,2026-04-11,leave`,
    ].join('\r\n');
    const res = await importCsv(leader, UNIT_A, csv);
    assert.equal(res.status, 201, await res.clone().text());
    assert.deepEqual(await res.json(), { lines: 4, inserted: 4, skipped: 0, employees: 3, from: '2026-01-05', to: '2026-04-11' });
    assert.equal(await historyCount(w.db, UNIT_A), 4);
    const again = await importCsv(planner, UNIT_A, csv);
    assert.equal(again.status, 201);
    assert.deepEqual(await again.json(), { lines: 4, inserted: 0, skipped: 4, employees: 3, from: '2026-01-05', to: '2026-04-11' });
    assert.equal(await historyCount(w.db, UNIT_A), 4);
    const audit = await w.db.query<{ actor: string; details: { inserted: number } }>(`select actor, details from audit_log where action = 'absence.import' order by id`);
    assert.deepEqual(audit.rows.map((r) => [r.actor, r.details.inserted]), [['leder-a', 4], ['planlegger-a', 0]]);
    const stored = await w.db.query<{ source: string; registered_by: string | null }>('select source, registered_by from absences where plan_id is null and unit_id = $1', [UNIT_A]);
    assert.ok(stored.rows.every((r) => r.source === 'import' && r.registered_by));
  });

  test('a bad CSV: 400 with every problem line by line (bokmål / English), and nothing is stored', async () => {
    const before = await historyCount(w.db, UNIT_A);
    const csv = [
      'employee,unit,from,to,type',
      `a-e1,${UNIT_A},2026-05-04,2026-05-08,self_certified`, // 2: fine on its own
      `a-e1,${UNIT_A},2026-05-06,2026-05-07,sick_child`, // 3: overlaps line 2
      `ghost,${UNIT_A},2026-05-04,2026-05-05,self_certified`, // 4: unknown employee
      `b-e1,${UNIT_A},2026-05-04,2026-05-05,self_certified`, // 5: employee of another unit
      `a-e2,${UNIT_A},2099-01-04,2099-01-05,self_certified`, // 6: in the future
      `a-e3,${UNIT_A},2027-02-30,2027-03-02,self_certified`, // 7: not a calendar date
      `a-e2,${UNIT_A},2026-02-10,2026-02-12,self_certified`, // 8: overlaps a stored spell
      `a-e3,${UNIT_B},2026-06-01,2026-06-02,leave`, // 9: another unit
      `a-e3,${UNIT_A},2026-07-01,2026-07-02,influenza`, // 10: unknown type
    ].join('\n');
    const res = await importCsv(leader, UNIT_A, csv);
    assert.equal(res.status, 400);
    const { errors } = (await res.json()) as { errors: LineError[] };
    assert.deepEqual(
      errors.map((e) => [e.line, e.field]),
      [
        [3, 'from'],
        [4, 'employee'],
        [5, 'employee'],
        [6, 'from'],
        [7, 'from'],
        [8, 'from'],
        [9, 'unit'],
        [10, 'type'],
      ],
    );
    const at = (line: number) => errors.find((e) => e.line === line)!.reason;
    assert.match(at(3), /overlapper fraværet på linje 2 .* \/ overlaps the absence on line 2/);
    assert.match(at(4), /ukjent ansatt «ghost» i denne enheten \/ unknown employee "ghost"/);
    assert.match(at(6), /fram i tid .* \/ .*in the future/);
    assert.match(at(7), /umulig dato «2027-02-30».* \/ impossible date "2027-02-30"/);
    assert.match(at(8), /allerede er lagret for a-e2 \(2026-02-01–2026-02-20\).* \/ overlaps an absence already stored/);
    assert.match(at(9), /er ikke denne enheten .* \/ .* is not this unit/);
    assert.match(at(10), /ukjent fraværstype «influenza».* \/ "influenza": must be one of/);
    assert.ok(errors.every((e) => e.path === `lines[${e.line}].${e.field}` && e.message.includes(e.reason)));
    assert.equal(await historyCount(w.db, UNIT_A), before);
  });

  test('diagnosis columns and broken files are refused; the size limit is 413', async () => {
    const diag = await importCsv(leader, UNIT_A, `employee,unit,from,to,type,diagnosis\na-e1,${UNIT_A},2026-05-04,2026-05-05,doctor_certified,J11\n`);
    assert.equal(diag.status, 400);
    const { errors } = (await diag.json()) as { errors: LineError[] };
    assert.deepEqual([errors[0].line, errors[0].field], [1, 'diagnosis']);
    assert.match(errors[0].reason, /GDPR art\. 9/);
    assert.equal((await importCsv(leader, UNIT_A, '')).status, 400);
    const xls = await leader.send('POST', `/api/units/${UNIT_A}/absences/import`, '\u00d0\u00cf\u0011\u00e0', { 'content-type': 'application/vnd.ms-excel' });
    assert.equal(xls.status, 415);
    const big = await importCsv(leader, UNIT_A, 'employee,unit,from,to,type\n' + 'x'.repeat(5 * 1024 * 1024 + 10));
    assert.equal(big.status, 413);
  });

  test('an .xlsx upload (first sheet, same columns; date cells or text) is imported, with sheet rows as line numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Fravær');
    ws.addRow(['employee', 'unit', 'from', 'to', 'type']);
    ws.addRow(['a-e3', UNIT_A, new Date(Date.UTC(2026, 7, 3)), new Date(Date.UTC(2026, 7, 4)), 'self_certified']);
    ws.addRow([]);
    ws.addRow(['a-e2', UNIT_A, '2026-08-10', '2026-08-12', 'sick_child']);
    wb.addWorksheet('Notater').addRow(['ignored']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await w.app.request(`/api/units/${UNIT_A}/absences/import`, {
      method: 'POST',
      headers: { cookie: leader.cookie, 'x-csrf-token': leader.csrf, 'content-type': XLSX_MIME },
      body: bytes,
    });
    assert.equal(res.status, 201, await res.clone().text());
    assert.deepEqual(await res.json(), { lines: 2, inserted: 2, skipped: 0, employees: 2, from: '2026-08-03', to: '2026-08-12' });

    // A bad row is reported with its sheet row number; multipart/form-data works too.
    ws.addRow(['a-e1', UNIT_A, '2026-13-01', '2026-08-12', 'sick_child']);
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(await wb.xlsx.writeBuffer())], { type: XLSX_MIME }), 'fravaer.xlsx');
    const bad = await w.app.request(`/api/units/${UNIT_A}/absences/import`, { method: 'POST', headers: { cookie: leader.cookie, 'x-csrf-token': leader.csrf }, body: form });
    assert.equal(bad.status, 400);
    const { errors } = (await bad.json()) as { errors: LineError[] };
    assert.deepEqual(errors.map((e) => [e.line, e.field]), [[5, 'from']]);
  });

  test('import permissions: employees and representatives 403, another unit 403, unknown unit 404, no session 401', async () => {
    const csv = `employee,unit,from,to,type\na-e1,${UNIT_A},2026-09-01,2026-09-01,self_certified\n`;
    assert.equal((await importCsv(employee, UNIT_A, csv)).status, 403);
    assert.equal((await importCsv(union, UNIT_A, csv)).status, 403);
    const leaderB = await login(w.app, 'leder-b');
    assert.equal((await importCsv(leaderB, UNIT_A, csv)).status, 403);
    assert.equal((await importCsv(leader, 'no-such-unit', csv)).status, 404);
    assert.equal((await w.app.request(`/api/units/${UNIT_A}/absences/import`, { method: 'POST', body: csv, headers: { 'content-type': 'text/csv' } })).status, 401);
  });

  test('an employee registers their own absence (201 with id), not someone else’s (403), not in another unit (403)', async () => {
    const from = past(1);
    const res = await employee.json<{ absence: Stored }>('POST', `/api/units/${UNIT_A}/absences`, { from, to: today, kind: 'self_certified' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.absence.employee, 'a-e1');
    assert.equal(res.body.absence.source, 'registered');
    assert.ok(res.body.absence.id > 0 && res.body.absence.registeredBy);
    const mine = await employee.json<{ absences: Stored[] }>('GET', '/api/me/absences');
    assert.ok(mine.body.absences.some((a) => a.id === res.body.absence.id));

    assert.equal((await employee.json('POST', `/api/units/${UNIT_A}/absences`, { employee: 'a-e2', from, to: from, kind: 'sick_child' })).status, 403);
    assert.equal((await employeeB.json('POST', `/api/units/${UNIT_A}/absences`, { from, to: from, kind: 'sick_child' })).status, 403);
    assert.equal((await employeeB.json('POST', `/api/units/${UNIT_A}/absences`, { employee: 'a-e2', from, to: from, kind: 'sick_child' })).status, 403);
    // Leave is granted by the leader; an employee cannot report far back.
    assert.equal((await employee2.json('POST', `/api/units/${UNIT_A}/absences`, { from: today, to: today, kind: 'leave' })).status, 403);
    const old = await employee2.json<{ errors: Array<{ path: string }> }>('POST', `/api/units/${UNIT_A}/absences`, { from: past(40), to: past(39), kind: 'sick_child' });
    assert.equal(old.status, 400);
    assert.equal(old.body.errors[0].path, 'body.from');
    assert.equal((await union.json('POST', `/api/units/${UNIT_A}/absences`, { employee: 'a-e2', from, to: from, kind: 'sick_child' })).status, 403);
  });

  test('a leader registers for anyone in the unit; validation 400; overlap 409; audit without the kind', async () => {
    const ok = await leader.json<{ absence: Stored }>('POST', `/api/units/${UNIT_A}/absences`, { employee: 'a-e2', from: past(3), to: past(2), kind: 'sick_child' });
    assert.equal(ok.status, 201);
    const overlap = await planner.json<{ errors: Array<{ message: string }> }>('POST', `/api/units/${UNIT_A}/absences`, { employee: 'a-e2', from: past(2), to: today, kind: 'doctor_certified' });
    assert.equal(overlap.status, 409);
    assert.match(overlap.body.errors[0].message, /overlapper/);
    const identical = await planner.json('POST', `/api/units/${UNIT_A}/absences`, { employee: 'a-e2', from: past(3), to: past(2), kind: 'sick_child' });
    assert.equal(identical.status, 409);
    const bad = async (body: unknown, path: string) => {
      const r = await leader.json<{ errors: Array<{ path: string }> }>('POST', `/api/units/${UNIT_A}/absences`, body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.ok(r.body.errors.some((e) => e.path === path), `${path}: ${JSON.stringify(r.body)}`);
    };
    await bad({ employee: 'a-e3', from: past(1), to: past(3), kind: 'sick_child' }, 'body.to');
    await bad({ employee: 'a-e3', from: past(20), to: past(5), kind: 'self_certified' }, 'body.to');
    await bad({ employee: 'a-e3', from: addDays(today, 5), to: addDays(today, 6), kind: 'doctor_certified' }, 'body.from');
    await bad({ employee: 'b-e1', from: past(1), to: past(1), kind: 'sick_child' }, 'body.employee');
    await bad({ employee: 'a-e3', from: '2027-02-30', to: '2027-03-01', kind: 'leave' }, 'body.from');
    await bad({ employee: 'a-e3', from: past(1), to: past(1), kind: 'doctor_certified', diagnosis: 'J11' }, 'body');
    const leave = await leader.json('POST', `/api/units/${UNIT_A}/absences`, { employee: 'a-e3', from: addDays(today, 30), to: addDays(today, 32), kind: 'leave' });
    assert.equal(leave.status, 201);
    const audit = await w.db.query<{ details: Record<string, unknown> }>(`select details from audit_log where action = 'absence.register' and entity_id = $1`, [String(ok.body.absence.id)]);
    assert.deepEqual(audit.rows[0].details, { unit: UNIT_A, employee: 'a-e2', from: past(3), to: past(2), self: false });
  });

  test('history list: leaders see kinds, representatives do not, employees are refused', async () => {
    const l = await leader.json<{ kindsVisible: boolean; absences: Array<{ employee: string; employeeName: string; kind: string | null; from: string }> }>(
      'GET',
      `/api/units/${UNIT_A}/absences?from=2026-01-01&to=2026-12-31`,
    );
    assert.equal(l.status, 200);
    assert.equal(l.body.kindsVisible, true);
    assert.ok(l.body.absences.length >= 6);
    assert.ok(l.body.absences.every((a) => a.kind !== null));
    assert.equal(l.body.absences.find((a) => a.from === '2026-01-05')?.employeeName, 'Kari Nordmann');
    const u = await union.json<{ kindsVisible: boolean; absences: Array<{ kind: string | null }> }>('GET', `/api/units/${UNIT_A}/absences?from=2026-01-01&to=2026-12-31`);
    assert.equal(u.status, 200);
    assert.equal(u.body.kindsVisible, false);
    assert.equal(u.body.absences.length, l.body.absences.length);
    assert.ok(u.body.absences.every((a) => a.kind === null));
    assert.doesNotMatch(JSON.stringify(u.body), /self_certified|doctor_certified|sick_child/);
    assert.equal((await employee.json('GET', `/api/units/${UNIT_A}/absences`)).status, 403);
    assert.equal((await leader.json('GET', `/api/units/${UNIT_B}/absences`)).status, 403);
    assert.equal((await leader.json('GET', `/api/units/${UNIT_A}/absences?from=2026-05-01&to=2026-01-01`)).status, 400);
  });

  test('forecast: too little history is a 422 with a clear message; employees are refused', async () => {
    const r = await leader.json<{ errors: Array<{ message: string }> }>('GET', `/api/units/${UNIT_A}/forecast?from=2026-01-20`);
    assert.equal(r.status, 422);
    assert.match(r.body.errors[0].message, /for kort fraværshistorikk.* \/ too little absence history/);
    const none = await leader.json<{ errors: Array<{ message: string }> }>('GET', `/api/units/${UNIT_A}/forecast?from=2025-01-01`);
    assert.equal(none.status, 422);
    assert.match(none.body.errors[0].message, /ingen registrert fraværshistorikk/);
    assert.equal((await employee.json('GET', `/api/units/${UNIT_A}/forecast`)).status, 403);
    assert.equal((await union.json('GET', `/api/units/${UNIT_A}/forecast`)).status, 403);
    assert.equal((await leader.json('GET', `/api/units/${UNIT_A}/forecast?days=0`)).status, 400);
  });

  test('the routes are in the OpenAPI document', async () => {
    const doc = (await (await w.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> }; responses: Record<string, unknown> }>> };
    assert.ok(doc.paths['/api/units/{id}/absences/import'].post.requestBody?.content['text/csv']);
    assert.ok(doc.paths['/api/units/{id}/absences/import'].post.requestBody?.content[XLSX_MIME]);
    assert.ok(doc.paths['/api/units/{id}/absences'].get);
    assert.ok(doc.paths['/api/units/{id}/absences'].post.responses['409']);
    assert.ok(doc.paths['/api/units/{id}/forecast'].get.responses['422']);
    assert.ok(doc.paths['/api/me/absences'].get);
  });
});

describe('absence forecast of a demo unit (worker thread)', () => {
  let db: Db;
  let bem: Bemanna;
  let leader: TestClient;

  before(async () => {
    db = await openDatabase({ memory: true });
    await migrate(db);
    const ds = generateDemo();
    await seedDemo(db, ds);
    await new UserRepository(db).create({
      organisationId: ds.organisation.id,
      username: 'leder@solsiden',
      displayName: 'Leder',
      passwordHash: await hashPassword(PASSWORD),
      roles: [{ role: 'leader', unitId: 'solsiden-2' }],
    });
    bem = createBemanna({ db });
    leader = await login(bem.app, 'leder@solsiden');
  });
  after(async () => {
    bem?.jobs.cancelAll();
    await db?.close();
  });

  test('rows with mean and the 80 % interval, the last 12 weeks of history, the split by shift', { timeout: 120_000 }, async () => {
    type Forecast = {
      rows: Array<{ date: string; mean: number; p10: number; p50: number; p90: number; ongoing: number }>;
      history: Array<{ date: string; absent: number }>;
      byShift: { planName: string; rows: Array<{ date: string; shift: string; mean: number }> } | null;
      staff: number;
      staffEstimated: boolean;
      calibrationOrigins: number;
      warnings: string[];
    };
    const r = await leader.json<Forecast>('GET', '/api/units/solsiden-2/forecast?from=2026-11-02&days=28');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const f = r.body;
    assert.equal(f.rows.length, 28);
    assert.equal(f.rows[0].date, '2026-11-02');
    assert.equal(f.rows[27].date, '2026-11-29');
    for (const row of f.rows) {
      assert.ok(row.p10 <= row.p50 && row.p50 <= row.p90, JSON.stringify(row));
      assert.ok(row.mean > 0 && row.mean < 26, JSON.stringify(row));
    }
    assert.equal(f.history.length, 84);
    assert.equal(f.history[83].date, '2026-11-01');
    assert.ok(f.history.some((h) => h.absent > 0));
    assert.equal(f.staff, 26);
    assert.equal(f.staffEstimated, false);
    assert.ok(f.calibrationOrigins > 10);
    assert.ok(f.byShift && f.byShift.rows.some((x) => x.shift === 'D' && x.mean > 0));
    // The same request again comes from the cache.
    const t0 = performance.now();
    const again = await leader.json<Forecast>('GET', '/api/units/solsiden-2/forecast?from=2026-11-02&days=28');
    assert.deepEqual(again.body.rows, f.rows);
    assert.ok(performance.now() - t0 < 2000);
  });
});

describe('absence file helpers', () => {
  test('Excel serial dates, lenient parsing keeps the good lines, bilingual reasons', () => {
    assert.equal(excelSerialToDate(46_024), '2026-01-02');
    assert.equal(excelSerialToDate(-1), null);
    const r = parseAbsenceCsvLenient('employee,unit,from,to,type\ne1,u,2026-01-01,2026-01-02,leave\ne2,u,2026-02-30,2026-03-01,leave\n');
    assert.deepEqual(r.records.map((x) => x.line), [2]);
    assert.deepEqual(r.errors.map((e) => [e.line, e.field]), [[3, 'from']]);
    assert.match(bilingualCsvReason('expected 5 fields, found 4'), /^forventet 5 felt, fant 4 \/ expected 5 fields, found 4$/);
    assert.match(bilingualCsvReason('"2026-1-1" is not a date YYYY-MM-DD'), /ÅÅÅÅ-MM-DD/);
    assert.deepEqual(
      dailyAbsent(
        [
          { employee: 'a', from: '2026-01-01', to: '2026-01-03', kind: 'self_certified' },
          { employee: 'b', from: '2026-01-02', to: '2026-01-02', kind: 'leave' },
          { employee: 'c', from: '2025-12-01', to: '2026-01-02', kind: 'doctor_certified' },
        ],
        '2026-01-02',
        '2026-01-04',
      ),
      [
        { date: '2026-01-02', absent: 2 },
        { date: '2026-01-03', absent: 1 },
        { date: '2026-01-04', absent: 0 },
      ],
    );
  });
});
