import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan, violationsOf } from './testkit.js';

const youth = [{ id: 'y1', name: 'Ola Sommer', competence: 'assistent', positionPercent: 40, birthDate: '2010-03-01' }];

test('LAW-14: a 16-year-old on a night shift works between 23 and 06', () => {
  const v = violationsOf(plan({ start: '2027-06-07', end: '2027-07-18', employees: youth, rows: [['y1', '2027-06-08', 'N']] }), 'LAW-14');
  assert.ok(v.some((x) => x.message.includes('mellom 23 og 06') && x.measured === 7));
});

test('LAW-14: evening then day leaves 8.5 h < 12 h for under-18s', () => {
  const v = violationsOf(plan({ start: '2027-06-07', end: '2027-07-18', employees: youth, rows: [['y1', '2027-06-08', 'K'], ['y1', '2027-06-09', 'D']] }), 'LAW-14');
  const rest = v.find((x) => x.limit === 12);
  assert.ok(rest);
  assert.equal(rest.measured, 8.5);
});

test('LAW-14: a 12.5 h long shift is above 9 h', () => {
  const v = violationsOf(plan({ start: '2027-06-07', end: '2027-07-18', employees: youth, rows: [['y1', '2027-06-12', 'L']] }), 'LAW-14');
  assert.ok(v.some((x) => x.limit === 9 && x.measured === 12.5));
});

test('LAW-14 does not apply from the 18th birthday', () => {
  const adult = [{ ...youth[0], birthDate: '2009-01-01' }];
  assert.equal(violationsOf(plan({ start: '2027-06-07', end: '2027-07-18', employees: adult, rows: [['y1', '2027-06-08', 'N']] }), 'LAW-14').length, 0);
});
