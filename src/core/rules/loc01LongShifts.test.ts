import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan, violationsOf, run } from './testkit.js';

test('LOC-01: a long shift for someone who has not agreed to long shifts', () => {
  const employees = [{ id: 'e1', name: 'Anne Berg', competence: 'sykepleier', positionPercent: 75, canWorkLongShifts: false }];
  const v = violationsOf(plan({ employees, rows: [['e1', '2027-01-09', 'L']] }), 'LOC-01');
  assert.equal(v.length, 1);
  assert.match(v[0].message, /ikke har sagt ja til langvakter/);
});

test('LOC-01: four long shifts in a row when the local agreement allows three', () => {
  const v = violationsOf(plan({ rows: run('e1', '2027-01-07', 4, 'L') }), 'LOC-01');
  assert.equal(v.length, 1);
  assert.equal(v[0].measured, 4);
  assert.equal(v[0].limit, 3);
  assert.deepEqual(v[0].dates, ['2027-01-07', '2027-01-10']);
});

test('LOC-01: under an individual averaging agreement a 12.5 h shift is above 10 h', () => {
  const v = violationsOf(plan({ rules: { averaging: { tier: 'individual' } }, rows: [['e1', '2027-01-09', 'L']] }), 'LOC-01');
  assert.equal(v.length, 1);
  assert.equal(v[0].measured, 12.5);
  assert.equal(v[0].limit, 10);
});

test('LOC-01: a 12.5 h weekend long shift under the tillitsvalgte tier passes', () => {
  assert.equal(violationsOf(plan({ rows: [['e1', '2027-01-09', 'L'], ['e1', '2027-01-10', 'L']] }), 'LOC-01').length, 0);
});
