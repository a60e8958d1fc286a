import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan, violationsOf } from './testkit.js';

const exempt = [{ id: 'e1', name: 'Per Hansen', competence: 'helsefagarbeider', positionPercent: 80, canWorkNights: false }];

test('LAW-10: a night shift for an employee exempt from night work', () => {
  const v = violationsOf(plan({ employees: exempt, rows: [['e1', '2027-01-05', 'N']] }), 'LAW-10');
  assert.equal(v.length, 1);
  assert.equal(v[0].measured, 8); // 22:00–06:00 inside the 21–06 window
});

test('LAW-10: an evening shift with 1.5 h after 21:00 is not night work', () => {
  assert.equal(violationsOf(plan({ employees: exempt, rows: [['e1', '2027-01-05', 'K']] }), 'LAW-10').length, 0);
});
