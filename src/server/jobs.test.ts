import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { GenerateFn } from './jobs.js';
import { login, testWorld, type TestClient, type TestWorld } from './testing.js';

/** A fake engine: reports progress every 20 ms for `ms`, then returns one day shift for the first employee. */
const fakeGenerate =
  (ms: number): GenerateFn =>
  (plan, { signal, onProgress }) =>
    new Promise((resolve) => {
      const t0 = Date.now();
      const timer = setInterval(() => {
        const elapsed = Date.now() - t0;
        onProgress({ fraction: Math.min(1, elapsed / ms), elapsedMs: elapsed, iteration: elapsed, best: { hard: 5, soft: 100 } });
        if (elapsed >= ms || signal.aborted) {
          clearInterval(timer);
          resolve({ plan: { ...plan, assignments: [{ employee: plan.employees[0].id, date: plan.start, shift: 'D' }] }, cancelled: signal.aborted, hardCount: 0, softCount: 3 });
        }
      }, 20);
    });

const until = async (f: () => Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await f())) {
    if (Date.now() > end) throw new Error('timeout');
    await new Promise((r) => setTimeout(r, 30));
  }
};

describe('background generation jobs (fake engine)', () => {
  let w: TestWorld;
  let planner: TestClient;
  before(async () => {
    w = await testWorld({ generate: fakeGenerate(400) });
    planner = await login(w.app, 'planlegger-a');
  });
  after(async () => {
    await w?.close();
  });

  test('start → progress → saved as the next version with the changed cells in the audit log', async () => {
    const start = await planner.json<{ job: { status: string; id: string } }>('POST', `/api/plans/${w.planA}/generate`, { seconds: 1 });
    assert.equal(start.status, 202);
    assert.equal(start.body.job.status, 'running');
    // A second start while running is a conflict; edits too.
    assert.equal((await planner.send('POST', `/api/plans/${w.planA}/generate`, { seconds: 1 })).status, 409);
    assert.equal((await planner.send('PUT', `/api/plans/${w.planA}/assignments`, { baseVersion: 1, assignments: [] })).status, 409);
    let seenProgress = false;
    await until(async () => {
      const { body } = await planner.json<{ job: { status: string; fraction: number } }>('GET', `/api/plans/${w.planA}/generate`);
      if (body.job.status === 'running' && body.job.fraction > 0) seenProgress = true;
      return body.job.status === 'done';
    });
    assert.ok(seenProgress);
    const { body } = await planner.json<{ job: { version: number; softCount: number } }>('GET', `/api/plans/${w.planA}/generate`);
    assert.equal(body.job.version, 2);
    const page = await planner.json<{ plan: { version: number; assignmentCount: number } }>('GET', `/api/plans/${w.planA}/page`);
    assert.equal(page.body.plan.version, 2);
    assert.equal(page.body.plan.assignmentCount, 1);
    const audit = await planner.json<{ entries: Array<{ action: string; actor: string; details: { changedCells?: number } }> }>('GET', `/api/plans/${w.planA}/audit`);
    const gen = audit.body.entries.find((e) => e.action === 'plan.generate')!;
    assert.equal(gen.actor, 'planlegger-a');
    assert.ok((gen.details.changedCells ?? 0) > 0);
  });

  test('cancel: the job ends as cancelled and nothing is saved', async () => {
    await planner.send('POST', `/api/plans/${w.planA}/generate`, { seconds: 1 });
    const cancel = await planner.json<{ job: { status: string } }>('DELETE', `/api/plans/${w.planA}/generate`);
    assert.equal(cancel.status, 200);
    await until(async () => (await planner.json<{ job: { status: string } }>('GET', `/api/plans/${w.planA}/generate`)).body.job.status === 'cancelled');
    const page = await planner.json<{ plan: { version: number } }>('GET', `/api/plans/${w.planA}/page`);
    assert.equal(page.body.plan.version, 2);
  });

  test('editing with a stale base version is a conflict; the current one saves the next version', async () => {
    assert.equal((await planner.send('PUT', `/api/plans/${w.planA}/assignments`, { baseVersion: 1, assignments: [] })).status, 409);
    const ok = await planner.json<{ plan: { version: number; assignmentCount: number } }>('PUT', `/api/plans/${w.planA}/assignments`, {
      baseVersion: 2,
      assignments: [{ employee: 'a-e2', date: '2027-03-03', shift: 'A' }],
    });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.plan.version, 3);
    const bad = await planner.json<{ errors: Array<{ path: string }> }>('PUT', `/api/plans/${w.planA}/assignments`, { baseVersion: 3, assignments: [{ employee: 'a-e2', date: '2027-03-03', shift: 'X' }] });
    assert.equal(bad.status, 400);
    assert.ok(bad.body.errors.some((e) => e.path === 'assignments[0].shift'));
    // Preview re-checks without saving.
    const preview = await planner.json<{ hardCount: number; employees: Array<{ id: string; cells: Array<string | null> }> }>('POST', `/api/plans/${w.planA}/preview`, {
      assignments: [
        { employee: 'a-e1', date: '2027-03-02', shift: 'A' },
        { employee: 'a-e1', date: '2027-03-03', shift: 'D' },
      ],
    });
    assert.equal(preview.status, 200);
    assert.equal(preview.body.employees.find((e) => e.id === 'a-e1')!.cells[2], 'D');
    const page = await planner.json<{ plan: { version: number } }>('GET', `/api/plans/${w.planA}/page`);
    assert.equal(page.body.plan.version, 3);
  });
});
