/**
 * The construction heuristic: on the long instances (built piece by piece) its rota is feasible
 * by the independent checker; on random instances, also cut into small pieces, it never breaks
 * a constraint the row programme keeps exactly, and its score is the scorer's from scratch;
 * the pro-rated limits are the real ones at the end of the horizon and grow with it; the time
 * limit stops it; and `solveCurtois` reports the constructed rota as its first feasible.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadInstance } from './files.js';
import { parseCurtois } from './parse.js';
import { CurtoisScorer } from './scorer.js';
import { constructRota, proRatedLimits, repairRota } from './construct.js';
import { constructsFirst, solveCurtois } from './solve.js';
import { independent } from './independent.js';
import { mulberry32, randomInstanceText } from './testing.js';

test('the 26- and 52-week Instances 20 and 24, built in 4-week pieces, pass the independent checker with no hard violation', () => {
  for (const n of [20, 24]) {
    const inst = loadInstance(n);
    const res = constructRota(inst);
    assert.equal(res.complete, true);
    assert.equal(res.score.hard, 0, `Instance ${n}: ${JSON.stringify(new CurtoisScorer(inst, res.rows).breakdown())}`);
    const check = independent(n, res.rows);
    assert.equal(check.feasible, true, `Instance ${n}: ${JSON.stringify(check.violations.slice(0, 3))}`);
    assert.equal(check.objective, res.score.soft);
  }
});

test('property: on random instances (whole horizon or pieces of 3–10 days) only the minutes can be off, and the score is the scorer’s', () => {
  fc.assert(
    fc.property(fc.integer(), fc.option(fc.integer({ min: 3, max: 10 }), { nil: undefined }), fc.nat(50), (iseed, pieceDays, seed) => {
      const inst = parseCurtois(randomInstanceText(mulberry32(iseed)));
      const res = constructRota(inst, { pieceDays, seed });
      assert.equal(res.complete, true);
      const sc = new CurtoisScorer(inst, res.rows);
      assert.deepEqual(sc.scoreFromScratch(), res.score);
      const b = sc.breakdown();
      // Kept exactly by the row programme: successions, runs, days off, fixed days off, MaxShifts
      // (a row it cannot settle stays empty), weekends (never more than the share allows).
      for (const k of ['succession', 'maxShifts', 'maxConsecutive', 'minConsecutive', 'minDaysOff', 'weekends', 'dayOff'] as const)
        assert.equal(b[k], 0, `${k} in ${JSON.stringify(b)}`);
    }),
    { numRuns: 150 },
  );
});

test('pro-rated limits: the real ones on the last day, growing with the day, never above the real ones', () => {
  const inst = loadInstance(22);
  for (const e of [0, 3, 6]) {
    const st = inst.staff[e];
    const last = proRatedLimits(inst, e, inst.horizon - 1);
    assert.deepEqual(last, { minTotalMinutes: st.minTotalMinutes, maxTotalMinutes: st.maxTotalMinutes, maxWeekends: st.maxWeekends, maxShifts: st.maxShifts });
    let prev = proRatedLimits(inst, e, 0);
    for (let b = 1; b < inst.horizon; b++) {
      const cur = proRatedLimits(inst, e, b);
      assert.ok(cur.minTotalMinutes >= prev.minTotalMinutes && cur.minTotalMinutes <= st.minTotalMinutes);
      assert.ok(cur.maxWeekends >= prev.maxWeekends && cur.maxWeekends <= st.maxWeekends);
      cur.maxShifts.forEach((m, s) => assert.ok(m >= prev.maxShifts[s] && m <= st.maxShifts[s]));
      prev = cur;
    }
    // A fixed day off does not count toward the share: the minimum after the first fixed day off
    // is the same as on the day before it.
    const d = st.daysOff.find((x) => x > 0 && x < inst.horizon - 1)!;
    assert.equal(proRatedLimits(inst, e, d).minTotalMinutes, proRatedLimits(inst, e, d - 1).minTotalMinutes);
  }
});

test('the time limit stops the construction (incomplete, rest empty)', () => {
  const inst = loadInstance(24);
  let t = 0;
  const res = constructRota(inst, { timeLimitMs: 100, now: () => (t += 1) });
  assert.equal(res.complete, false);
  assert.ok(res.rows.some((row) => row.every((v) => v === -1)));
});

test('solveCurtois on a long instance starts from the construction: first feasible at once, never worse than the constructed rota', () => {
  const inst = loadInstance(20);
  assert.equal(constructsFirst(inst, {}), true);
  assert.equal(constructsFirst(loadInstance(8), {}), false);
  assert.equal(constructsFirst(inst, { maxIterations: 10 }), false);
  const built = constructRota(inst, { seed: 3 });
  let firstAt: number | null = null;
  const res = solveCurtois(inst, { seconds: 3, seed: 3, onFirstFeasible: (ms) => (firstAt ??= ms) });
  assert.equal(res.score.hard, 0);
  assert.ok(res.score.soft <= built.score.soft, `${res.score.soft} > constructed ${built.score.soft}`);
  assert.ok(firstAt !== null && res.firstFeasibleMs !== null && Math.abs(firstAt - res.firstFeasibleMs) < 1e-6);
  assert.equal(independent(20, res.rows).objective, res.score.soft);
});

test('repairRota mends rows broken by random changes (runs, days off, minutes) on Instance 20 and never makes a rota worse', () => {
  const inst = loadInstance(20);
  const built = constructRota(inst, { seed: 1 });
  assert.equal(built.score.hard, 0);
  const rnd = mulberry32(11);
  for (let trial = 0; trial < 3; trial++) {
    const rows = built.rows.map((r) => r.slice());
    // Break 8 employees: 6 random cells each set to a random shift or off.
    for (let k = 0; k < 8; k++) {
      const e = Math.floor(rnd() * inst.staff.length);
      for (let j = 0; j < 6; j++) rows[e][Math.floor(rnd() * inst.horizon)] = Math.floor(rnd() * (inst.shifts.length + 1)) - 1;
    }
    const broken = new CurtoisScorer(inst, rows).scoreFromScratch();
    assert.ok(broken.hard > 0);
    const fixed = repairRota(inst, rows);
    assert.equal(fixed.score.hard, 0, `trial ${trial}: ${JSON.stringify(new CurtoisScorer(inst, fixed.rows).breakdown())}`);
    assert.deepEqual(new CurtoisScorer(inst, fixed.rows).scoreFromScratch(), fixed.score);
    assert.equal(independent(20, fixed.rows).feasible, true);
  }
  // A feasible rota is left as it is.
  assert.deepEqual(repairRota(inst, built.rows).rows, built.rows);
});
