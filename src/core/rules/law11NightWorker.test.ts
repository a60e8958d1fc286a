import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan, violationsOf, type Row } from './testkit.js';
import { addDays } from '../time/localDate.js';
import { NIGHT_WORKER_28D_MAX_H } from './law11NightWorker.js';

function nights(n: number): Row[] {
  // n nights within the first 28 days, spread as runs.
  const rows: Row[] = [];
  for (let i = 0; rows.length < n && i < 28; i++) if (i % 7 !== 6) rows.push(['e1', addDays('2027-01-04', i), 'N']);
  return rows;
}

test('LAW-11: the 4-week ceiling for night workers is 177.3 h', () => {
  assert.equal(Math.round(NIGHT_WORKER_28D_MAX_H * 10) / 10, 177.3);
});

test('LAW-11: 18 nights of 9.5 h (171 h) in 4 weeks pass, 19 (180.5 h) fail', () => {
  const p18 = plan({ end: '2027-01-31', rows: nights(18) });
  assert.equal(violationsOf(p18, 'LAW-11').length, 0);
  const v = violationsOf(plan({ end: '2027-01-31', rows: nights(19) }), 'LAW-11');
  assert.equal(v.length, 1);
  assert.equal(v[0].measured, 180.5);
});

test('LAW-11: with the risk clause a 9.5 h night breaks 8 h per 24 h', () => {
  const v = violationsOf(plan({ rules: { night: { riskClause: true } }, rows: [['e1', '2027-01-05', 'N']] }), 'LAW-11');
  assert.equal(v.length, 1);
  assert.equal(v[0].reference, 'AML § 10-11 (7)');
});
