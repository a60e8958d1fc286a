import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { login, testWorld, type TestClient, type TestWorld } from './testing.js';

type Need = { date: string; shift: string; competence: string | null; candidates: Array<{ kind: string; employee: string | null; safe: boolean }> };

describe('the day of absence: cover proposals, one-action confirm, planned vs actual, notices', () => {
  let w: TestWorld;
  let leader: TestClient;
  const absence = { employee: 'a-e1', from: '2027-03-06', to: '2027-03-06', kind: 'leave' as const };

  before(async () => {
    w = await testWorld();
    leader = await login(w.app, 'leder-a');
  });
  after(async () => {
    await w?.close();
  });

  test('the leader gets cover proposals per lost shift, in order, ending with a substitute; nothing is saved', async () => {
    const r = await leader.json<{ planVersion: number; needs: Need[] }>('POST', `/api/plans/${w.planA}/cover/proposals`, absence);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.needs.length, 1);
    const need = r.body.needs[0];
    assert.equal(need.shift, 'L');
    const kinds = need.candidates.map((c) => c.kind);
    assert.equal(kinds.at(-1), 'substitute');
    assert.ok(need.candidates.some((c) => c.kind === 'own' && c.employee === 'a-e3'));
    // The pool: unit B's staff who are free in their own rota from the day before to the day after.
    assert.ok(need.candidates.some((c) => c.kind === 'pool' && c.employee === 'b-e3'), JSON.stringify(need.candidates));
    assert.ok(!need.candidates.some((c) => c.employee === 'b-e1'), 'b-e1 works L in unit B that day');
    const order = ['prediction', 'own', 'pool', 'substitute'];
    assert.deepEqual([...kinds].sort((x, y) => order.indexOf(x) - order.indexOf(y)), kinds, 'prediction → own → pool → substitute');
    assert.ok(need.candidates.every((c) => c.safe));
    assert.ok(!need.candidates.some((c) => c.employee === 'a-e1'), 'never the absent person');
    const plan = await leader.json<{ assignments: Array<{ employee: string; date: string }> }>('GET', `/api/plans/${w.planA}`);
    assert.ok(plan.body.assignments.some((a) => a.employee === 'a-e1' && a.date === '2027-03-06'), 'a proposal changes nothing');
  });

  test('employees and other units may not ask for cover proposals', async () => {
    const emp = await login(w.app, 'ansatt-a');
    assert.equal((await emp.send('POST', `/api/plans/${w.planA}/cover/proposals`, absence)).status, 403);
    const other = await login(w.app, 'leder-b');
    assert.equal((await other.send('POST', `/api/plans/${w.planA}/cover/proposals`, absence)).status, 403);
    const bad = await leader.json<{ errors: Array<{ path: string }> }>('POST', `/api/plans/${w.planA}/cover/proposals`, { ...absence, employee: 'nobody' });
    assert.equal(bad.status, 400);
    assert.ok(bad.body.errors.some((e) => e.path === 'body.employee'));
  });

  test('confirming with one action saves the next version, records planned vs actual and notifies both people; a stale version is 409', async () => {
    const page = await leader.json<{ plan: { version: number } }>('GET', `/api/plans/${w.planA}/page`);
    const baseVersion = page.body.plan.version;
    const unsafe = await leader.json<{ errors: Array<{ path: string }> }>('POST', `/api/plans/${w.planA}/cover`, {
      baseVersion,
      absence,
      choices: [{ date: '2027-03-06', shift: 'L', employee: 'a-e1' }],
    });
    assert.equal(unsafe.status, 400, 'the absent person is not a candidate');
    const ok = await leader.json<{ planVersion: number; actuals: Array<{ plannedEmployee: string; actualEmployee: string; coverKind: string }> }>('POST', `/api/plans/${w.planA}/cover`, {
      baseVersion,
      absence,
      choices: [{ date: '2027-03-06', shift: 'L', employee: 'a-e3' }],
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.planVersion, baseVersion + 1);
    assert.deepEqual(ok.body.actuals.map((a) => [a.plannedEmployee, a.actualEmployee, a.coverKind]), [['a-e1', 'a-e3', 'own']]);

    const plan = await leader.json<{ assignments: Array<{ employee: string; date: string; shift: string }>; absences: Array<{ employee: string; from: string }> }>('GET', `/api/plans/${w.planA}`);
    assert.ok(plan.body.assignments.some((a) => a.employee === 'a-e3' && a.date === '2027-03-06' && a.shift === 'L'));
    assert.ok(!plan.body.assignments.some((a) => a.employee === 'a-e1' && a.date === '2027-03-06'));
    assert.ok(plan.body.absences.some((a) => a.employee === 'a-e1' && a.from === '2027-03-06'));

    const actuals = await leader.json<{ shifts: Array<{ date: string; shift: string; plannedEmployee: string; actualEmployee: string | null; coverKind: string }> }>('GET', `/api/plans/${w.planA}/actuals`);
    assert.equal(actuals.status, 200);
    const l = actuals.body.shifts.filter((s) => s.date === '2027-03-06');
    assert.deepEqual(l.map((s) => [s.plannedEmployee, s.actualEmployee, s.coverKind]), [['a-e1', 'a-e3', 'own']]);
    assert.ok(actuals.body.shifts.some((s) => s.coverKind === 'planned' && s.plannedEmployee === 'a-e2'), 'every other shift as planned');

    const absent = await login(w.app, 'ansatt-a');
    const notices = await absent.json<{ notices: Array<{ messageNb: string }> }>('GET', '/api/me/notices');
    assert.equal(notices.status, 200);
    assert.match(notices.body.notices[0].messageNb, /Fraværet ditt er registrert/);
    assert.equal((await absent.json<{ marked: number }>('POST', '/api/me/notices/read')).body.marked, 1);

    const history = await leader.json<{ absences: Array<{ employee: string; from: string }> }>('GET', `/api/units/testheimen-1/absences?from=2027-03-01&to=2027-03-31`);
    assert.ok(history.body.absences.some((a) => a.employee === 'a-e1' && a.from === '2027-03-06'), 'the absence is in the history the forecast learns from');

    const stale = await leader.send('POST', `/api/plans/${w.planA}/cover`, { baseVersion, absence: { ...absence, from: '2027-03-01', to: '2027-03-01' }, choices: [] });
    assert.equal(stale.status, 409);
  });

  test('a pool employee from another unit who takes the shift joins the plan with their home unit kept', async () => {
    const page = await leader.json<{ plan: { version: number } }>('GET', `/api/plans/${w.planA}/page`);
    const absence2 = { employee: 'a-e2', from: '2027-03-03', to: '2027-03-03', kind: 'leave' as const };
    const prop = await leader.json<{ needs: Need[] }>('POST', `/api/plans/${w.planA}/cover/proposals`, absence2);
    assert.ok(prop.body.needs[0].candidates.some((c) => c.kind === 'pool' && c.employee === 'b-e3'));
    const ok = await leader.json<{ actuals: Array<{ actualEmployee: string; coverKind: string }> }>('POST', `/api/plans/${w.planA}/cover`, {
      baseVersion: page.body.plan.version,
      absence: absence2,
      choices: [{ date: '2027-03-03', shift: 'D', employee: 'b-e3' }],
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual(ok.body.actuals.map((a) => [a.actualEmployee, a.coverKind]), [['b-e3', 'pool']]);
    const plan = await leader.json<{ employees: Array<{ id: string; homeUnit?: string }>; assignments: Array<{ employee: string; date: string; shift: string }> }>('GET', `/api/plans/${w.planA}`);
    assert.equal(plan.body.employees.find((e) => e.id === 'b-e3')?.homeUnit, 'annen-enhet');
    assert.ok(plan.body.assignments.some((a) => a.employee === 'b-e3' && a.date === '2027-03-03' && a.shift === 'D'));
    const home = await w.db.query<{ unit_id: string }>(`select unit_id from employees where id = 'b-e3'`);
    assert.equal(home.rows[0].unit_id, 'annen-enhet');
  });
});
