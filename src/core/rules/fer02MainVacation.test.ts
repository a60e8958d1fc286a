import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan, violationsOf } from './testkit.js';

const year = { start: '2027-01-04', end: '2028-01-02', planningForm: 'annual' as const };

test('FER-02: two weeks in July is not a three-week main vacation', () => {
  const v = violationsOf(plan({ ...year, absences: [{ employee: 'e1', from: '2027-07-05', to: '2027-07-18', kind: 'vacation' }] }), 'FER-02');
  assert.equal(v.length, 1);
  assert.equal(v[0].measured, 12);
  assert.equal(v[0].limit, 18);
  assert.equal(v[0].severity, 'soft');
});

test('FER-02: three weeks from 5 July pass; the check is skipped when the plan does not cover June–September', () => {
  assert.equal(violationsOf(plan({ ...year, absences: [{ employee: 'e1', from: '2027-07-05', to: '2027-07-25', kind: 'vacation' }] }), 'FER-02').length, 0);
  assert.equal(violationsOf(plan({}), 'FER-02').length, 0);
});
