import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan, violationsOf } from './testkit.js';

const year = { start: '2027-01-04', end: '2028-01-02', planningForm: 'annual' as const };

test('FER-01: an annual plan with only 3 weeks of vacation has 18 of 30 days', () => {
  const v = violationsOf(plan({ ...year, absences: [{ employee: 'e1', from: '2027-07-05', to: '2027-07-25', kind: 'vacation' }] }), 'FER-01');
  assert.equal(v.length, 1);
  assert.equal(v[0].measured, 18);
  assert.equal(v[0].limit, 30);
});

test('FER-01: five weeks = 30 working days (Sundays and holidays not counted) pass', () => {
  const absences = [
    { employee: 'e1', from: '2027-07-05', to: '2027-07-25', kind: 'vacation' as const },
    { employee: 'e1', from: '2027-10-11', to: '2027-10-24', kind: 'vacation' as const },
  ];
  assert.equal(violationsOf(plan({ ...year, absences }), 'FER-01').length, 0);
});

test('FER-01: a vacation week with a holiday counts 5 days (Easter Monday week)', () => {
  // 29 Mar–4 Apr 2027: Easter Monday is a holiday → 5 working days (Tue–Sat).
  const absences = [
    { employee: 'e1', from: '2027-07-05', to: '2027-08-08', kind: 'vacation' as const },
    { employee: 'e1', from: '2027-03-29', to: '2027-04-04', kind: 'vacation' as const },
  ];
  const v = violationsOf(plan({ ...year, absences }), 'FER-01');
  assert.equal(v.length, 1);
  assert.equal(v[0].measured, 35);
});

test('FER-01: from the year one turns 60 the entitlement is 36 days', () => {
  const employees = [{ id: 'e1', name: 'Berit', competence: 'helsefagarbeider', positionPercent: 100, birthDate: '1967-05-01' }];
  const v = violationsOf(plan({ ...year, employees, absences: [{ employee: 'e1', from: '2027-07-05', to: '2027-08-08', kind: 'vacation' }] }), 'FER-01');
  assert.equal(v.length, 1);
  assert.equal(v[0].limit, 36);
});
