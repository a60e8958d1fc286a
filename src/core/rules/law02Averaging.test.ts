import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan, violationsOf, run } from './testkit.js';
import { addDays } from '../time/localDate.js';
import type { Row } from './testkit.js';

test('LAW-02: seven long shifts in one week = 87.5 h > 54 h (tillitsvalgte tier)', () => {
  const p = plan({ rows: run('e1', '2027-01-04', 7, 'L') });
  const v = violationsOf(p, 'LAW-02').filter((x) => x.limit === 54);
  assert.equal(v.length, 1);
  assert.equal(v[0].measured, 87.5);
  assert.deepEqual(v[0].dates, ['2027-01-04', '2027-01-10']);
  assert.equal(v[0].reference, 'AML § 10-5 (2)');
});

test('LAW-02: individual tier caps a single week at 50 h', () => {
  const rows = run('e1', '2027-01-04', 6, 'D').concat([['e1', '2027-01-10', 'D']] as Row[]);
  const p = plan({ rules: { averaging: { tier: 'individual' } }, rows });
  const v = violationsOf(p, 'LAW-02').filter((x) => x.limit === 50);
  assert.equal(v.length, 1);
  assert.equal(v[0].measured, 56);
  assert.equal(v[0].reference, 'AML § 10-5 (1)');
});

test('LAW-02: 4 long shifts a week for 6 weeks = 50 h average > 48 h', () => {
  const rows: Row[] = [];
  for (let w = 0; w < 6; w++) for (const d of [0, 2, 4, 6]) rows.push(['e1', addDays('2027-01-04', w * 7 + d), 'L']);
  const v = violationsOf(plan({ rows }), 'LAW-02');
  assert.equal(v.length, 1);
  assert.equal(v[0].measured, 50);
  assert.equal(v[0].limit, 48);
});

test('LAW-02: two shifts within 24 h adding up to 13 h > 12.5 h', () => {
  const p = plan({
    shiftTypes: [
      { code: 'X', start: '00:00', end: '06:30', breakMinutes: 30, breakPaid: true },
      { code: 'Y', start: '13:00', end: '19:30', breakMinutes: 30, breakPaid: true },
    ],
    rows: [],
  });
  // Same date twice is not allowed; put X on day 2 00:00 and Y on day 1 13:00 → 6.5 + 6.5 within 24 h.
  const p2 = plan({ ...p, rows: [['e1', '2027-01-05', 'Y'], ['e1', '2027-01-06', 'X']] });
  const v = violationsOf(p2, 'LAW-02');
  assert.equal(v.length, 1);
  assert.equal(v[0].measured, 13);
  assert.equal(v[0].limit, 12.5);
});
