import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PlanSchema } from '../../core/model/plan.js';
import { generateInWorkers } from './pool.js';

const plan = PlanSchema.parse({
  unit: 'Arbeidertråder',
  start: '2027-01-04',
  end: '2027-01-17',
  shiftTypes: [
    { code: 'D', start: '07:00', end: '15:00' },
    { code: 'K', start: '14:30', end: '22:30' },
  ],
  employees: Array.from({ length: 6 }, (_, i) => ({ id: `e${i}`, name: `Ansatt ${i}`, competence: 'helsefagarbeider', positionPercent: 75 })),
  demand: [{ shift: 'D', min: 1 }, { shift: 'K', min: 1 }],
});

test('two worker threads search in parallel, report progress, and return the better rota', async () => {
  let progress = 0;
  const t0 = Date.now();
  const r = await generateInWorkers(plan, { seconds: 4, threads: 2, onProgress: () => progress++ });
  assert.equal(r.workers, 2);
  // However loaded the machine, no breach of law is returned (only understaffing may remain).
  assert.deepEqual(r.check.violations.filter((v) => v.severity === 'hard' && v.rule !== 'PRA-11'), []);
  assert.ok(r.plan.assignments.length > 0);
  assert.ok(progress > 0);
  assert.ok(Date.now() - t0 < 4000 + 1000 + 500, 'at most a second past the time limit (+ scheduling slack)');
});

test('cancel: an abort stops the search early and still returns the best rota so far', async () => {
  const ac = new AbortController();
  const t0 = Date.now();
  setTimeout(() => ac.abort(), 600);
  const r = await generateInWorkers(plan, { seconds: 30, threads: 2, signal: ac.signal });
  assert.equal(r.cancelled, true);
  assert.ok(Date.now() - t0 < 5000);
  assert.ok(r.plan.assignments.length > 0);
});

test('a crash in one worker is reported and the other worker’s rota is used', async () => {
  const r = await generateInWorkers(plan, { seconds: 4, threads: 2, crashWorker0AfterMs: 200 });
  assert.equal(r.worker, 1);
  assert.equal(r.errors.length, 1);
  assert.match(r.errors[0], /worker 0/);
});

test('when the only worker crashes mid-search the caller still gets its best rota so far, with the error', async () => {
  const r = await generateInWorkers(plan, { seconds: 4, threads: 1, crashWorker0AfterMs: 200 });
  assert.equal(r.errors.length, 1);
  assert.match(r.errors[0], /exited with code 70/);
  assert.ok(r.plan.assignments.length > 0);
});

test('when every worker crashes before it has anything the caller gets an error, not a hang', async () => {
  await assert.rejects(generateInWorkers(plan, { seconds: 5, threads: 1, crashWorker0AfterMs: 0 }), /failed in every worker: worker 0 exited with code 70/);
});
