import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plan as miniPlan, STD_SHIFTS } from '../core/rules/testkit.js';
import { replayAbsence } from './replay.js';

const shiftTypes = [...STD_SHIFTS, { code: 'PD', start: '07:00', end: '15:00', predictionFor: 'D' }];
const employees = [
  { id: 'a', name: 'A', competence: 'sykepleier', positionPercent: 100 },
  { id: 'b', name: 'B', competence: 'sykepleier', positionPercent: 80, desiredPositionPercent: 100 },
  { id: 'c', name: 'C', competence: 'sykepleier', positionPercent: 50 },
];
const rota = miniPlan({
  start: '2027-01-04',
  end: '2027-01-10',
  shiftTypes,
  employees,
  rows: [
    ['a', '2027-01-04', 'D'],
    ['a', '2027-01-05', 'D'],
    ['b', '2027-01-04', 'PD'],
    ['b', '2027-01-06', 'PD'],
  ],
});

test('replay: the prediction shift holder covers the first day, the second goes down the list; accounting adds up', () => {
  const r = replayAbsence(rota, [{ employee: 'a', from: '2027-01-04', to: '2027-01-05', kind: 'self_certified' }], { seed: 1, ownAcceptance: 0, maxCalls: 3 });
  assert.equal(r.absentShifts, 2);
  assert.equal(r.shortNoticeShifts, 2);
  assert.equal(r.coveredBy.prediction, 1);
  assert.equal(r.coveredBy.substitute, 1, 'nobody accepts the call: a substitute');
  assert.equal(r.shortNoticeSubstitutes, 1);
  assert.equal(r.predictionPlanned, 2);
  assert.equal(r.predictionUsed, 1);
  assert.equal(r.predictionUnused, 1);
  // Cost: substitute 1.75 + two planned prediction shifts (2) − the unused one's value (0.5).
  assert.equal(r.cost, 3.25);
  // Same competence: the holder (1) + the substitute at its expected share (0.3), of 2.
  assert.ok(Math.abs(r.sameCompetenceRate - 0.65) < 1e-9);
});

test('replay: with every colleague saying yes, own staff cover before any substitute; a holder absent loses the prediction shift', () => {
  const r = replayAbsence(rota, [
    { employee: 'a', from: '2027-01-05', to: '2027-01-05', kind: 'sick_child' },
    { employee: 'b', from: '2027-01-06', to: '2027-01-06', kind: 'self_certified' },
  ], { seed: 1, ownAcceptance: 1 });
  assert.equal(r.coveredBy.own, 1);
  assert.equal(r.coveredBy.substitute, 0);
  assert.equal(r.predictionLost, 1);
  assert.equal(r.absentShifts, 1);
  assert.equal(r.hardAfter <= r.hardBefore, true, 'covering never adds a breach');
});

test('replay is deterministic for a seed', () => {
  const spells = [{ employee: 'a', from: '2027-01-04', to: '2027-01-05', kind: 'doctor_certified' as const }];
  assert.deepEqual(replayAbsence(rota, spells, { seed: 7 }), replayAbsence(rota, spells, { seed: 7 }));
});
