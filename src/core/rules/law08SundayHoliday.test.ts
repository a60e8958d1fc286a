import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan, violationsOf, type Row } from './testkit.js';

test('LAW-08: working two Sundays in a row breaks the main rule', () => {
  const v = violationsOf(plan({ rows: [['e1', '2027-01-10', 'D'], ['e1', '2027-01-17', 'D']] }), 'LAW-08');
  assert.equal(v.length, 1);
  assert.deepEqual(v[0].dates, ['2027-01-10', '2027-01-17']);
  assert.equal(v[0].reference, 'AML § 10-8 (4), § 10-10');
  assert.equal(v[0].severity, 'hard');
});

test('LAW-08: every other Sunday is fine', () => {
  assert.equal(violationsOf(plan({ rows: [['e1', '2027-01-10', 'D'], ['e1', '2027-01-24', 'D']] }), 'LAW-08').length, 0);
});

test('LAW-08: a Saturday night (22:00 → 07:30) is Sunday work; a Sunday night is not', () => {
  // Saturday nights on 9 and 16 Jan: 9.5 h in the Sunday zone each → two Sundays in a row.
  assert.equal(violationsOf(plan({ rows: [['e1', '2027-01-09', 'N'], ['e1', '2027-01-16', 'N']] }), 'LAW-08').length, 1);
  // Sunday nights 10 and 17 Jan start at 22:00 when the zone ends: no Sunday work at all.
  assert.equal(violationsOf(plan({ rows: [['e1', '2027-01-10', 'N'], ['e1', '2027-01-17', 'N']] }), 'LAW-08').length, 0);
});

test('LAW-08: the Christmas block – working both 25 and 26 December', () => {
  const p = plan({ start: '2027-12-20', end: '2028-01-02', rows: [['e1', '2027-12-25', 'D'], ['e1', '2027-12-26', 'D']] });
  const v = violationsOf(p, 'LAW-08');
  assert.equal(v.length, 1);
  assert.deepEqual(v[0].dates, ['2027-12-25', '2027-12-26']);
  // An evening on Christmas Eve from 15:00 is already inside the zone: 24 + 25 Dec is two red days.
  const p2 = plan({ start: '2027-12-20', end: '2028-01-02', rows: [['e1', '2027-12-24', 'K'], ['e1', '2027-12-26', 'D']] });
  assert.equal(violationsOf(p2, 'LAW-08').length, 1);
});

test('LAW-08: Easter 2027 on the DST night – the Easter Saturday night counts for Easter Sunday', () => {
  const p = plan({ start: '2027-03-22', end: '2027-04-04', rows: [['e1', '2027-03-27', 'N'], ['e1', '2027-03-29', 'D']] });
  const v = violationsOf(p, 'LAW-08');
  assert.equal(v.length, 1);
  assert.deepEqual(v[0].dates, ['2027-03-28', '2027-03-29']);
});

test('LAW-08 averaging: over 6 weeks with 6 red days at least 3 must be free', () => {
  const rules = { sundayRule: { mode: 'averaging' as const, averagingWeeks: 6 } };
  const four: Row[] = ['2027-01-10', '2027-01-17', '2027-01-24', '2027-02-07'].map((d) => ['e1', d, 'D']);
  const v = violationsOf(plan({ rules, rows: four }), 'LAW-08').filter((x) => x.message.includes('annenhver'));
  assert.equal(v.length, 1);
  assert.equal(v[0].measured, 2);
  assert.equal(v[0].limit, 3);
  const three: Row[] = ['2027-01-10', '2027-01-17', '2027-02-07'].map((d) => ['e1', d, 'D']);
  assert.equal(violationsOf(plan({ rules, rows: three }), 'LAW-08').length, 0);
});

test('LAW-08 averaging: a free Sunday at least every 4th week', () => {
  const rules = { sundayRule: { mode: 'averaging' as const, averagingWeeks: 26 } };
  const rows: Row[] = ['2027-01-10', '2027-01-17', '2027-01-24', '2027-01-31'].map((d) => ['e1', d, 'D']);
  const v = violationsOf(plan({ rules, rows }), 'LAW-08');
  assert.ok(v.some((x) => x.message.includes('fireukersperioden')));
});
