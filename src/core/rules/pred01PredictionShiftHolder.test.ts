import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan, STD_SHIFTS, violationsOf } from './testkit.js';

const shiftTypes = [...STD_SHIFTS, { code: 'PD', start: '07:00', end: '15:00', predictionFor: 'D' }];
const employees = [
  { id: 'wants', name: 'Vil ha mer', competence: 'helsefagarbeider', positionPercent: 60, desiredPositionPercent: 80 },
  { id: 'full', name: 'Heltid', competence: 'helsefagarbeider', positionPercent: 100 },
  { id: 'content', name: 'Fornøyd', competence: 'helsefagarbeider', positionPercent: 50 },
];

test('PRED-01: a prediction shift on someone who has not asked for a larger position is flagged', () => {
  const p = plan({
    shiftTypes,
    employees,
    rows: [['wants', '2027-01-04', 'PD'], ['full', '2027-01-05', 'PD'], ['content', '2027-01-06', 'PD'], ['content', '2027-01-07', 'D']],
  });
  const v = violationsOf(p, 'PRED-01');
  assert.deepEqual(v.map((x) => `${x.employee} ${x.dates[0]}`).sort(), ['content 2027-01-06', 'full 2027-01-05']);
  assert.ok(v.every((x) => x.severity === 'soft'));
  assert.match(v[0].message, /Prediksjonsvakt PD/);
});

test('PRED-01: someone raised to the size they asked for still counts as wanting it', () => {
  const p = plan({
    shiftTypes,
    employees: [{ id: 'raised', name: 'Økt', competence: 'helsefagarbeider', positionPercent: 80, desiredPositionPercent: 80 }],
    rows: [['raised', '2027-01-04', 'PD']],
  });
  assert.equal(violationsOf(p, 'PRED-01').length, 0);
});

test('PRA-13: an unfilled prediction shift weighs more than a missing target person, and the holder does not count towards D', () => {
  const p = plan({
    shiftTypes,
    employees,
    demand: [
      { shift: 'D', dates: ['2027-01-04'], min: 0, target: 1 },
      { shift: 'PD', dates: ['2027-01-04'], min: 0, target: 1 },
    ],
    rows: [['wants', '2027-01-04', 'PD']],
  });
  const v = violationsOf(p, 'PRA-13');
  assert.equal(v.length, 1, 'D is short: the PD holder is not on D');
  assert.match(v[0].messageEn, /shift D: 0 staff, the target is 1/);
});
