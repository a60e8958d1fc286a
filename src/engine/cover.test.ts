import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plan as miniPlan, STD_SHIFTS } from '../core/rules/testkit.js';
import { checkPlan } from '../core/eval/checker.js';
import { confirmCoverForPlan, proposeCoverForPlan } from './cover.js';

const shiftTypes = [...STD_SHIFTS, { code: 'PD', start: '07:00', end: '15:00', predictionFor: 'D' }];
const employees = [
  { id: 'absent', name: 'Syk Sykepleier', competence: 'sykepleier', positionPercent: 100 },
  { id: 'holder', name: 'Prediksjon Sykepleier', competence: 'sykepleier', positionPercent: 80, desiredPositionPercent: 100 },
  { id: 'hfa', name: 'Ledig Helsefagarbeider', competence: 'helsefagarbeider', positionPercent: 50 },
  { id: 'nurse', name: 'Ledig Sykepleier', competence: 'sykepleier', positionPercent: 60 },
  { id: 'night', name: 'Nattevakt Sykepleier', competence: 'sykepleier', positionPercent: 100 },
];
const base = {
  start: '2027-01-04',
  end: '2027-01-17',
  shiftTypes,
  employees,
  demand: [{ shift: 'D', days: ['mon', 'tue', 'wed', 'thu', 'fri'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[], min: 1, competence: 'sykepleier' }],
};

test('cover order: an unused prediction shift of the right competence, then own staff by safety and competence, then a substitute', () => {
  const p = miniPlan({
    ...base,
    rows: [
      ['absent', '2027-01-05', 'D'],
      ['holder', '2027-01-05', 'PD'],
      ['night', '2027-01-04', 'N'], // N ends 07:30 on the 5th: D at 07:00 would overlap
    ],
  });
  const { needs, plan } = proposeCoverForPlan(p, { employee: 'absent', from: '2027-01-05', to: '2027-01-05', kind: 'self_certified' });
  assert.equal(needs.length, 1);
  const n = needs[0];
  assert.equal(n.shift, 'D');
  assert.equal(n.competence, 'sykepleier');
  assert.deepEqual(n.candidates.map((c) => [c.kind, c.employee]), [
    ['prediction', 'holder'],
    ['own', 'nurse'],
    ['own', 'hfa'],
    ['substitute', null],
  ]);
  assert.equal(n.candidates[0].cost, 0);
  assert.equal(n.candidates[1].competenceMatch, true);
  assert.equal(n.candidates[2].competenceMatch, false);
  assert.ok(!n.candidates.some((c) => c.employee === 'night'), 'the night worker would break the rest rules: never proposed');
  assert.ok(n.candidates.every((c) => c.safe));
  // The absence is in the plan and the absent person's shift is gone.
  assert.ok(plan.absences.some((a) => a.employee === 'absent' && a.from === '2027-01-05'));
  assert.ok(!plan.assignments.some((a) => a.employee === 'absent' && a.date === '2027-01-05'));
});

test('confirming moves the prediction shift holder onto the absent shift, and the rota keeps the law', () => {
  const p = miniPlan({ ...base, rows: [['absent', '2027-01-05', 'D'], ['holder', '2027-01-05', 'PD']] });
  const absence = { employee: 'absent', from: '2027-01-05', to: '2027-01-06', kind: 'self_certified' as const };
  const { plan } = confirmCoverForPlan(p, absence, [{ date: '2027-01-05', shift: 'D', employee: 'holder' }]);
  assert.deepEqual(plan.assignments.filter((a) => a.date === '2027-01-05'), [{ employee: 'holder', date: '2027-01-05', shift: 'D' }]);
  const hard = checkPlan(plan).violations.filter((v) => v.severity === 'hard');
  assert.ok(!hard.some((v) => v.employee === 'holder'), 'no breach for the holder');
  assert.ok(!hard.some((v) => v.rule === 'PRA-11' && v.dates.includes('2027-01-05')), 'the 5th has its nurse');
  assert.ok(hard.some((v) => v.rule === 'PRA-11' && v.dates.includes('2027-01-06')), 'the 6th (nobody chosen) is short: the checker can fail');
});

test('own staff below their position hours come before those at or over it; fairness breaks ties', () => {
  const p = miniPlan({ ...base, employees: [...employees, { id: 'nurse2', name: 'Sykepleier To', competence: 'sykepleier', positionPercent: 60 }], rows: [['absent', '2027-01-06', 'D']] });
  const first = proposeCoverForPlan(p, { employee: 'absent', from: '2027-01-06', to: '2027-01-06', kind: 'sick_child' }, { coversTaken: { nurse: 3 } }).needs[0];
  const own = first.candidates.filter((c) => c.kind === 'own' && c.competenceMatch).map((c) => c.employee);
  assert.ok(own.indexOf('nurse2') < own.indexOf('nurse'), `the one with fewer covers first: ${own}`);
});

test('losing a prediction shift needs no cover', () => {
  const p = miniPlan({ ...base, rows: [['holder', '2027-01-05', 'PD']] });
  const { needs } = proposeCoverForPlan(p, { employee: 'holder', from: '2027-01-05', to: '2027-01-05', kind: 'self_certified' });
  assert.equal(needs.length, 1);
  assert.equal(needs[0].predictionShiftLost, true);
  assert.equal(needs[0].candidates.length, 0);
});
