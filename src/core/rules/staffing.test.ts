import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan, violationsOf } from './testkit.js';

const employees = [
  { id: 's1', name: 'Sykepleier En', competence: 'sykepleier', positionPercent: 100 },
  { id: 's2', name: 'Sykepleier To', competence: 'sykepleier', positionPercent: 80 },
  { id: 'h1', name: 'Helsefag En', competence: 'helsefagarbeider', positionPercent: 60 },
];

test('PRA-11: one sykepleier on a shift that needs two (hard), counted per competence', () => {
  const p = plan({
    start: '2027-01-04',
    end: '2027-01-10',
    employees,
    demand: [{ shift: 'D', days: ['mon'], min: 2, competence: 'sykepleier' }, { shift: 'D', days: ['mon'], min: 3 }],
    rows: [['s1', '2027-01-04', 'D'], ['h1', '2027-01-04', 'D']],
  });
  const v = violationsOf(p, 'PRA-11');
  assert.equal(v.length, 2);
  const nurse = v.find((x) => x.message.includes('sykepleier'))!;
  assert.equal(nurse.measured, 1);
  assert.equal(nurse.limit, 2);
  assert.equal(nurse.severity, 'hard');
  assert.equal(nurse.employee, null);
});

test('PRA-11: an absent employee does not count; PLAN-01 flags the shift during absence', () => {
  const p = plan({
    start: '2027-01-04',
    end: '2027-01-10',
    employees,
    demand: [{ shift: 'D', days: ['mon'], min: 1, competence: 'sykepleier' }],
    absences: [{ employee: 's1', from: '2027-01-04', to: '2027-01-05', kind: 'self_certified' }],
    rows: [['s1', '2027-01-04', 'D']],
  });
  assert.equal(violationsOf(p, 'PRA-11').length, 1);
  const a = violationsOf(p, 'PLAN-01');
  assert.equal(a.length, 1);
  assert.match(a[0].message, /egenmelding/);
});

test('PRA-13: below target but above minimum is soft; a date line overrides the weekday line', () => {
  const p = plan({
    start: '2027-01-04',
    end: '2027-01-10',
    employees,
    demand: [
      { shift: 'D', days: ['mon', 'tue'], min: 1, target: 2 },
      { shift: 'D', dates: ['2027-01-05'], min: 1, target: 1 },
    ],
    rows: [['s1', '2027-01-04', 'D'], ['s1', '2027-01-05', 'D']],
  });
  const v = violationsOf(p, 'PRA-13');
  assert.equal(v.length, 1);
  assert.deepEqual(v[0].dates, ['2027-01-04']);
  assert.equal(v[0].severity, 'soft');
});
