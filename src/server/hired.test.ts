import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { login, testWorld, UNIT_A, UNIT_B, type TestClient, type TestWorld } from './testing.js';

type Fig = { key: string; value: number | null; reason?: { code: string; nb: string; en: string } };
type Snapshot = {
  snapshot: { hired: Record<string, Fig> };
  figures: Fig[];
  units: Array<{ id: string; hired: { agencyHours: Fig; extraHours: Fig; overtimeHours: Fig } }>;
  notes: Array<{ code: string; nb: string }>;
};
type Rec = { id: number; date: string; kind: string; hours: number; employee: string | null; employeeName: string | null; shift: string | null; source: string; note: string | null };
type List = { firstDate: string | null; totals: { agencyHours: number; extraHours: number; extraShifts: number; overtimeHours: number }; records: Rec[]; employees: Array<{ id: string }>; shifts: string[] };
type LineError = { line: number; field: string; reason: string; path: string; message: string };

const CSV = 'text/csv';

describe('hired hours (agency, extra shifts, overtime): register, import, cover hook, and the metrics', () => {
  let w: TestWorld;
  let leader: TestClient;
  let planner: TestClient;
  let admin: TestClient;

  const metrics = (q: string) => admin.json<Snapshot>('GET', `/api/metrics?${q}`);
  const agency = (s: Snapshot) => s.figures.find((f) => f.key === 'hired.agencyHours')!;

  before(async () => {
    w = await testWorld();
    [leader, planner, admin] = await Promise.all(['leder-a', 'planlegger-a', 'admin'].map((u) => login(w.app, u)));
  });
  after(async () => {
    await w?.close();
  });

  test('before anything is registered the figures are null with the reason, and the list is empty', async () => {
    const m = await metrics(`scope=unit&id=${UNIT_A}&date=2027-03-31`);
    assert.equal(m.status, 200, JSON.stringify(m.body));
    assert.equal(agency(m.body).value, null);
    assert.match(agency(m.body).reason!.nb, /ikke registrert/);
    assert.ok(m.body.notes.some((n) => n.code === 'hiredNotRegistered'));
    const l = await leader.json<List>('GET', `/api/units/${UNIT_A}/hired?from=2027-01-01&to=2027-12-31`);
    assert.equal(l.status, 200);
    assert.equal(l.body.firstDate, null);
    assert.deepEqual(l.body.records, []);
    assert.deepEqual(l.body.totals, { agencyHours: 0, extraHours: 0, extraShifts: 0, overtimeHours: 0 });
    assert.ok(l.body.employees.some((e) => e.id === 'a-e1'));
    assert.ok(l.body.shifts.includes('D'));
  });

  test('permissions: leaders, planners and admins only; another unit 403, unknown 404, anonymous 401', async () => {
    for (const u of ['ansatt-a', 'tillitsvalgt-a', 'leder-b']) {
      const c = await login(w.app, u);
      assert.equal((await c.get(`/api/units/${UNIT_A}/hired`)).status, 403, u);
      assert.equal((await c.send('POST', `/api/units/${UNIT_A}/hired`, { date: '2027-03-02', kind: 'agency', hours: 7.5 })).status, 403, u);
      assert.equal((await c.send('POST', `/api/units/${UNIT_A}/hired/import`, 'date,kind,hours\n2027-03-02,agency,7.5\n', { 'content-type': CSV })).status, 403, u);
    }
    assert.equal((await leader.get('/api/units/finnes-ikke/hired')).status, 404);
    assert.equal((await w.app.request(`/api/units/${UNIT_A}/hired`)).status, 401);
    assert.equal((await planner.get(`/api/units/${UNIT_A}/hired`)).status, 200);
    const none = await w.db.query('select 1 from hired_hours');
    assert.equal(none.rows.length, 0, 'nothing was stored by a refused call');
  });

  test('registering one record: checked field by field (bokmål / English), stored, listed with sums, audit-logged', async () => {
    const bad = async (body: Record<string, unknown>, path: string) => {
      const r = await leader.json<{ errors: Array<{ path: string; message: string }> }>('POST', `/api/units/${UNIT_A}/hired`, body);
      assert.equal(r.status, 400, JSON.stringify(body));
      const e = r.body.errors.find((x) => x.path === path);
      assert.ok(e, `${path} in ${JSON.stringify(r.body.errors)}`);
      assert.match(e.message, / \/ /, 'bokmål / English');
    };
    await bad({ date: '2027-03-02', kind: 'agency', hours: 7.5, employee: 'a-e1' }, 'body.employee');
    await bad({ date: '2027-03-02', kind: 'extra', hours: 7.5, employee: 'nobody' }, 'body.employee');
    await bad({ date: '2027-03-02', kind: 'extra', hours: 7.5, shift: 'X' }, 'body.shift');
    await bad({ date: '2027-03-02', kind: 'overtime', hours: 30, employee: 'a-e2' }, 'body.hours');
    await bad({ date: '2027-03-02', kind: 'overtime', hours: 0 }, 'body.hours');
    await bad({ date: '2027-02-30', kind: 'agency', hours: 3 }, 'body.date');
    await bad({ date: '2031-01-01', kind: 'agency', hours: 3 }, 'body.date');
    await bad({ date: '2027-03-02', kind: 'bonus', hours: 3 }, 'body.kind');
    assert.equal((await w.db.query('select 1 from hired_hours')).rows.length, 0);

    const r = await leader.json<{ record: Rec }>('POST', `/api/units/${UNIT_A}/hired`, { date: '2027-03-02', kind: 'agency', hours: 7.5, shift: 'D', note: 'Vikarbyrå AS' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.record.kind, 'agency');
    assert.equal(r.body.record.source, 'manual');
    const e = await planner.json<{ record: Rec }>('POST', `/api/units/${UNIT_A}/hired`, { date: '2027-03-03', kind: 'extra', hours: 8, employee: 'a-e2', shift: 'D' });
    assert.equal(e.status, 201, JSON.stringify(e.body));
    assert.ok(e.body.record.employeeName && e.body.record.employeeName !== 'a-e2', 'named');

    const l = await leader.json<List>('GET', `/api/units/${UNIT_A}/hired?from=2027-03-01&to=2027-03-31`);
    assert.equal(l.body.firstDate, '2027-03-02');
    assert.deepEqual(l.body.totals, { agencyHours: 7.5, extraHours: 8, extraShifts: 1, overtimeHours: 0 });
    assert.deepEqual(l.body.records.map((x) => [x.date, x.kind, x.hours]), [
      ['2027-03-02', 'agency', 7.5],
      ['2027-03-03', 'extra', 8],
    ]);
    const audit = await w.db.query<{ actor: string; details: { kind: string } }>(`select actor, details from audit_log where action = 'hired.register' order by id`);
    assert.deepEqual(audit.rows.map((a) => [a.actor, a.details.kind]), [
      ['leder-a', 'agency'],
      ['planlegger-a', 'extra'],
    ]);
  });

  test('import: a file with bad lines gives a line-by-line report and stores nothing; a good file (bokmål, semicolons) is stored once', async () => {
    const bad = ['date,kind,hours,employee,shift,note', '2027-03-04,agency,7.5,,D,Byrå', '2027-03-05,ekstra,8,a-e3,A,', '2027-03-32,overtime,2,a-e3,,', '2027-03-06,innleie,abc,,,', '2027-03-07,bonus,3,,,', '2027-03-08,agency,7.5,a-e1,,'].join('\n');
    const r = await leader.json<{ errors: LineError[] }>('POST', `/api/units/${UNIT_A}/hired/import`, undefined);
    assert.equal(r.status, 400, 'an empty body');
    const res = await leader.send('POST', `/api/units/${UNIT_A}/hired/import`, bad, { 'content-type': CSV });
    assert.equal(res.status, 400);
    const errors = ((await res.json()) as { errors: LineError[] }).errors;
    assert.deepEqual(errors.map((e) => [e.line, e.field]), [
      [4, 'date'],
      [5, 'hours'],
      [6, 'kind'],
      [7, 'employee'],
    ]);
    for (const e of errors) {
      assert.match(e.reason, / \/ /, 'bokmål / English');
      assert.equal(e.path, `lines[${e.line}].${e.field}`);
      assert.match(e.message, new RegExp(`^linje ${e.line}, `));
    }
    assert.match(errors[0].reason, /2027-03-32/);
    assert.match(errors[3].reason, /innleie er ikke egne ansatte/);
    const unknownColumn = await leader.send('POST', `/api/units/${UNIT_A}/hired/import`, 'date,kind,hours,diagnose\n2027-03-04,agency,7.5,x\n', { 'content-type': CSV });
    assert.equal(unknownColumn.status, 400);
    assert.match(JSON.stringify(await unknownColumn.json()), /ukjent kolonne/);
    assert.equal((await w.db.query(`select 1 from hired_hours where source = 'import'`)).rows.length, 0, 'nothing stored');

    const good = ['dato;art;timer;ansatt;vakt;merknad', '04.03.2027;innleie;7,5;;D;Byrå', '2027-03-05;ekstravakt;8;a-e3;A;', '2027-03-05;overtid;2,25;a-e3;;', '2027-03-06;innleie;7,5;;D;Byrå', '2027-03-06;innleie;7,5;;D;Byrå'].join('\r\n');
    const imp = await leader.send('POST', `/api/units/${UNIT_A}/hired/import`, good, { 'content-type': CSV });
    const body = (await imp.json()) as { lines: number; inserted: number; skipped: number; from: string; to: string; hours: Record<string, number> };
    assert.equal(imp.status, 201, JSON.stringify(body));
    assert.deepEqual(body, { lines: 5, inserted: 5, skipped: 0, from: '2027-03-04', to: '2027-03-06', hours: { agency: 22.5, extra: 8, overtime: 2.25 } });
    // The same file again adds nothing (two agency nurses on one day are two lines, both kept the first time).
    const again = await leader.send('POST', `/api/units/${UNIT_A}/hired/import`, good, { 'content-type': CSV });
    assert.deepEqual(((await again.json()) as { inserted: number; skipped: number }).inserted, 0);
    const audit = await w.db.query<{ details: { inserted: number; format: string } }>(`select details from audit_log where action = 'hired.import' order by id`);
    assert.deepEqual(audit.rows.map((a) => [a.details.format, a.details.inserted]), [
      ['csv', 5],
      ['csv', 0],
    ]);
  });

  test('import: an .xlsx workbook (date cells, numbers) is read from its first sheet; size and format limits', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Timer');
    ws.addRow(['date', 'kind', 'hours', 'employee', 'shift', 'note']);
    ws.addRow([new Date(Date.UTC(2027, 2, 9)), 'overtime', 1.5, 'a-e2', 'D', null]);
    ws.addRow(['2027-03-10', 'agency', 12.5, null, 'L', 'Byrå']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await w.app.request(`/api/units/${UNIT_A}/hired/import`, {
      method: 'POST',
      headers: { cookie: leader.cookie, 'x-csrf-token': leader.csrf, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      body: bytes,
    });
    const body = (await res.json()) as { inserted: number; hours: Record<string, number> };
    assert.equal(res.status, 201, JSON.stringify(body));
    assert.deepEqual([body.inserted, body.hours.overtime, body.hours.agency], [2, 1.5, 12.5]);
    const l = await leader.json<List>('GET', `/api/units/${UNIT_A}/hired?from=2027-03-09&to=2027-03-10`);
    assert.deepEqual(l.body.records.map((x) => [x.date, x.kind, x.source]), [
      ['2027-03-09', 'overtime', 'import'],
      ['2027-03-10', 'agency', 'import'],
    ]);
    const big = 'date,kind,hours\n' + '2027-03-04,agency,1\n'.repeat(120_000);
    assert.equal((await leader.send('POST', `/api/units/${UNIT_A}/hired/import`, big, { 'content-type': CSV })).status, 413);
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]);
    const r415 = await w.app.request(`/api/units/${UNIT_A}/hired/import`, { method: 'POST', headers: { cookie: leader.cookie, 'x-csrf-token': leader.csrf, 'content-type': 'application/vnd.ms-excel' }, body: xls });
    assert.equal(r415.status, 415);
  });

  test('the metrics count the records: sums in the window, 0 in a later empty window, null before the first day, and a unit that never registered says so', async () => {
    const m = await metrics(`scope=unit&id=${UNIT_A}&date=2027-03-31`);
    assert.equal(m.status, 200);
    const h = m.body.snapshot.hired;
    // manual 7.5 + import 7.5 + 7.5 + 7.5 + xlsx 12.5 agency; extra 8 (manual) + 8 (import); overtime 2.25 + 1.5
    assert.equal(h.agencyHours.value, 42.5);
    assert.equal(h.extraHours.value, 16);
    assert.equal(h.extraShifts.value, 2);
    assert.equal(h.overtimeHours.value, 3.75);
    assert.ok(!m.body.notes.some((n) => n.code === 'hiredNotRegistered'));
    assert.ok(m.body.notes.some((n) => n.code === 'hiredPartialWindow'), 'the year window began before the first registered day');

    const later = await metrics(`scope=unit&id=${UNIT_A}&date=2028-06-30`);
    assert.equal(agency(later.body).value, 0, 'registered, nothing hired in the window: a real 0');
    const before = await metrics(`scope=unit&id=${UNIT_A}&date=2027-01-31`);
    assert.equal(agency(before.body).value, null);
    assert.equal(agency(before.body).reason?.code, 'hiredNotYet');

    // Weekend-only positions are read from the rota (plan A has one): a number, with the note saying how.
    assert.equal(typeof m.body.figures.find((f) => f.key === 'weekendOnly')!.value, 'number');
    assert.ok(m.body.notes.some((n) => n.code === 'weekendOnlyFromRota'));

    const b = await metrics(`scope=unit&id=${UNIT_B}&date=2027-03-31`);
    assert.equal(agency(b.body).value, null);
    assert.ok(b.body.notes.some((n) => n.code === 'hiredNotRegistered'));

    const org = await metrics('scope=organisation&date=2027-03-31');
    assert.equal(agency(org.body).value, 42.5);
    const note = org.body.notes.find((n) => n.code === 'hiredPartlyRegistered');
    assert.ok(note && /Annen enhet/.test(note.nb), JSON.stringify(org.body.notes));
    const ua = org.body.units.find((u) => u.id === UNIT_A)!;
    const ub = org.body.units.find((u) => u.id === UNIT_B)!;
    assert.equal(ua.hired.agencyHours.value, 42.5);
    assert.equal(ub.hired.agencyHours.value, null);
    assert.ok(ub.hired.agencyHours.reason);

    const t = await admin.json<{ dates: string[]; series: Array<{ key: string; values: Array<number | null> }> }>('GET', `/api/metrics/trend?scope=unit&id=${UNIT_A}&from=2027-01-01&to=2027-04-30`);
    assert.equal(t.status, 200);
    assert.deepEqual(t.body.dates, ['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']);
    assert.deepEqual(t.body.series.find((s) => s.key === 'hired.agencyHours')!.values, [null, null, 42.5, 0]);
    assert.deepEqual(t.body.series.find((s) => s.key === 'hired.overtimeHours')!.values, [null, null, 3.75, 0]);

    const c = await admin.json<{ changes: Array<{ key: string; baseline: number | null; current: number | null; change: number | null; reason?: { code: string } }> }>(
      'GET',
      `/api/metrics/compare?scope=unit&id=${UNIT_A}&baseline=2027-01-31&date=2027-03-31`,
    );
    const ch = c.body.changes.find((x) => x.key === 'hired.agencyHours')!;
    assert.deepEqual([ch.baseline, ch.current, ch.change], [null, 42.5, null]);
    assert.equal(ch.reason?.code, 'changeUnknown');

    const x = await admin.get(`/api/metrics/export.xlsx?scope=unit&id=${UNIT_A}&date=2027-03-31`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await x.arrayBuffer());
    const rows: unknown[][] = [];
    wb.getWorksheet('Nøkkeltall')!.eachRow((r) => rows.push(r.values as unknown[]));
    assert.equal(rows.find((r) => r[1] === 'hired.agencyHours')![2], 42.5);
  });

  test('confirming a cover records the hours it bought: a substitute as agency hours of the shift, a colleague off that day as an extra shift', async () => {
    const page = await leader.json<{ plan: { version: number } }>('GET', `/api/plans/${w.planA}/page`);
    const absence = { employee: 'a-e1', from: '2027-03-06', to: '2027-03-06', kind: 'leave' as const };
    const sub = await leader.json('POST', `/api/plans/${w.planA}/cover`, {
      baseVersion: page.body.plan.version,
      absence,
      choices: [{ date: '2027-03-06', shift: 'L', employee: null, substituteName: 'Vikar Vera' }],
    });
    assert.equal(sub.status, 200, JSON.stringify(sub.body));
    const absence2 = { employee: 'a-e2', from: '2027-03-03', to: '2027-03-03', kind: 'leave' as const };
    const page2 = await leader.json<{ plan: { version: number } }>('GET', `/api/plans/${w.planA}/page`);
    const own = await leader.json('POST', `/api/plans/${w.planA}/cover`, {
      baseVersion: page2.body.plan.version,
      absence: absence2,
      choices: [{ date: '2027-03-03', shift: 'D', employee: 'a-e3' }],
    });
    assert.equal(own.status, 200, JSON.stringify(own.body));
    const l = await leader.json<List>('GET', `/api/units/${UNIT_A}/hired?from=2027-03-01&to=2027-03-31`);
    const cover = l.body.records.filter((r) => r.source === 'cover');
    assert.deepEqual(cover.map((r) => [r.date, r.kind, r.hours, r.employee, r.shift]), [
      ['2027-03-03', 'extra', 7.5, 'a-e3', 'D'],
      ['2027-03-06', 'agency', 12.5, null, 'L'],
    ]);
    assert.match(cover[1].note ?? '', /Vikar Vera/);
    const audit = await w.db.query(`select 1 from audit_log where action = 'hired.cover'`);
    assert.equal(audit.rows.length, 2);
  });

  test('the routes are in the OpenAPI document', async () => {
    const doc = (await (await w.app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    for (const p of ['/api/units/{id}/hired', '/api/units/{id}/hired/import']) assert.ok(doc.paths[p], p);
  });
});
