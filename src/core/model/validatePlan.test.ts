import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlan } from './validatePlan.js';
import { checkRuleSetBounds, defaultRuleSet, RuleSetSchema } from './ruleSet.js';

const base = () => ({
  unit: 'Solsiden 2. etg',
  start: '2027-01-04',
  end: '2027-02-14',
  shiftTypes: [
    { code: 'D', start: '07:00', end: '15:00' },
    { code: 'N', start: '22:00', end: '07:30' },
  ],
  employees: [{ id: 'e1', name: 'Kari Nordmann', competence: 'sykepleier', positionPercent: 80 }],
  assignments: [] as Array<{ employee: string; date: string; shift: string }>,
});

function problems(raw: unknown) {
  const r = parsePlan(raw);
  assert.equal(r.ok, false);
  return r.ok ? [] : r.problems;
}

test('the example plan shape of the issue is accepted with defaults filled in', () => {
  const r = parsePlan(base());
  assert.ok(r.ok);
  assert.equal(r.value.planningForm, 'calendar');
  assert.equal(r.value.rules.dailyRest.minHours, 11);
  assert.deepEqual(r.value.demand, []);
});

test('a position percentage of 140 names the field and the reason', () => {
  const p = base();
  p.employees[0].positionPercent = 140;
  const [x] = problems(p);
  assert.equal(x.path, 'employees[0].positionPercent');
  assert.match(x.message, /over 100/);
});

test('an unknown shift code names the assignment', () => {
  const p = base();
  p.assignments.push({ employee: 'e1', date: '2027-01-04', shift: 'X' });
  const [x] = problems(p);
  assert.equal(x.path, 'assignments[0].shift');
  assert.match(x.message, /ukjent vaktkode «X»/);
});

test('a date outside the period', () => {
  const p = base();
  p.assignments.push({ employee: 'e1', date: '2027-03-01', shift: 'D' });
  const [x] = problems(p);
  assert.equal(x.path, 'assignments[0].date');
  assert.match(x.message, /utenfor perioden/);
});

test('an employee twice on overlapping shifts (night ends 07:30, day starts 07:00)', () => {
  const p = base();
  p.assignments.push({ employee: 'e1', date: '2027-01-04', shift: 'N' }, { employee: 'e1', date: '2027-01-05', shift: 'D' });
  const [x] = problems(p);
  assert.equal(x.path, 'assignments[1]');
  assert.match(x.message, /overlapper/);
});

test('two shifts for one person on one date', () => {
  const p = base();
  p.assignments.push({ employee: 'e1', date: '2027-01-04', shift: 'D' }, { employee: 'e1', date: '2027-01-04', shift: 'N' });
  assert.ok(problems(p).some((x) => x.path === 'assignments[1]' && /én vakt per person per dag/.test(x.message)));
});

test('malformed values: a non-date, a bad clock, an unknown field, a missing field — all reported at once', () => {
  const p = { ...base(), start: '2027-02-30', extra: 1 } as Record<string, unknown>;
  (p.shiftTypes as Array<Record<string, unknown>>)[0].start = '7:00';
  delete p.unit;
  const list = problems(p);
  const paths = list.map((x) => x.path);
  assert.ok(paths.includes('start'));
  assert.ok(paths.includes('shiftTypes[0].start'));
  assert.ok(paths.includes('unit'));
  assert.ok(list.some((x) => x.path === '(rot)' && /extra/.test(x.message)));
});

test('rule parameters outside their legal bounds are rejected naming the bound and the law', () => {
  const p = { ...base(), rules: { dailyRest: { minHours: 7, agreementRef: 'x' } } };
  const [x] = problems(p);
  assert.equal(x.path, 'rules.dailyRest.minHours');
  assert.match(x.message, /under nedre grense 8 h \(AML § 10-8 \(1\) og \(3\)\)/);
});

test('reduced daily rest without an agreement is rejected (AML § 10-8 (3))', () => {
  const issues = checkRuleSetBounds(RuleSetSchema.parse({ dailyRest: { minHours: 9 } }));
  assert.equal(issues.length, 1);
  assert.equal(issues[0].path, 'dailyRest.agreementRef');
});

test('long shifts above 12.5 h by local agreement are out of bounds (AML § 10-5 (2))', () => {
  const issues = checkRuleSetBounds(RuleSetSchema.parse({ longShifts: { localMaxHours: 13 } }));
  assert.ok(issues.some((i) => i.path === 'longShifts.localMaxHours' && /AML § 10-5 \(2\)/.test(i.message)));
});

test('a night window shorter than 8 h or not containing 00–06 is rejected (AML § 10-11 (1))', () => {
  assert.ok(checkRuleSetBounds(RuleSetSchema.parse({ night: { start: '23:00', end: '06:00' } })).some((i) => i.path === 'night'));
  assert.ok(checkRuleSetBounds(RuleSetSchema.parse({ night: { start: '20:00', end: '05:00' } })).some((i) => i.path === 'night'));
  assert.equal(checkRuleSetBounds(RuleSetSchema.parse({ night: { start: '22:00', end: '06:00' } })).length, 0);
});

test('the KS defaults are within every bound', () => {
  assert.deepEqual(checkRuleSetBounds(defaultRuleSet()), []);
});
