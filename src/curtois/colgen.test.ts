/**
 * Column generation with diving: the root LP is a valid lower bound (never above a proven
 * optimum; equal to it where the master is integral at the root), the pricing row is the best row
 * under the given costs among the rows of a feasible rota, the dive's rota passes the independent
 * checker, and the dive keeps to its time limit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBestKnown, loadInstance } from './files.js';
import { loadHighs } from './mip.js';
import { priceAndDive } from './colgen.js';
import { RowOptimizer } from './rowdp.js';
import { solveCurtois } from './solve.js';
import { independent } from './independent.js';
import { FREE } from '../engine/types.js';
import { Rng } from '../engine/random.js';

test('root LP bound ≤ the proven optimum (Instances 1, 2, 5), = it on Instance 2; the dive rota passes the independent checker', async () => {
  const highs = await loadHighs();
  const best = loadBestKnown();
  for (const n of [1, 2, 5]) {
    const inst = loadInstance(n);
    const res = priceAndDive(inst, { highs, timeLimitMs: 60_000 });
    const optimum = best.get(`Instance${n}`)!.lowerBound;
    assert.ok(res.rootBound !== null, `Instance ${n}: the root LP did not converge`);
    assert.ok(res.rootBound <= optimum + 1e-6, `Instance ${n}: LP bound ${res.rootBound} above the optimum ${optimum}`);
    if (n === 2) assert.equal(Math.ceil(res.rootBound - 1e-6), optimum);
    assert.ok(res.rows && res.score, `Instance ${n}: no rota`);
    assert.equal(res.score.hard, 0);
    assert.ok(res.score.soft >= optimum);
    const check = independent(n, res.rows);
    assert.equal(check.feasible, true);
    assert.equal(check.objective, res.score.soft);
  }
});

test('pricing: under random day costs the DP row is at least as cheap as every row of a feasible rota (Instance 8)', async () => {
  const inst = loadInstance(8);
  const start = solveCurtois(inst, { seconds: 30, seed: 2, maxIterations: 200_000 });
  assert.equal(start.score.hard, 0);
  const dp = new RowOptimizer(inst);
  const D = inst.horizon;
  const S1 = inst.shifts.length + 1;
  const rng = new Rng(11);
  for (let trial = 0; trial < 5; trial++) {
    // Costs like request penalties less cover duals: working is often attractive.
    const cost = new Float64Array(D * S1);
    for (let i = 0; i < cost.length; i++) cost[i] = i % S1 === 0 ? rng.int(5) : rng.int(120) - 100;
    for (let e = 0; e < inst.staff.length; e++) {
      const res = dp.priceRow(e, cost, 1e6);
      assert.ok(res, `employee ${e}: no row`);
      let own = 0;
      for (let d = 0; d < D; d++) own += cost[d * S1 + start.rows[e][d] + 1];
      assert.ok(res.cost <= own + 1e-9, `trial ${trial}, employee ${e}: DP ${res.cost} > rota row ${own}`);
      let sum = 0;
      for (let d = 0; d < D; d++) sum += cost[d * S1 + res.values[d] + 1];
      assert.ok(Math.abs(sum - res.cost) < 1e-9, 'the DP cost is the sum of its row’s day costs');
      // The row is legal for its employee: MaxShifts kept.
      const count = new Array(inst.shifts.length).fill(0);
      for (let d = 0; d < D; d++) if (res.values[d] !== FREE) count[res.values[d]]++;
      count.forEach((c, s) => assert.ok(c <= inst.staff[e].maxShifts[s], `employee ${e} works shift ${s} ${c} times`));
    }
  }
});

test('the dive keeps to its time limit and returns a complete rota or none', async () => {
  const highs = await loadHighs();
  const inst = loadInstance(12);
  const t0 = performance.now();
  const res = priceAndDive(inst, { highs, timeLimitMs: 3000 });
  const took = performance.now() - t0;
  assert.ok(took < 4500, `took ${took} ms`);
  if (res.rows) {
    assert.equal(res.rows.length, inst.staff.length);
    assert.ok(res.rows.every((r) => r.length === inst.horizon));
  }
});

test('solveCurtois with a dive: the exact neighbourhood polishes the dive rota; a dive without a rota falls back to the annealing', async () => {
  const highs = await loadHighs();
  const inst = loadInstance(6);
  const res = solveCurtois(inst, { seconds: 10, seed: 1, highs, dive: 0.7 });
  assert.ok(res.dive, 'the dive ran');
  assert.equal(res.score.hard, 0);
  assert.ok(res.score.soft <= res.dive.penalty, `${res.score.soft} > dive ${res.dive.penalty}`);
  const c = independent(6, res.rows);
  assert.equal(c.feasible, true);
  assert.equal(c.objective, res.score.soft);
  // 1 % of 3 s is too little for the root LP of Instance 12: the annealing takes over.
  const big = loadInstance(12);
  const fallback = solveCurtois(big, { seconds: 3, seed: 1, highs, dive: 0.01 });
  assert.equal(fallback.dive, undefined);
  assert.ok(fallback.iterations > 0, 'the annealing ran');
});
