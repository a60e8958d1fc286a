/**
 * The exact large neighbourhood: a sub-problem's objective is the instance penalty less the fixed
 * employees' own (request) penalty, fixed employees and days outside the window keep their shifts,
 * and the search never loses a rota and returns one the independent checker accepts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadInstance } from './files.js';
import { loadHighs, solveCurtoisMipWith } from './mip.js';
import { CurtoisScorer } from './scorer.js';
import { solveCurtois } from './solve.js';
import { subMipSearch } from './submip.js';
import { independent } from './independent.js';


test('sub-problem: objective = penalty less the fixed employees’ own penalty; the fixed rows and days outside the window stay', async () => {
  const inst = loadInstance(5);
  const h = await loadHighs();
  const start = solveCurtois(inst, { seconds: 30, seed: 3, maxIterations: 300_000 });
  assert.equal(start.score.hard, 0);
  const free = [1, 4, 9];
  const window: [number, number] = [7, 13];
  const res = solveCurtoisMipWith(h, inst, { seconds: 20, start: start.rows, sub: { free, rows: start.rows, window } });
  assert.equal(res.status, 'optimal');
  assert.ok(res.rows && res.penalty !== null);
  const sc = new CurtoisScorer(inst, res.rows);
  const full = sc.scoreFromScratch();
  assert.equal(full.hard, 0);
  let fixedOwn = 0;
  for (let e = 0; e < inst.staff.length; e++) if (!free.includes(e)) fixedOwn += sc.employeeScore(e).soft;
  assert.equal(res.penalty + fixedOwn, full.soft);
  assert.ok(full.soft <= start.score.soft, `${full.soft} > ${start.score.soft}`);
  for (let e = 0; e < inst.staff.length; e++)
    for (let d = 0; d < inst.horizon; d++)
      if (!free.includes(e) || d < window[0] || d > window[1]) assert.equal(res.rows[e][d], start.rows[e][d], `employee ${e} day ${d} changed`);
});

test('subMipSearch never loses the start rota and its result passes the independent checker', async () => {
  const inst = loadInstance(7);
  const highs = await loadHighs();
  const start = solveCurtois(inst, { seconds: 30, seed: 1, maxIterations: 150_000 });
  assert.equal(start.score.hard, 0);
  const res = subMipSearch(inst, start.rows, { highs, seed: 1, timeLimitMs: 4000 });
  assert.ok(res.steps > 0);
  assert.ok(res.score.soft <= start.score.soft);
  if (res.improved > 0) assert.ok(res.score.soft < start.score.soft);
  const c = independent(7, res.rows);
  assert.equal(c.feasible, true);
  assert.equal(c.objective, res.score.soft);
});

test('an annealing without a feasible rota at the hand-over goes on to the deadline instead', async () => {
  const inst = loadInstance(20);
  const highs = await loadHighs();
  const t0 = performance.now();
  // From an empty rota (the construction would hand it a feasible one at once).
  const empty = inst.staff.map(() => new Int16Array(inst.horizon).fill(-1));
  const r = solveCurtois(inst, { seconds: 1.5, seed: 1, highs, subMipAfter: 0.4, initial: empty });
  const took = performance.now() - t0;
  assert.ok(r.score.hard > 0, 'Instance20 is not feasible after 1.5 s');
  assert.equal(r.subMip, undefined);
  assert.ok(took > 1300 && took < 2500, `took ${took} ms`);
  assert.deepEqual(new CurtoisScorer(inst, r.rows).scoreFromScratch(), r.score);
});
