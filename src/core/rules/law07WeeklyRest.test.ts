import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan, violationsOf, run, weekdays, type Row } from './testkit.js';

test('LAW-07: seven day shifts in a calendar week leave no 35 h rest (longest 16 h)', () => {
  const v = violationsOf(plan({ rows: run('e1', '2027-01-04', 7, 'D') }), 'LAW-07');
  assert.equal(v.length, 1);
  assert.deepEqual(v[0].dates, ['2027-01-04', '2027-01-10']);
  assert.equal(v[0].measured, 16);
  assert.equal(v[0].limit, 35);
});

test('LAW-07: Monday–Friday days with the weekend off pass', () => {
  assert.equal(violationsOf(plan({ rows: weekdays('e1', '2027-01-04', 6, 'D') }), 'LAW-07').length, 0);
});

test('LAW-07: a rest over the week boundary (Sat 15:00 → Tue 07:00) counts for both weeks', () => {
  const rows: Row[] = [...run('e1', '2027-01-04', 6, 'D'), ...run('e1', '2027-01-12', 6, 'D')];
  const v = violationsOf(plan({ end: '2027-01-24', rows }), 'LAW-07');
  assert.equal(v.length, 0);
});

test('LAW-07: a night worker with 38.5 h off Tue 07:30 → Wed 22:00 has the weekly rest', () => {
  const rows: Row[] = [['e1', '2027-01-04', 'N'], ['e1', '2027-01-06', 'N'], ['e1', '2027-01-07', 'N'], ['e1', '2027-01-08', 'N'], ['e1', '2027-01-09', 'N'], ['e1', '2027-01-10', 'N']];
  assert.equal(violationsOf(plan({ end: '2027-01-17', rows }), 'LAW-07').length, 0);
});

test('LAW-07: 28 h by agreement – a 32 h rest passes only with the agreement', () => {
  // D Mon–Fri, K Sat (ends 22:30), D Mon next week: Sat 22:30 → Mon 07:00 = 32.5 h. Week 2 all free.
  const rows: Row[] = [...run('e1', '2027-01-04', 5, 'D'), ['e1', '2027-01-09', 'K'], ['e1', '2027-01-11', 'D']];
  const strict = violationsOf(plan({ end: '2027-01-17', rows }), 'LAW-07');
  assert.equal(strict.length, 1);
  const agreed = violationsOf(plan({ end: '2027-01-17', rules: { weeklyRest: { minHours: 28, agreementRef: 'Avtale 3/2026' } }, rows }), 'LAW-07');
  assert.equal(agreed.length, 0);
});

test('LAW-07 rolling mode: 12 days in a row without 35 h off is flagged; calendar weeks would pass', () => {
  // Days Wed–Sun of week 1 and Mon–Sun… : free Mon–Tue of week 1 only, then 12 working days Wed → Sun.
  const rows: Row[] = run('e1', '2027-01-06', 12, 'D');
  const rolling = violationsOf(plan({ end: '2027-01-24', rules: { weeklyRest: { mode: 'rolling' } }, rows }), 'LAW-07');
  assert.equal(rolling.length, 1);
  assert.equal(rolling[0].limit, 98);
  // From Wed 07:00 to the next Mon 15:00 … the stretch between rests is 11 × 24 + 8 = 272 h.
  assert.equal(rolling[0].measured, 272);
});
