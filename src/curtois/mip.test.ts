/**
 * The exact model (HiGHS): on the smallest instance it proves the published optimum, the
 * independent checker agrees with its penalty, and a start rota is kept or improved, never lost.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadInstance } from './files.js';
import { buildCurtoisLp, loadHighs, mipSuits, solveCurtoisMip, solveCurtoisMipWith } from './mip.js';
import { RowOptimizer } from './rowdp.js';
import { CurtoisScorer } from './scorer.js';
import { solveCurtois } from './solve.js';
import { independent } from './independent.js';


test('Instance1: HiGHS proves the optimum 607 and the independent checker agrees', async () => {
  const inst = loadInstance(1);
  const res = await solveCurtoisMip(inst, { seconds: 120 });
  assert.equal(res.status, 'optimal');
  assert.equal(res.penalty, 607);
  assert.equal(res.bound, 607);
  assert.ok(res.rows);
  const c = independent(1, res.rows);
  assert.equal(c.feasible, true);
  assert.equal(c.objective, 607);
  assert.deepEqual(new CurtoisScorer(inst, res.rows).scoreFromScratch(), { hard: 0, soft: 607 });
});

test('a start rota is kept when the time is too short to improve it', async () => {
  const inst = loadInstance(3);
  const start = solveCurtois(inst, { seconds: 30, seed: 2, maxIterations: 200_000 });
  assert.equal(start.score.hard, 0);
  const res = await solveCurtoisMip(inst, { seconds: 0.2, start: start.rows });
  assert.ok(res.rows, res.status);
  const s = new CurtoisScorer(inst, res.rows).scoreFromScratch();
  assert.equal(s.hard, 0);
  assert.ok(s.soft <= start.score.soft, `${s.soft} > ${start.score.soft}`);
  assert.equal(res.penalty, s.soft);
  if (res.bound !== null) assert.ok(res.bound <= s.soft);
});

test('the model has a column per allowed cell and is used only on small instances', () => {
  const inst = loadInstance(2);
  const lp = buildCurtoisLp(inst);
  const cells = inst.staff.reduce((n, st) => n + inst.shifts.filter((_, s) => st.maxShifts[s] > 0).length * (inst.horizon - st.daysOff.length), 0);
  assert.equal(lp.columns.filter((c) => c.startsWith('x')).length, cells);
  assert.equal(lp.offset, inst.onRequests.reduce((n, r) => n + r.weight, 0));
  assert.equal(mipSuits(loadInstance(1)), true);
  assert.equal(mipSuits(loadInstance(24)), false);
});

test('row optimiser: the best whole row of each Instance 8 employee equals the exact one-employee model (night shifts limited to 4)', async () => {
  // Instance 8 has more night-shift cover than its staff may work (MaxShifts N = 4 for most), so
  // the MaxShifts limit binds in the row programme; HiGHS solves the same one-employee problem.
  const inst = loadInstance(8);
  const start = solveCurtois(inst, { seconds: 600, seed: 5, maxIterations: 300_000 });
  const sc = new CurtoisScorer(inst, start.rows);
  assert.equal(sc.hard, 0);
  const dp = new RowOptimizer(inst);
  const h = await loadHighs();
  const N = inst.shifts.findIndex((s) => s.id === 'N');
  let nightsAtLimit = 0;
  for (let e = 0; e < inst.staff.length; e++) {
    const keep = Array.from(sc.row(e));
    const res = dp.optimize(sc, e, 0, inst.horizon - 1, 1e6);
    assert.ok(res, `employee ${e}: the row programme finds a row`);
    res.values.forEach((v, d) => sc.set(e, d, v));
    const dpScore = sc.score();
    if (inst.staff[e].maxShifts[N] > 0 && res.values.filter((v) => v === N).length === inst.staff[e].maxShifts[N]) nightsAtLimit++;
    keep.forEach((v, d) => sc.set(e, d, v));
    const mip = solveCurtoisMipWith(h, inst, { seconds: 30, sub: { free: [e], rows: sc.snapshot() } });
    assert.equal(mip.status, 'optimal');
    assert.ok(mip.rows);
    const mipScore = new CurtoisScorer(inst, mip.rows).scoreFromScratch();
    assert.equal(dpScore.hard, 0);
    assert.equal(dpScore.soft, mipScore.soft, `employee ${e}`);
  }
  assert.ok(nightsAtLimit > 0, 'the night-shift limit binds for some employees');
});
