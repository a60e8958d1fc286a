import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildContext } from './context.js';
import { ScoreDirector } from './score.js';
import { FREE } from './line.js';
import { checkPlan, rowsFromAssignments } from './checker.js';
import { plan, STD_SHIFTS } from '../rules/testkit.js';
import { addDays } from '../time/localDate.js';
import type { PlanInput } from '../model/plan.js';

const employees = Array.from({ length: 5 }, (_, i) => ({
  id: `e${i}`,
  name: `Ansatt ${i}`,
  competence: i % 2 ? 'helsefagarbeider' : 'sykepleier',
  positionPercent: [100, 80, 60, 50, 20][i],
  canWorkLongShifts: i !== 3,
  canWorkNights: i !== 4,
}));

const demand: PlanInput['demand'] = [
  { shift: 'D', min: 2, target: 3 },
  { shift: 'K', min: 1, target: 2 },
  { shift: 'N', min: 1, competence: 'sykepleier' },
];

const ruleVariants = [
  {},
  { averaging: { tier: 'none' as const } },
  { weeklyRest: { mode: 'rolling' as const } },
  { sundayRule: { mode: 'averaging' as const, averagingWeeks: 4 } },
  { night: { riskClause: true }, weekend: { frequency: 2, severity: 'hard' as const } },
];

const arbPlanSetup = fc.record({
  weeks: fc.integer({ min: 1, max: 6 }),
  startOffset: fc.integer({ min: 0, max: 700 }),
  rules: fc.constantFrom(...ruleVariants),
  rolling: fc.boolean(),
});

test('property: a rota with no shifts has no hard violation (no staffing plan)', () => {
  fc.assert(
    fc.property(arbPlanSetup, ({ weeks, startOffset, rules, rolling }) => {
      const start = addDays('2026-01-05', startOffset);
      const p = plan({ start, end: addDays(start, weeks * 7 - 1), employees, rules, planningForm: rolling ? 'rolling' : 'calendar' });
      assert.equal(checkPlan(p).hardCount, 0);
    }),
    { numRuns: 40 },
  );
});

test('property (full assert): the incremental score equals the score recomputed from scratch after every change', () => {
  fc.assert(
    fc.property(
      arbPlanSetup,
      fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: -1, max: STD_SHIFTS.length - 1 })), { minLength: 1, maxLength: 60 }),
      ({ weeks, startOffset, rules, rolling }, moves) => {
        const start = addDays('2026-03-02', startOffset);
        const p = plan({ start, end: addDays(start, weeks * 7 - 1), employees, rules, demand, planningForm: rolling ? 'rolling' : 'calendar' });
        const ctx = buildContext(p);
        const sd = new ScoreDirector(ctx);
        sd.assertMode = true;
        for (const [e, d, s] of moves) {
          const predicted = sd.peek(e % employees.length, d % ctx.D, s);
          sd.set(e % employees.length, d % ctx.D, s);
          assert.deepEqual(sd.score(), predicted);
        }
        const fresh = new ScoreDirector(ctx, sd.rows);
        assert.deepEqual(sd.score(), fresh.score());
      },
    ),
    { numRuns: 40 },
  );
});

test('peek evaluates a change and leaves the rota unchanged', () => {
  const p = plan({ employees, demand });
  const ctx = buildContext(p);
  const sd = new ScoreDirector(ctx);
  const before = sd.score();
  const after = sd.peek(0, 0, 0);
  assert.deepEqual(sd.score(), before);
  assert.equal(sd.get(0, 0), FREE);
  // Putting a sykepleier on D on day 0 reduces the staffing deficit.
  assert.ok(after.hard < before.hard);
});

test('the checker and the score director agree on the same rota', () => {
  const rows = [] as Array<{ employee: string; date: string; shift: string }>;
  for (let d = 0; d < 14; d++) rows.push({ employee: `e${d % 5}`, date: addDays('2027-01-04', d), shift: ['D', 'K', 'N', 'L'][d % 4] });
  const p = plan({ employees, demand, rows: rows.map((r) => [r.employee, r.date, r.shift]) });
  const ctx = buildContext(p);
  const sd = new ScoreDirector(ctx, rowsFromAssignments(ctx, p));
  assert.deepEqual(sd.score(), checkPlan(p).score);
  assert.ok(checkPlan(p).violations.length > 0);
});

test('rolling base rota: the rest after the last day wraps to the first day', () => {
  const rows: Array<[string, string, string]> = [['e0', '2027-01-04', 'D'], ['e0', '2027-01-17', 'K']];
  const rolling = checkPlan(plan({ employees, end: '2027-01-17', planningForm: 'rolling', rows }));
  const calendar = checkPlan(plan({ employees, end: '2027-01-17', planningForm: 'calendar', rows }));
  // K on Sunday 17 Jan ends 22:30; the rota repeats, so D on Monday 4 Jan comes 8.5 h later.
  const wrap = rolling.violations.find((v) => v.rule === 'LAW-06');
  assert.ok(wrap);
  assert.equal(wrap.measured, 8.5);
  assert.equal(calendar.violations.filter((v) => v.rule === 'LAW-06').length, 0);
});
