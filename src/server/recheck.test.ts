/**
 * The incremental re-check of edits (POST /api/plans/:id/recheck) against the full one
 * (POST …/preview): after every edit of a random walk on the demo ward, the patch must equal the
 * same parts of the full grid, and every part it leaves out must be unchanged from the grid before.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parsePlan } from '../core/model/validatePlan.js';
import { createRepositories } from '../db/sqlRepositories.js';
import { generateDemo } from '../demo/index.js';
import { generateRota } from '../engine/generate.js';
import { Rng } from '../engine/random.js';
import { applyGridPatch } from '../web/gridPatch.js';
import type { GridPatchView, PlanGridView } from './planView.js';
import { login, testWorld, UNIT_A, type TestClient, type TestWorld } from './testing.js';

let w: TestWorld;
let planner: TestClient;
let planId = '';

before(async () => {
  w = await testWorld();
  const ward = generateDemo({ weeks: 3 }).units.find((u) => u.kind === 'sykehjem')!.plan;
  const input = parsePlan({ ...ward, employees: ward.employees.map(({ homeUnit: _h, ...e }) => e) });
  assert.ok(input.ok);
  const rota = generateRota(input.value, { seconds: 5, maxIterations: 300, seed: 7 }).plan;
  planId = (await createRepositories(w.db).plans.savePlan(UNIT_A, rota, { name: 'Avdelingen' })).id;
  planner = await login(w.app, 'planlegger-a');
});
after(() => w.close());

type Cells = Array<Array<string | null>>;

const assignmentsOf = (view: PlanGridView, cells: Cells) =>
  view.employees.flatMap((emp, e) => view.days.flatMap((day, d) => (cells[e][d] ? [{ employee: emp.id, date: day.date, shift: cells[e][d]! }] : [])));

describe('instant re-check of edits', () => {
  test('a random walk of edits: the patch is the full re-check where it reports, and nothing else changed', async () => {
    const page = await planner.json<{ view: PlanGridView }>('GET', `/api/plans/${planId}/page`);
    assert.equal(page.status, 200);
    const base = page.body.view;
    assert.ok(base.checkToken, 'an editor gets a check token');
    const codes = base.shiftTypes.map((s) => s.code);
    const cells: Cells = base.employees.map((r) => [...r.cells]);
    let prev = base;
    const rng = new Rng(11);
    let invalid = 0;
    let applied = 0;
    for (let step = 0; step < 40; step++) {
      const e = Math.floor(rng.next() * cells.length);
      const d = Math.floor(rng.next() * base.days.length);
      const was = cells[e][d];
      const pickFree = rng.next() < 0.3;
      cells[e][d] = pickFree ? null : codes[Math.floor(rng.next() * codes.length)];
      if (cells[e][d] === was) continue;
      const changes = base.employees.flatMap((emp, i) => base.days.flatMap((day, j) => (cells[i][j] !== emp.cells[j] ? [{ employee: emp.id, date: day.date, shift: cells[i][j] }] : [])));
      const edited = [{ employee: base.employees[e].id, date: base.days[d].date }];
      const patch: { status: number; body: GridPatchView & { errors?: unknown } } = await planner.json('POST', `/api/plans/${planId}/recheck`, { token: base.checkToken, changes, edited });
      const full: { status: number; body: PlanGridView & { errors?: unknown } } = await planner.json('POST', `/api/plans/${planId}/preview`, { assignments: assignmentsOf(base, cells) });
      if (full.status === 400) {
        // An invalid rota (overlapping shifts) is refused the same way by both.
        assert.equal(patch.status, 400);
        assert.deepEqual(patch.body.errors, full.body.errors);
        cells[e][d] = was;
        invalid++;
        continue;
      }
      assert.equal(patch.status, 200, JSON.stringify(patch.body));
      applied++;
      const next = full.body;
      const p = patch.body;
      const ids = new Set(p.employees.map((r) => r.id));
      const dates = new Set(p.dates);
      assert.deepEqual([...ids], [base.employees[e].id]);
      assert.deepEqual(p.dates, [base.days[d].date]);
      for (const row of next.employees) {
        if (ids.has(row.id)) assert.deepEqual(p.employees.find((r) => r.id === row.id), row);
        else assert.deepEqual(row, prev.employees.find((r) => r.id === row.id), `row ${row.id} unchanged`);
      }
      const reported = (v: PlanGridView['violations'][number]) => (v.employee !== null ? ids.has(v.employee) : dates.has(v.dates[0]));
      assert.deepEqual(p.violations, next.violations.filter(reported));
      assert.deepEqual(
        next.violations.filter((v) => !reported(v)),
        prev.violations.filter((v) => !reported(v)),
      );
      assert.deepEqual(p.wishes, next.wishes.filter((x) => ids.has(x.employee)));
      assert.deepEqual(
        next.wishes.filter((x) => !ids.has(x.employee)),
        prev.wishes.filter((x) => !ids.has(x.employee)),
      );
      next.coverage.forEach((row, k) =>
        row.days.forEach((x, j) => assert.deepEqual(x, dates.has(next.days[j].date) ? p.coverage[k][p.dates.indexOf(next.days[j].date)] : prev.coverage[k].days[j])),
      );
      assert.equal(p.hardCount, next.hardCount);
      assert.equal(p.softCount, next.softCount);
      // The page's merge (src/web/gridPatch.ts) gives the full re-check's grid.
      const { checkToken: _a, ...merged } = applyGridPatch(prev, p) as PlanGridView;
      const { checkToken: _b, ...expected } = next;
      assert.deepEqual(merged, expected);
      prev = next;
    }
    assert.ok(applied >= 20 && invalid >= 1, `edits re-checked: ${applied}, refused: ${invalid}`);
  });

  test('undoing every edit gives the grid the page started from', async () => {
    const page = await planner.json<{ view: PlanGridView }>('GET', `/api/plans/${planId}/page`);
    const base = page.body.view;
    const emp = base.employees[2];
    const day = emp.cells.findIndex((c, d) => c === null && (d === 0 || emp.cells[d - 1] !== 'N') && emp.absences[d] === null);
    const edited = [{ employee: emp.id, date: base.days[day].date }];
    const one = await planner.json<GridPatchView>('POST', `/api/plans/${planId}/recheck`, { token: base.checkToken, changes: [{ ...edited[0], shift: 'D' }], edited });
    assert.equal(one.status, 200);
    assert.equal(one.body.employees[0].cells[day], 'D');
    const back = await planner.json<GridPatchView>('POST', `/api/plans/${planId}/recheck`, { token: base.checkToken, changes: [], edited });
    assert.deepEqual(back.body.employees[0], emp);
    assert.equal(back.body.hardCount, base.hardCount);
    assert.equal(back.body.softCount, base.softCount);
  });

  test('an unknown token or another plan’s token is a conflict on "token"; bad cells are 400; others may not re-check', async () => {
    const page = await planner.json<{ view: PlanGridView }>('GET', `/api/plans/${w.planA}/page`);
    const token = page.body.view.checkToken!;
    const stale = await planner.json<{ errors: Array<{ path: string }> }>('POST', `/api/plans/${planId}/recheck`, { token: 'nope', changes: [], edited: [] });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.errors[0].path, 'token');
    assert.equal((await planner.send('POST', `/api/plans/${planId}/recheck`, { token, changes: [], edited: [] })).status, 409);
    const bad = await planner.json<{ errors: Array<{ path: string }> }>('POST', `/api/plans/${w.planA}/recheck`, {
      token,
      changes: [
        { employee: 'ukjent', date: '2027-03-02', shift: 'D' },
        { employee: 'a-e1', date: '2030-01-01', shift: 'D' },
        { employee: 'a-e1', date: '2027-03-03', shift: 'X' },
      ],
      edited: [],
    });
    assert.equal(bad.status, 400);
    assert.deepEqual(
      bad.body.errors.map((e) => e.path),
      ['changes[0].employee', 'changes[1].date', 'changes[2].shift'],
    );
    const rep = await login(w.app, 'tillitsvalgt-a');
    assert.equal((await rep.send('POST', `/api/plans/${w.planA}/recheck`, { token, changes: [], edited: [] })).status, 403);
    // Representatives and employees get no token.
    const repPage = await rep.json<{ view: PlanGridView }>('GET', `/api/plans/${w.planA}/page`);
    assert.equal(repPage.body.view?.checkToken, undefined);
  });
});
