import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan, violationsOf, run, type Row } from './testkit.js';

test('PRA-01: evening → day is a quick return (soft); a local allowance of 1 per 4 weeks lets one pass', () => {
  const rows: Row[] = [['e1', '2027-01-05', 'K'], ['e1', '2027-01-06', 'D'], ['e1', '2027-01-12', 'K'], ['e1', '2027-01-13', 'D']];
  const v = violationsOf(plan({ rows }), 'PRA-01');
  assert.equal(v.length, 2);
  assert.equal(v[0].severity, 'soft');
  assert.equal(violationsOf(plan({ rules: { soft: { quickReturnMaxPer4Weeks: 1 } }, rows }), 'PRA-01').length, 1);
});

test('PRA-02: night then a day shift after only one free day', () => {
  const rows: Row[] = [['e1', '2027-01-04', 'N'], ['e1', '2027-01-05', 'N'], ['e1', '2027-01-07', 'D']];
  const v = violationsOf(plan({ rows }), 'PRA-02');
  assert.equal(v.length, 1);
  assert.equal(v[0].measured, 1);
  assert.equal(v[0].limit, 2);
  assert.equal(violationsOf(plan({ rows: [['e1', '2027-01-04', 'N'], ['e1', '2027-01-05', 'N'], ['e1', '2027-01-08', 'D']] }), 'PRA-02').length, 0);
});

test('PRA-03: six working days in a row (max 5)', () => {
  const v = violationsOf(plan({ rows: run('e1', '2027-01-04', 6, 'D') }), 'PRA-03');
  assert.equal(v.length, 1);
  assert.equal(v[0].measured, 6);
});

test('PRA-04: five nights in a row (max 4)', () => {
  const v = violationsOf(plan({ rows: run('e1', '2027-01-04', 5, 'N') }), 'PRA-04');
  assert.equal(v.length, 1);
  assert.equal(v[0].measured, 5);
});

test('PRA-05: night → evening and evening → day are backward rotation; day → evening → night is not', () => {
  assert.equal(violationsOf(plan({ rows: [['e1', '2027-01-04', 'D'], ['e1', '2027-01-05', 'K'], ['e1', '2027-01-06', 'N']] }), 'PRA-05').length, 0);
  assert.equal(violationsOf(plan({ rows: [['e1', '2027-01-04', 'N'], ['e1', '2027-01-05', 'K'], ['e1', '2027-01-06', 'D']] }), 'PRA-05').length, 2);
});

test('PRA-06: a shift on the Monday after a long-shift weekend', () => {
  const v = violationsOf(plan({ rows: [['e1', '2027-01-09', 'L'], ['e1', '2027-01-10', 'L'], ['e1', '2027-01-11', 'D']] }), 'PRA-06');
  assert.equal(v.length, 1);
  assert.deepEqual(v[0].dates, ['2027-01-09', '2027-01-11']);
});

test('PRA-07: a 3 h shift is shorter than the 4 h minimum', () => {
  const p = plan({ shiftTypes: [{ code: 'T', start: '16:00', end: '19:00' }], rows: [['e1', '2027-01-04', 'T'], ['e1', '2027-01-05', 'T']] });
  const v = violationsOf(p, 'PRA-07');
  assert.equal(v.length, 1);
  assert.equal(v[0].measured, 3);
  assert.deepEqual(v[0].dates, ['2027-01-04', '2027-01-05']);
});

test('PRA-09: a split weekend, and mixed shift kinds on a whole weekend', () => {
  assert.equal(violationsOf(plan({ rows: [['e1', '2027-01-09', 'D']] }), 'PRA-09').length, 1);
  const mixed = violationsOf(plan({ rows: [['e1', '2027-01-09', 'D'], ['e1', '2027-01-10', 'K']] }), 'PRA-09');
  assert.equal(mixed.length, 1);
  assert.match(mixed[0].message, /Ulik vakttype/);
});
