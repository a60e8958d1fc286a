import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ANY, computeScenario, proposePositionPlan, ScenarioInputError, staffingPlan, type PositionPlanEmployee, type PositionPlanResult } from './index.js';

const WD = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const WE = ['sat', 'sun'] as const;

/** RULES.md § 8's 24-bed section (weekdays 5 D + 4 K, weekends 4 D + 4 K, nights out). */
const section24 = staffingPlan({
  unit: '24-sengs post',
  shiftTypes: [
    { code: 'D', start: '07:30', end: '15:00' },
    { code: 'K', start: '15:00', end: '22:00' },
  ],
  demand: [
    { shift: 'D', days: [...WD], min: 5 },
    { shift: 'K', days: [...WD], min: 4 },
    { shift: 'D', days: [...WE], min: 4 },
    { shift: 'K', days: [...WE], min: 4 },
  ],
});
/** With 12.5 h weekend long shifts every 3rd weekend: 12 people at 100 % (RULES § 8). */
const longShifts = computeScenario(section24, { weekendEvery: 3, weeklyNorm: 35.5, longShiftHours: 12.5 });

const staff = (n: number, percent: number, prefix: string, extra: Partial<PositionPlanEmployee> = {}): PositionPlanEmployee[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i + 1}`, competence: 'helsefagarbeider', positionPercent: percent, ...extra }));

const kinds = (r: PositionPlanResult) => r.steps.map((s) => `${s.kind}:${s.employee ?? '-'}:${s.merged.join('+')}:${s.fromPercent ?? '-'}→${s.toPercent}`);

function bilingual(r: PositionPlanResult): void {
  for (const s of r.steps) assert.ok(s.reason.nb.length > 20 && s.reason.en.length > 20 && s.reason.nb !== s.reason.en, JSON.stringify(s));
  for (const n of r.notes) assert.ok(n.nb.length > 0 && n.en.length > 0);
}

test('the scenario of RULES § 8 with long shifts is 12 × 100 % (the hours the plan works within)', () => {
  assert.equal(longShifts.byCompetence[ANY].headcount, 12);
  assert.deepEqual(longShifts.byCompetence[ANY].positions, Array(12).fill(100));
});

test('without a scenario: no new hours; small weekend positions are folded into an unmet wish until the target', () => {
  const r = proposePositionPlan({
    employees: [
      { id: 'A', name: 'Anne', competence: 'helsefagarbeider', positionPercent: 50, desiredPositionPercent: 80 },
      { id: 'B', competence: 'helsefagarbeider', positionPercent: 100 },
      { id: 'C', competence: 'helsefagarbeider', positionPercent: 15, weekendOnly: true },
      { id: 'D', competence: 'helsefagarbeider', positionPercent: 15, weekendOnly: true },
    ],
    targetAveragePercent: 70,
  });
  // Before: 180 / 4 = 45 %. C into A (65 %): 180 / 3 = 60 % < 70; D into A (80 %): 180 / 2 = 90 %.
  assert.deepEqual(kinds(r), ['merge:A:C:50→65', 'merge:A:D:65→80']);
  assert.deepEqual(r.before, { headcount: 4, fte: 1.8, averagePositionPercent: 45, fullTimeSharePercent: { percent100: 25, atLeast80: 25, above90: 25 }, weekendOnly: 2, small: 2 });
  assert.deepEqual(r.after, { headcount: 2, fte: 1.8, averagePositionPercent: 90, fullTimeSharePercent: { percent100: 50, atLeast80: 100, above90: 50 }, weekendOnly: 0, small: 0 });
  assert.equal(r.steps[0].hoursPerWeek, 5.33); // 15 % of 35.5 h
  assert.match(r.steps[0].reason.nb, /Helgestillingen til C \(15 %\) legges til stillingen til Anne: 50 % → 65 %/);
  assert.ok(r.target.reached);
  assert.ok(r.notes.some((n) => n.code === 'noScenario'));
  bilingual(r);
});

test('without a scenario: small positions nobody wants to grow are merged into one larger position', () => {
  const r = proposePositionPlan({
    employees: [
      { id: 'B', positionPercent: 100 },
      { id: 'C', positionPercent: 15, weekendOnly: true },
      { id: 'D', positionPercent: 15, weekendOnly: true },
      { id: 'E', positionPercent: 19 },
      { id: 'F', positionPercent: 60 },
    ],
    targetAveragePercent: 60,
  });
  // 209 / 5 = 41.8 %; E + C + D = 49 % in one position: 209 / 3 = 69.67 %.
  assert.deepEqual(kinds(r), ['merge:-:E+C+D:-→49']);
  assert.equal(r.before.averagePositionPercent, 41.8);
  assert.equal(r.after.averagePositionPercent, 69.67);
  assert.equal(r.after.headcount, 3);
  assert.match(r.steps[0].reason.en, /Small positions E \(19 %\), C \(15 %\), D \(15 %\) are merged into one 49 % position/);
  assert.ok(r.notes.some((n) => n.code === 'noWishes'));
  assert.deepEqual(
    r.positionsAfter.map((p) => [p.id, p.percent, p.change]),
    [
      ['B', 100, 'unchanged'],
      ['F', 60, 'unchanged'],
      ['sammenslått-1', 49, 'new'],
    ],
  );
  bilingual(r);
});

test('with a scenario: the people the weekends need are advertised, at 100 % when the hours allow', () => {
  const r = proposePositionPlan({ employees: staff(6, 100, 'e'), targetAveragePercent: 100, scenario: longShifts });
  // 12 needed, 6 there; the scenario's 1200 % less 600 % = 600 %: six 100 % positions.
  assert.equal(r.steps.length, 6);
  assert.ok(r.steps.every((s) => s.kind === 'vacancy' && s.toPercent === 100 && s.fullTime && s.hoursPerWeek === 35.5));
  assert.match(r.steps[0].reason.nb, /helgene trenger 12 personer/);
  assert.deepEqual(r.after.fullTimeSharePercent, { percent100: 100, atLeast80: 100, above90: 100 });
  assert.equal(r.after.headcount, 12);
  assert.ok(r.target.reached);
  bilingual(r);
});

test('with a scenario: larger positions by the largest wish gap first, then the rest as vacancies or extra shifts', () => {
  const r = proposePositionPlan({
    employees: [...staff(8, 100, 'e'), { id: 'x', positionPercent: 50, desiredPositionPercent: 80 }, { id: 'y', positionPercent: 50, desiredPositionPercent: 100 }],
    targetAveragePercent: 90,
    scenario: longShifts,
  });
  // Room 1200 − 900 = 300. The staff first (AML § 14-3): y (gap 50) before x (gap 30), keeping back
  // 2 × the weekend share (100 / 12 / 35.5 = 23.5 %) for the two people the weekends still need;
  // then those two at 100 % (220 left); 20 % left over.
  assert.deepEqual(kinds(r), ['increase:y::50→100', 'increase:x::50→80', 'vacancy:-::-→100', 'vacancy:-::-→100']);
  assert.equal(r.after.averagePositionPercent, 98.33); // 1180 / 12
  assert.equal(r.after.fullTimeSharePercent!.percent100, 91.67);
  assert.equal(r.byGroup[0].roomPercent, 300);
  assert.equal(r.byGroup[0].unusedRoomPercent, 20);
  assert.ok(r.notes.some((n) => n.code === 'remainder' && n.en.includes('20 %')));
  assert.match(r.steps[0].reason.en, /wish gap 50 percentage points, largest gap first; part-timers' preferential right, AML § 14-3/);
  bilingual(r);
});

test('with a scenario: the hours run out — the largest gap gets what is left, and the target is not reached, with the reason', () => {
  const r = proposePositionPlan({
    employees: [...staff(11, 100, 'e'), { id: 'x', positionPercent: 30, desiredPositionPercent: 100 }, { id: 'y', positionPercent: 40, desiredPositionPercent: 100 }],
    targetAveragePercent: 100,
    scenario: longShifts,
  });
  // Room 1200 − 1170 = 30: x (gap 70) gets it all, y (gap 60) nothing; nobody small to merge.
  assert.deepEqual(kinds(r), ['increase:x::30→60']);
  assert.match(r.steps[0].reason.nb, /delvis/);
  assert.equal(r.after.averagePositionPercent, 92.31); // 1200 / 13
  assert.equal(r.target.reached, false);
  assert.equal(r.target.gapPercentagePoints, 7.69);
  assert.ok(r.notes.some((n) => n.code === 'targetNotReached'));
});

test('with a scenario: a part-time vacancy takes in small weekend positions up to 100 %', () => {
  const r = proposePositionPlan({
    employees: [...staff(10, 100, 'e'), ...staff(3, 15, 'w', { weekendOnly: true }), { id: 'p', positionPercent: 55, desiredPositionPercent: 85 }],
    targetAveragePercent: 95,
    scenario: longShifts,
  });
  // Room 1200 − 1100 = 100: p +30; 70 % advertised (ny-1); 15 people for 12 weekends' worth → w1, w2 into ny-1 (100 %).
  assert.deepEqual(kinds(r), ['increase:p::55→85', 'vacancy:-::-→70', 'merge:-:w1:70→85', 'merge:-:w2:85→100']);
  assert.equal(r.steps[2].employee, null);
  assert.match(r.steps[2].reason.nb, /legges til den nye stillingen ny-1/);
  assert.equal(r.after.headcount, 13); // 10 × 100, p 85, ny-1 100, w3 15
  assert.equal(r.after.averagePositionPercent, 92.31);
  assert.equal(r.after.weekendOnly, 1);
  assert.equal(r.target.reached, false);
  bilingual(r);
});

test('with a scenario: no merge takes the weekends below the people they need', () => {
  // Without long shifts every 3rd weekend needs 24 people: 10 × 100 % and 14 small positions.
  const k3 = computeScenario(section24, { weekendEvery: 3, weeklyNorm: 35.5 });
  const positions = k3.byCompetence[ANY].positions;
  assert.equal(positions.length, 24);
  const employees = positions.map((p, i) => ({ id: `e${i + 1}`, positionPercent: p, weekendOnly: p < 100 }));
  const r = proposePositionPlan({ employees, targetAveragePercent: 80, scenario: k3 });
  assert.deepEqual(r.steps, []);
  assert.equal(r.after.headcount, 24);
  assert.equal(r.target.reached, false);
  const why = r.notes.find((n) => n.code === 'targetNotReached')!;
  assert.match(why.en, /itself gives an average position of 52\.0\d? %/);
});

test('bad input is refused with reasons in both languages', () => {
  assert.throws(() => proposePositionPlan({ employees: [], targetAveragePercent: 0 }), ScenarioInputError);
  assert.throws(
    () =>
      proposePositionPlan({
        employees: [
          { id: 'a', positionPercent: 50 },
          { id: 'a', positionPercent: 120 },
        ],
        targetAveragePercent: 80,
      }),
    (e: unknown) => e instanceof ScenarioInputError && e.problems.length === 2 && e.problems.every((p) => p.nb && p.en),
  );
  const r = proposePositionPlan({ employees: [], targetAveragePercent: 80 });
  assert.equal(r.before.averagePositionPercent, null);
  assert.equal(r.after.fullTimeSharePercent, null);
});

test('with a scenario: too few people for the weekends while the hours are already in the positions is said, not papered over', () => {
  const k3 = computeScenario(section24, { weekendEvery: 3, weeklyNorm: 35.5 }); // 24 people, ≈ 1249 %
  const r = proposePositionPlan({ employees: staff(13, 100, 'e'), targetAveragePercent: 80, scenario: k3 });
  assert.deepEqual(r.steps, []);
  const codes = r.notes.map((n) => n.code);
  assert.ok(codes.includes('noRoom'));
  assert.ok(codes.includes('weekendShort'));
  assert.match(r.notes.find((n) => n.code === 'weekendShort')!.nb, /helgene trenger 24 personer, gruppen har 13/);
});

test('with a scenario by competence: each group has its own hours and headcount', () => {
  const plan = staffingPlan({
    unit: 'Post med sykepleierkrav',
    shiftTypes: [{ code: 'D', start: '07:30', end: '15:00' }],
    demand: [
      { shift: 'D', min: 3 },
      { shift: 'D', min: 1, competence: 'sykepleier' },
    ],
  });
  const sc = computeScenario(plan, { weekendEvery: 2, weeklyNorm: 35.5 });
  const nurses = sc.byCompetence.sykepleier;
  const rest = sc.byCompetence[ANY];
  const r = proposePositionPlan({
    employees: [
      { id: 's1', competence: 'sykepleier', positionPercent: 50, desiredPositionPercent: 100 },
      { id: 'h1', competence: 'helsefagarbeider', positionPercent: 50, desiredPositionPercent: 100 },
    ],
    targetAveragePercent: 80,
    scenario: sc,
  });
  const g = Object.fromEntries(r.byGroup.map((x) => [x.group, x]));
  assert.equal(g.sykepleier.scenarioHeadcount, nurses.headcount);
  assert.equal(g[ANY].scenarioHeadcount, rest.headcount);
  assert.equal(g.sykepleier.roomPercent, Math.round((nurses.positions.reduce((a, b) => a + b, 0) - 50) * 100) / 100);
  // Both get their wish first (the weekend share is kept back for the hires), then the hires take the
  // scenario's own shape: sykepleier 100 + 47.89, the rest 100, 100, 47.89, 47.89.
  assert.deepEqual(nurses.positions, [100, 47.89]);
  assert.deepEqual(
    r.positionsAfter.map((p) => [p.group, p.percent]).sort(),
    [[ANY, 100], [ANY, 100], [ANY, 47.89], [ANY, 47.89], ['sykepleier', 100], ['sykepleier', 47.89]].sort(),
  );
  // The nurse's increase is paid from the nurses' hours, the health worker's from the rest.
  for (const s of r.steps.filter((x) => x.kind === 'increase')) assert.equal(s.group, s.employee === 's1' ? 'sykepleier' : ANY);
  assert.equal(r.after.headcount, nurses.headcount + rest.headcount);
  bilingual(r);
});

test('a weekend-only position that grows becomes a rota position', () => {
  const r = proposePositionPlan({
    employees: [...staff(11, 100, 'e'), { id: 'W', positionPercent: 15, desiredPositionPercent: 50, weekendOnly: true }],
    targetAveragePercent: 90,
    scenario: longShifts,
  });
  // Room 1200 − 1115 = 85: W +35; the 50 % left is advertised (at the 50 % threshold).
  assert.deepEqual(kinds(r), ['increase:W::15→50', 'vacancy:-::-→50']);
  assert.match(r.steps[0].reason.en, /no longer weekend-only/);
  assert.equal(r.before.weekendOnly, 1);
  assert.equal(r.after.weekendOnly, 0);
  assert.deepEqual(r.positionsAfter.find((p) => p.id === 'ny-1'), { id: 'ny-1', employee: null, group: ANY, percent: 50, weekendOnly: false, change: 'new' });
});
