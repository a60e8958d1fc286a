import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PlanSchema, type PlanInput } from '../core/model/plan.js';
import { checkPlan } from '../core/eval/checker.js';
import { generateRota } from './generate.js';
import { buildContext } from '../core/eval/context.js';
import { ScoreDirector } from '../core/eval/score.js';
import { search } from './search.js';
import { constructRota } from './construct.js';
import { Rng } from './random.js';

const SHIFTS = [
  { code: 'D', start: '07:00', end: '15:00' },
  { code: 'K', start: '14:30', end: '22:30' },
  { code: 'N', start: '22:00', end: '07:30' },
  { code: 'L', start: '08:00', end: '20:30', category: 'long' as const },
];

function unit(n: number, extra: Partial<PlanInput> = {}) {
  const comps = ['sykepleier', 'helsefagarbeider', 'helsefagarbeider', 'assistent'];
  const pos = [100, 80, 75, 60, 100, 60, 80, 50];
  return PlanSchema.parse({
    unit: 'Testenhet',
    start: '2027-01-04',
    end: '2027-01-31',
    shiftTypes: SHIFTS,
    employees: Array.from({ length: n }, (_, i) => ({ id: `e${i + 1}`, name: `Ansatt ${i + 1}`, competence: comps[i % 4], positionPercent: pos[i % 8] })),
    demand: [
      { shift: 'D', days: ['mon', 'tue', 'wed', 'thu', 'fri'], min: 2, target: 3 },
      { shift: 'D', days: ['mon', 'tue', 'wed', 'thu', 'fri'], min: 1, competence: 'sykepleier' },
      { shift: 'K', min: 1 },
      { shift: 'N', min: 1 },
      { shift: 'L', days: ['sat', 'sun'], min: 2 },
    ],
    ...extra,
  });
}

test('a generated rota for a feasible unit passes the checker with no hard violation', () => {
  const r = generateRota(unit(12), { seconds: 60, seed: 1, maxIterations: 30000 });
  assert.equal(r.check.hardCount, 0);
  const again = checkPlan(r.plan);
  assert.equal(again.hardCount, 0);
  assert.ok(r.plan.assignments.length > 50);
  assert.equal(r.shortfall.feasible, true);
});

test('deterministic for a seed in single-thread mode (iteration budget)', () => {
  const a = generateRota(unit(10), { seconds: 60, seed: 7, maxIterations: 3000 });
  const b = generateRota(unit(10), { seconds: 60, seed: 7, maxIterations: 3000 });
  const c = generateRota(unit(10), { seconds: 60, seed: 8, maxIterations: 3000 });
  assert.deepEqual(a.plan.assignments, b.plan.assignments);
  assert.deepEqual(a.score, b.score);
  assert.notDeepEqual(a.plan.assignments, c.plan.assignments);
});

test('full assert mode: the incremental score equals the recomputed score after every accepted move', () => {
  const ctx = buildContext(unit(8));
  const sd = new ScoreDirector(ctx);
  constructRota(sd, new Rng(3));
  const res = search(sd, { seed: 3, timeLimitMs: 60_000, maxIterations: 1500, fullAssert: true, weekendStarts: ctx.weekends.filter((s) => s >= 0 && s + 1 < ctx.D), hardWeight: 1000 });
  assert.equal(res.stoppedBy, 'iterations');
  assert.ok(Object.values(res.accepted).reduce((a, b) => a + b, 0) > 50);
});

test('the search honours its time limit and is anytime (best never worse than the start)', () => {
  const ctx = buildContext(unit(12));
  const sd = new ScoreDirector(ctx);
  const start = sd.score();
  const t0 = Date.now();
  const res = search(sd, { seed: 1, timeLimitMs: 700 });
  assert.ok(Date.now() - t0 < 1700);
  assert.ok(res.best.hard <= start.hard);
});

test('an infeasible staffing plan returns the best rota and explains the shortfall in numbers', () => {
  // Three sykepleiere on every night, with only 3 nurses in the unit: impossible.
  const p = unit(12, { demand: [{ shift: 'N', min: 3, competence: 'sykepleier' }] });
  const r = generateRota(p, { seconds: 60, seed: 1, maxIterations: 20000 });
  assert.equal(r.shortfall.feasible, false);
  // Saturday nights lie in the Sunday zone (AML § 10-10), so the weekend limits bind there.
  const sun = r.shortfall.lines.find((l) => (l.dayType === 'saturday' || l.dayType === 'sunday') && l.competence === 'sykepleier');
  assert.ok(sun);
  assert.ok(sun.missingShifts > 0);
  assert.ok(sun.missingFte > 0);
  assert.equal(sun.needPerDay, 3);
  assert.equal(sun.availablePerDay, 1); // 3 nurses, every third weekend
  assert.match(sun.message, /^(lørdager|søndager): behov 3 sykepleier per vakt N, tilgjengelig 1 med hver 3\. helg → mangler \d+ vakter, [\d,]+ årsverk sykepleier$/);
});

test('rolling base rota: a generated 6-week base rota keeps every law rule, wrap-around included', () => {
  const p = unit(16, { planningForm: 'rolling', end: '2027-02-14' });
  const r = generateRota(p, { seconds: 60, seed: 2, maxIterations: 20000 });
  assert.deepEqual(r.check.violations.filter((v) => v.severity === 'hard' && v.rule !== 'PRA-11'), []);
  assert.equal(checkPlan(r.plan).hardCount, r.check.hardCount);
});

test('property: for random small plans every returned rota passes the hard rules or comes with an explanation', () => {
  fc.assert(
    fc.property(fc.integer({ min: 4, max: 10 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 99 }), (n, dMin, nMin, seed) => {
      const p = unit(n, { end: '2027-01-17', demand: [{ shift: 'D', min: dMin }, { shift: 'N', min: nMin }] });
      const r = generateRota(p, { seconds: 60, seed, maxIterations: 3000 });
      // Law and agreement rules can always be kept (by leaving people free); what may remain
      // is understaffing, and then the explanation must say where and how much.
      const hard = r.check.violations.filter((v) => v.severity === 'hard');
      assert.deepEqual(hard.filter((v) => v.rule !== 'PRA-11'), []);
      if (hard.length > 0) {
        assert.equal(r.shortfall.feasible, false);
        const missing = r.shortfall.lines.reduce((s, l) => s + l.missingShifts, 0);
        const deficit = hard.reduce((s, v) => s + (v.limit - v.measured), 0);
        assert.equal(missing, deficit);
      }
    }),
    { numRuns: 8 },
  );
});
