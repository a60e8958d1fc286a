import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { login, testWorld, UNIT_A, UNIT_B, type TestClient, type TestWorld } from './testing.js';

type Errors = { errors: Array<{ path: string; message: string }> };
interface Settings {
  plan: { id: string; version: number; status: string };
  editable: boolean;
  planningForm: string;
  shiftTypes: Array<{ code: string; start: string; end: string; name?: string; category?: string }>;
  demand: Array<{ shift: string; days?: string[]; dates?: string[]; min: number; target?: number; competence?: string }>;
  rules: Record<string, Record<string, unknown>>;
  bounds: Array<{ path: string; default: number; min?: number; max?: number; lawMin?: number; lawMax?: number; law: string; value: number }>;
  usage: Record<string, number>;
  check: { hardCount: number; softCount: number };
}
interface Compare {
  from: { version: number; hardCount: number; softCount: number };
  to: { version: number; hardCount: number; softCount: number };
  cells: Array<{ employee: string; date: string; before: string | null; after: string | null }>;
  hours: Array<{ employee: string; before: number | null; after: number | null; delta: number }>;
  violations: { hardDelta: number; softDelta: number; byRule: Array<{ rule: string; before: number; after: number }>; added: unknown[]; resolved: unknown[] };
  settingsChanged: string[];
}

describe('plan settings, new plans from a template, version comparison', () => {
  let w: TestWorld;
  let planner: TestClient;
  let employee: TestClient;
  let rep: TestClient;
  let otherLeader: TestClient;

  before(async () => {
    w = await testWorld();
    planner = await login(w.app, 'planlegger-a');
    employee = await login(w.app, 'ansatt-a');
    rep = await login(w.app, 'tillitsvalgt-a');
    otherLeader = await login(w.app, 'leder-b');
  });
  after(async () => {
    await w?.close();
  });

  const settingsOf = async (planId: string) => {
    const r = await planner.json<Settings>('GET', `/api/plans/${planId}/settings`);
    assert.equal(r.status, 200);
    return r.body;
  };
  const bodyOf = (s: Settings, patch: Partial<Pick<Settings, 'shiftTypes' | 'demand' | 'rules'>> & { baseVersion?: number } = {}) => ({
    baseVersion: patch.baseVersion ?? s.plan.version,
    shiftTypes: patch.shiftTypes ?? s.shiftTypes,
    demand: patch.demand ?? s.demand,
    rules: patch.rules ?? s.rules,
  });

  test('GET settings: shift types, staffing plan and every rule parameter with default, bounds and reference', async () => {
    const s = await settingsOf(w.planA);
    assert.equal(s.editable, true);
    assert.deepEqual(s.shiftTypes.map((x) => x.code), ['D', 'A', 'N', 'L', 'PD']);
    assert.equal(s.demand.length, 4);
    const daily = s.bounds.find((b) => b.path === 'dailyRest.minHours')!;
    assert.deepEqual([daily.default, daily.min, daily.lawMin, daily.value, daily.law], [11, 8, 11, 10, 'AML § 10-8 (1) og (3)']);
    assert.ok(s.bounds.find((b) => b.path === 'totalTime.maxHoursPer24' && b.lawMax === 13 && b.max === 16));
    assert.equal(s.usage.D, 2);
  });

  test('only leaders, planners and admins of the unit: employee and representative 403, another unit 403', async () => {
    assert.equal((await employee.get(`/api/plans/${w.planA}/settings`)).status, 403);
    assert.equal((await rep.get(`/api/plans/${w.planA}/settings`)).status, 403);
    assert.equal((await otherLeader.get(`/api/plans/${w.planA}/settings`)).status, 403);
    const s = await settingsOf(w.planA);
    const put = await employee.json<Errors>('PUT', `/api/plans/${w.planA}/settings`, bodyOf(s));
    assert.equal(put.status, 403);
    const created = await employee.json<Errors>('POST', `/api/units/${UNIT_A}/plans/new`, { start: '2027-04-05', end: '2027-05-02' });
    assert.equal(created.status, 403);
    assert.equal((await otherLeader.json('POST', `/api/units/${UNIT_A}/plans/new`, { start: '2027-04-05', end: '2027-05-02' })).status, 403);
    assert.equal((await employee.get(`/api/plans/${w.planA}/compare?from=1&to=1`)).status, 403);
  });

  test('PUT settings: parameters outside their legal bounds, bad shift types and staffing lines are field errors; nothing is saved', async () => {
    const s = await settingsOf(w.planA);
    const rules = { ...s.rules, dailyRest: { minHours: 7, agreementRef: 'Avtale' }, weekend: { ...s.rules.weekend, frequency: 9 }, totalTime: { maxHoursPer24: 14, agreementRef: null } };
    const shiftTypes = [...s.shiftTypes.slice(0, 4).map((x, i) => (i === 1 ? { ...x, end: x.start } : x)), { code: 'D', start: '07:00', end: '15:00' }, s.shiftTypes[4]];
    const demand = s.demand.map((d, i) => (i === 0 ? { ...d, min: 3, target: 2 } : d));
    const r = await planner.json<Errors>('PUT', `/api/plans/${w.planA}/settings`, bodyOf(s, { rules, shiftTypes, demand }));
    assert.equal(r.status, 400);
    const by = new Map(r.body.errors.map((e) => [e.path, e.message]));
    assert.match(by.get('rules.dailyRest.minHours') ?? '', /under nedre grense 8 h \(AML § 10-8 \(1\) og \(3\)\)/);
    assert.match(by.get('rules.weekend.frequency') ?? '', /over øvre grense 6/);
    assert.match(by.get('rules.totalTime.agreementRef') ?? '', /over 13 t krever tariffavtale.*AML § 10-6/);
    assert.match(by.get('shiftTypes[1].end') ?? '', /lik start og slutt/);
    assert.match(by.get('shiftTypes[4].code') ?? '', /finnes allerede/);
    assert.match(by.get('demand[0].target') ?? '', /lavere enn minimum/);
    assert.equal((await settingsOf(w.planA)).plan.version, s.plan.version);
    // A shift code still used in the rota cannot be removed.
    const removed = await planner.json<Errors>('PUT', `/api/plans/${w.planA}/settings`, bodyOf(s, { shiftTypes: s.shiftTypes.filter((x) => x.code !== 'A'), demand: s.demand.filter((d) => d.shift !== 'A') }));
    assert.equal(removed.status, 400);
    assert.match(removed.body.errors[0].message, /«A» brukes i 2 vakter/);
  });

  test('PUT settings saves the next version, audit-logged and re-checked; a stale baseVersion is 409', async () => {
    const s = await settingsOf(w.planA);
    const demand = s.demand.map((d, i) => (i === 0 ? { ...d, min: 3, target: 3 } : d));
    const rules = { ...s.rules, dailyRest: { minHours: 9, agreementRef: 'Lokal avtale 2027-02' } };
    const r = await planner.json<Settings>('PUT', `/api/plans/${w.planA}/settings`, bodyOf(s, { demand, rules }));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.plan.version, s.plan.version + 1);
    assert.equal(r.body.demand[0].min, 3);
    assert.equal(r.body.rules.dailyRest.minHours, 9);
    assert.ok(r.body.check.hardCount > s.check.hardCount, 'a higher minimum staffing is re-checked at once');
    const audit = await planner.json<{ entries: Array<{ action: string; details: { version: number; changed: string[] } }> }>('GET', `/api/plans/${w.planA}/audit`);
    const entry = audit.body.entries.find((e) => e.action === 'plan.settings')!;
    assert.equal(entry.details.version, s.plan.version + 1);
    assert.deepEqual(entry.details.changed, ['demand', 'rules.dailyRest.minHours', 'rules.dailyRest.agreementRef']);
    const stale = await planner.json<Errors>('PUT', `/api/plans/${w.planA}/settings`, bodyOf(s));
    assert.equal(stale.status, 409);
    assert.equal(stale.body.errors[0].path, 'baseVersion');
  });

  test('POST /api/units/:id/plans/new: a draft from the latest plan, nothing assigned; the shared shift types keep their times', async () => {
    const bad = await planner.json<Errors>('POST', `/api/units/${UNIT_A}/plans/new`, { start: '2027-05-02', end: '2027-04-05' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].path, 'body.end');
    const r = await planner.json<{ plan: { id: string; status: string; version: number; employeeCount: number; assignmentCount: number; start: string } }>('POST', `/api/units/${UNIT_A}/plans/new`, {
      start: '2027-04-05',
      end: '2027-05-02',
      planningForm: 'rolling',
      name: 'Vår 2027',
    });
    assert.equal(r.status, 201);
    assert.deepEqual([r.body.plan.status, r.body.plan.version, r.body.plan.employeeCount, r.body.plan.assignmentCount], ['draft', 1, 3, 0]);
    const s = await settingsOf(r.body.plan.id);
    const template = await settingsOf(w.planA);
    assert.equal(s.planningForm, 'rolling');
    assert.deepEqual(s.shiftTypes, template.shiftTypes);
    assert.deepEqual(s.rules, template.rules);
    // The dated night line of the template lies outside the new period: dropped; weekday lines copied.
    assert.deepEqual(s.demand, template.demand.filter((d) => !d.dates));
    // Changing the times of D, which plan A uses too, is refused (it would change plan A); a new code is fine.
    const moved = s.shiftTypes.map((x) => (x.code === 'D' ? { ...x, start: '07:30' } : x));
    const refused = await planner.json<Errors>('PUT', `/api/plans/${r.body.plan.id}/settings`, bodyOf(s, { shiftTypes: moved }));
    assert.equal(refused.status, 409);
    assert.equal(refused.body.errors[0].path, 'shiftTypes[0].code');
    const added = await planner.json<Settings>('PUT', `/api/plans/${r.body.plan.id}/settings`, bodyOf(s, { shiftTypes: [...s.shiftTypes, { code: 'D2', name: 'Tidligvakt', start: '07:30', end: '15:30' }] }));
    assert.equal(added.status, 200, JSON.stringify(added.body));
    assert.equal(added.body.shiftTypes.at(-1)?.code, 'D2');
    // Another unit's plan is no template.
    const foreign = await planner.json<Errors>('POST', `/api/units/${UNIT_A}/plans/new`, { start: '2027-04-05', end: '2027-05-02', templatePlanId: w.planB });
    assert.equal(foreign.status, 400);
    assert.equal(foreign.body.errors[0].path, 'body.templatePlanId');
    assert.equal((await otherLeader.json('GET', `/api/units/${UNIT_B}/plans`)).status, 200);
  });

  test('GET compare: the changed cells, hours per person and the change in violations between two versions', async () => {
    const page = await planner.json<{ plan: { version: number }; view: { assignments: Array<{ employee: string; date: string; shift: string }> } }>('GET', `/api/plans/${w.planA}/page`);
    const from = page.body.plan.version;
    // a-e1 gets a night on Sunday 7 March and loses the day shift on Monday 1 March.
    const assignments = [...page.body.view.assignments.filter((a) => !(a.employee === 'a-e1' && a.date === '2027-03-01')), { employee: 'a-e1', date: '2027-03-07', shift: 'N' }];
    const saved = await planner.json<{ plan: { version: number } }>('PUT', `/api/plans/${w.planA}/assignments`, { baseVersion: from, assignments });
    assert.equal(saved.status, 200);
    const to = saved.body.plan.version;
    const r = await planner.json<Compare>('GET', `/api/plans/${w.planA}/compare?from=${from}&to=${to}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body.cells, [
      { employee: 'a-e1', name: 'Kari Nordmann', date: '2027-03-01', before: 'D', after: null },
      { employee: 'a-e1', name: 'Kari Nordmann', date: '2027-03-07', before: null, after: 'N' },
    ]);
    const kari = r.body.hours.find((h) => h.employee === 'a-e1')!;
    assert.ok(kari.after! > kari.before!, 'a 9.5 h night for an 8 h day: more hours');
    assert.equal(kari.delta, Math.round((kari.after! - kari.before!) * 10) / 10);
    assert.deepEqual(r.body.hours.map((h) => h.employee), ['a-e1']);
    assert.equal(r.body.violations.hardDelta, r.body.to.hardCount - r.body.from.hardCount);
    assert.equal(r.body.violations.softDelta, r.body.to.softCount - r.body.from.softCount);
    for (const x of r.body.violations.byRule) assert.notEqual(x.before, x.after);
    assert.deepEqual(r.body.settingsChanged, []);
    // Across the settings change of the earlier test the staffing plan and the rule differ.
    const early = await planner.json<Compare>('GET', `/api/plans/${w.planA}/compare?from=1&to=${to}`);
    assert.equal(early.status, 200);
    assert.ok(early.body.settingsChanged.includes('demand') && early.body.settingsChanged.includes('rules.dailyRest.minHours'));
    // The representative compares too (absence kinds hidden); unknown versions are 404 on the field.
    assert.equal((await rep.get(`/api/plans/${w.planA}/compare?from=${from}&to=${to}`)).status, 403, 'a draft is not the representative’s');
    const missing = await planner.json<Errors>('GET', `/api/plans/${w.planA}/compare?from=${from}&to=99`);
    assert.equal(missing.status, 404);
    assert.equal(missing.body.errors[0].path, 'query.to');
    assert.equal((await planner.json<Errors>('GET', `/api/plans/${w.planA}/compare?from=x&to=1`)).status, 400);
    const versions = await planner.json<{ current: number; versions: Array<{ version: number }> }>('GET', `/api/plans/${w.planA}/versions`);
    assert.equal(versions.body.current, to);
    assert.deepEqual(versions.body.versions.map((v) => v.version), Array.from({ length: to }, (_, i) => to - i));
  });

  test('POST plans/new follows the employee register: an ended employee is left out, one starting after the period too, a new one employed in the period is added', async () => {
    const employeesOf = async (planId: string) => {
      const page = await planner.json<{ view: { employees: Array<{ id: string }> } }>('GET', `/api/plans/${planId}/page`);
      assert.equal(page.status, 200);
      return page.body.view.employees.map((e) => e.id).sort();
    };
    const template = await employeesOf(w.planA);
    assert.ok(template.includes('a-e3'), template.join(','));
    // a-e3 is in plan A, so ending the employment keeps the record with its last day.
    const ended = await planner.json<{ outcome: string; employee: { employedTo: string } }>('DELETE', `/api/units/${UNIT_A}/employees/a-e3?lastDay=2027-05-31`);
    assert.equal(ended.status, 200, JSON.stringify(ended.body));
    assert.deepEqual([ended.body.outcome, ended.body.employee.employedTo], ['ended', '2027-05-31']);
    const hire = (id: string, employedFrom: string) =>
      planner.json('POST', `/api/units/${UNIT_A}/employees`, { id, name: `Ny ${id}`, competence: 'helsefagarbeider', positionPercent: 50, employedFrom });
    assert.equal((await hire('a-e801', '2027-06-01')).status, 201);
    assert.equal((await hire('a-e802', '2027-08-01')).status, 201);

    const r = await planner.json<{ plan: { id: string; employeeCount: number } }>('POST', `/api/units/${UNIT_A}/plans/new`, { start: '2027-06-07', end: '2027-07-04', templatePlanId: w.planA });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const expected = [...template.filter((id) => id !== 'a-e3'), 'a-e801'].sort();
    assert.deepEqual(await employeesOf(r.body.plan.id), expected);
    assert.equal(r.body.plan.employeeCount, expected.length);
    // A period that ends before a-e3's last day still has them (and not the later hires).
    const before = await planner.json<{ plan: { id: string } }>('POST', `/api/units/${UNIT_A}/plans/new`, { start: '2027-05-03', end: '2027-05-30', templatePlanId: w.planA });
    assert.equal(before.status, 201, JSON.stringify(before.body));
    assert.deepEqual(await employeesOf(before.body.plan.id), template);
    // Ending the employment did not touch the register otherwise, and the template plan keeps a-e3.
    assert.deepEqual(await employeesOf(w.planA), template);
  });
});
