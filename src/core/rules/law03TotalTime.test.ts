import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan, violationsOf } from './testkit.js';

test('LAW-03: evening 14:30–22:30 followed by day 07:00 = 15.5 h within 24 h > 13 h', () => {
  const v = violationsOf(plan({ rows: [['e1', '2027-01-05', 'K'], ['e1', '2027-01-06', 'D']] }), 'LAW-03');
  assert.equal(v.length, 1);
  assert.equal(v[0].measured, 15.5);
  assert.equal(v[0].limit, 13);
});

test('LAW-03: a tariff agreement may raise the cap to 16 h per 24 h', () => {
  const p = plan({ rules: { totalTime: { maxHoursPer24: 16, agreementRef: 'Særavtale 2027-01' } }, rows: [['e1', '2027-01-05', 'K'], ['e1', '2027-01-06', 'D']] });
  assert.equal(violationsOf(p, 'LAW-03').length, 0);
});

test('LAW-03: a 13.5 h shift breaks 13 h', () => {
  const p = plan({ shiftTypes: [{ code: 'LL', start: '07:30', end: '21:00' }], rows: [['e1', '2027-01-09', 'LL']] });
  const v = violationsOf(p, 'LAW-03');
  assert.equal(v.length, 1);
  assert.equal(v[0].measured, 13.5);
});
