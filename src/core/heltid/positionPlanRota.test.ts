import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlan } from '../model/validatePlan.js';
import { planAfterPositionPlan, proposePositionPlan } from './index.js';

const template = (() => {
  const r = parsePlan({
    unit: 'Test',
    start: '2027-01-04',
    end: '2027-01-31',
    shiftTypes: [{ code: 'D', start: '07:30', end: '15:00' }],
    employees: [
      { id: 'A', name: 'Anne', competences: ['helsefagarbeider'], positionPercent: 50, desiredPositionPercent: 80 },
      { id: 'B', name: 'Bjørn', competences: ['helsefagarbeider'], positionPercent: 100 },
      { id: 'C', name: 'Cecilie', competences: ['helsefagarbeider'], positionPercent: 15 },
      { id: 'ny-1', name: 'Tatt id', competences: ['helsefagarbeider'], positionPercent: 15 },
    ],
    demand: [{ shift: 'D', min: 1 }],
    wishes: [
      { employee: 'A', date: '2027-01-05', shift: 'D', kind: 'want' },
      { employee: 'C', date: '2027-01-06', shift: null, kind: 'avoid' },
    ],
    absences: [{ employee: 'C', from: '2027-01-10', to: '2027-01-12', kind: 'vacation' }],
    assignments: [{ employee: 'B', date: '2027-01-04', shift: 'D' }],
  });
  assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
  return r.value;
})();

test('the draft plan has the new positions, the vacancies as placeholders and the merged positions left out', () => {
  const result = proposePositionPlan({
    employees: template.employees.map((e) => ({ ...e, competence: e.competences?.[0] })),
    targetAveragePercent: 90,
  });
  const { plan, changes } = planAfterPositionPlan(template, template.employees, result);
  // Every position of the position plan is one employee of the draft, with the same percent.
  assert.equal(plan.employees.length, result.positionsAfter.length);
  for (const p of result.positionsAfter) {
    const e = plan.employees.find((x) => (p.employee ? x.id === p.employee : x.name.startsWith('Ledig stilling')));
    assert.ok(e, JSON.stringify(p));
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(sum(plan.employees.map((e) => e.positionPercent)) - sum(result.positionsAfter.map((p) => p.percent))) < 0.05);
  // A merged position is reported and its holder's wishes and absences go with them.
  const merged = changes.filter((c) => c.kind === 'merged').map((c) => c.employee);
  assert.ok(merged.length > 0, JSON.stringify(result.steps));
  for (const id of merged) {
    assert.ok(!plan.employees.some((e) => e.id === id));
    assert.ok(!plan.wishes.some((w) => w.employee === id));
    assert.ok(!plan.absences.some((a) => a.employee === id));
  }
  assert.ok(plan.wishes.some((w) => w.employee === 'A'), 'the wishes of the people who stay are kept');
  const a = plan.employees.find((e) => e.id === 'A')!;
  assert.ok(a.positionPercent > 50);
  assert.deepEqual(changes.find((c) => c.employee === 'A'), { employee: 'A', name: 'Anne', fromPercent: 50, toPercent: a.positionPercent, kind: 'increased' });
  assert.deepEqual(plan.assignments, [], 'the rota is to be made anew');
  // The draft is a valid plan file.
  assert.ok(parsePlan(plan).ok);
});

test('vacancies get unique ids, the group as competence and a readable name', () => {
  const result = {
    ...proposePositionPlan({ employees: [{ id: 'B', competence: 'helsefagarbeider', positionPercent: 100 }], targetAveragePercent: 100 }),
  };
  result.positionsAfter = [
    ...result.positionsAfter,
    { id: 'ny-1', employee: null, group: 'sykepleier', percent: 100, weekendOnly: false, change: 'new' as const },
    { id: 'ny-2', employee: null, group: 'any', percent: 62.5, weekendOnly: false, change: 'new' as const },
  ];
  const { plan, changes } = planAfterPositionPlan(template, template.employees, result);
  const vac = plan.employees.filter((e) => e.name.startsWith('Ledig'));
  assert.equal(vac.length, 2);
  assert.equal(vac[0].id, 'ny-1-1', 'the id ny-1 is taken by an employee of the template');
  assert.deepEqual(vac[0].competences, ['sykepleier']);
  assert.equal(vac[0].name, 'Ledig stilling 1 (sykepleier, 100 %)');
  assert.equal(vac[1].id, 'ny-2');
  assert.equal(vac[1].competences, undefined);
  assert.equal(vac[1].name, 'Ledig stilling 2 (ingen kompetansekrav, 62,5 %)');
  assert.deepEqual(changes.filter((c) => c.kind === 'new').map((c) => c.toPercent), [100, 62.5]);
  assert.ok(parsePlan(plan).ok);
});
