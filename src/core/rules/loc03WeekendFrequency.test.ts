import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan, violationsOf, type Row } from './testkit.js';

const weekend = (sat: string, sun: string): Row[] => [['e1', sat, 'L'], ['e1', sun, 'L']];

test('LOC-03: every third weekend over 6 weeks allows 2 weekends; 3 is too many', () => {
  const rows = [...weekend('2027-01-09', '2027-01-10'), ...weekend('2027-01-23', '2027-01-24'), ...weekend('2027-02-06', '2027-02-07')];
  const v = violationsOf(plan({ rows }), 'LOC-03');
  assert.equal(v.length, 1);
  assert.equal(v[0].measured, 3);
  assert.equal(v[0].limit, 2);
  assert.equal(v[0].severity, 'soft');
});

test('LOC-03: two weekends in a row', () => {
  const rows = [...weekend('2027-01-09', '2027-01-10'), ['e1', '2027-01-16', 'D'] as Row];
  const v = violationsOf(plan({ rows }), 'LOC-03');
  assert.equal(v.length, 1);
  assert.equal(v[0].measured, 2);
  assert.equal(v[0].limit, 1);
});

test('LOC-03: a Friday night that ends Saturday 07:30 touches the weekend (7.5 h ≥ 60 min)', () => {
  const rows: Row[] = [['e1', '2027-01-08', 'N'], ['e1', '2027-01-15', 'N'], ['e1', '2027-01-22', 'N']];
  const v = violationsOf(plan({ rows }), 'LOC-03');
  assert.ok(v.some((x) => x.measured === 3 && x.limit === 2));
  assert.ok(v.some((x) => x.measured === 2 && x.limit === 1));
});

test('LOC-03: every second weekend by personal agreement, made hard by the rule set', () => {
  const employees = [{ id: 'e1', name: 'Kari', competence: 'sykepleier', positionPercent: 100, weekendFrequency: 2 }];
  const rows = [...weekend('2027-01-09', '2027-01-10'), ...weekend('2027-01-23', '2027-01-24'), ...weekend('2027-02-06', '2027-02-07')];
  const v = violationsOf(plan({ employees, rules: { weekend: { severity: 'hard' } }, rows }), 'LOC-03');
  assert.equal(v.length, 0);
});
