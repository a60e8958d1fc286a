/**
 * Conformance tests for the plan versions (migration 009), registered inside the repository
 * conformance suite so that both drivers (PGlite and PostgreSQL) run them on the same database.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePlan } from '../core/model/validatePlan.js';
import type { Plan } from '../core/model/plan.js';
import { pgErrorInfo, type Db } from './db.js';
import { fixturePlan } from './fixtures.js';
import { PlanVersionRepository, packRota, unpackRota } from './planVersions.js';
import { createRepositories } from './sqlRepositories.js';

function parsed(raw: unknown): Plan {
  const r = parsePlan(raw);
  if (!r.ok) throw new Error(`fixture invalid: ${JSON.stringify(r.problems)}`);
  return r.value;
}

export function registerPlanVersionsConformance(get: () => { db: Db; newUnit: () => Promise<string> }): void {
  test('plan versions: every save keeps its version, old versions load as they were saved', async () => {
    const { db, newUnit } = get();
    const repos = createRepositories(db);
    const versions = new PlanVersionRepository(db);
    const unit = await newUnit();
    const v1 = parsed(fixturePlan({ prefix: 'pv' }));
    const saved = await repos.plans.savePlan(unit, v1, { name: 'Versjoner' });
    assert.equal(saved.version, 1);
    // Version 2: one cell changed, one removed, one added; a staffing line and a rule changed.
    const v2 = parsed({
      ...v1,
      assignments: [...v1.assignments.filter((a) => !(a.employee === 'pv-e2' && a.date === '2027-03-04')).map((a) => (a.employee === 'pv-e1' && a.date === '2027-03-01' ? { ...a, shift: 'A' } : a)), { employee: 'pv-e3', date: '2027-03-05', shift: 'D' }],
      demand: v1.demand.map((d, i) => (i === 0 ? { ...d, min: 2 } : d)),
      rules: { ...v1.rules, weekend: { ...v1.rules.weekend, frequency: 3 } },
    });
    const second = await repos.plans.savePlan(unit, v2, { planId: saved.id });
    assert.equal(second.version, 2);

    const loaded1 = await versions.load(saved.id, 1);
    const loaded2 = await versions.load(saved.id, 2);
    assert.deepEqual(loaded1, await loadedAs(repos, v1, unit));
    assert.deepEqual(loaded2, await repos.plans.loadPlan(saved.id));
    assert.equal(loaded1!.demand[0].min, 1);
    assert.equal(loaded2!.demand[0].min, 2);
    assert.equal(loaded1!.rules.weekend.frequency, 2);
    assert.equal(await versions.load(saved.id, 3), null);
    const list = await versions.list(saved.id);
    assert.deepEqual(list.map((x) => [x.version, x.assignmentCount]), [[2, v2.assignments.length], [1, v1.assignments.length]]);
    assert.ok(list.every((x) => /^\d{4}-\d{2}-\d{2}T/.test(x.savedAt)));

    // A failed save writes no version (one transaction).
    const bad = { ...v2, assignments: [...v2.assignments, { employee: 'pv-e1', date: '2027-03-02', shift: 'X' }] } as Plan;
    await assert.rejects(repos.plans.savePlan(unit, bad, { planId: saved.id }));
    assert.equal((await versions.list(saved.id)).length, 2);

    // Versions go with their plan; a version number is kept once per plan and must be ≥ 1.
    const code = async (sql: string, params: unknown[]) => {
      try {
        await db.query(sql, params);
      } catch (e) {
        return pgErrorInfo(e).code;
      }
      return undefined;
    };
    assert.equal(await code(`insert into plan_versions (plan_id, version, plan, rota) values ($1, 1, '{}'::jsonb, '{}'::jsonb)`, [saved.id]), '23505');
    assert.equal(await code(`insert into plan_versions (plan_id, version, plan, rota) values ($1, 0, '{}'::jsonb, '{}'::jsonb)`, [saved.id]), '23514');
    assert.equal(await code(`insert into plan_versions (plan_id, version, plan, rota) values ($1, 9, '[]'::jsonb, '{}'::jsonb)`, [saved.id]), '23514');
    assert.equal(await code(`insert into plan_versions (plan_id, version, plan, rota) values ('no-such-plan', 1, '{}'::jsonb, '{}'::jsonb)`, []), '23503');
    await db.query('delete from plans where id = $1', [saved.id]);
    assert.equal((await db.query<{ n: number }>('select count(*)::integer as n from plan_versions where plan_id = $1', [saved.id])).rows[0].n, 0);
  });

  test('plan versions: the compact rota round-trips', () => {
    const plan = parsed(fixturePlan({ prefix: 'rt' }));
    const packed = packRota(plan);
    assert.equal(packed['rt-e1'].split(',').length, 14);
    assert.deepEqual(unpackRota(plan, packed), plan.assignments);
  });
}

/** What loadPlan gives for a plan file (canonical order) — saved in a plan of its own. */
async function loadedAs(repos: ReturnType<typeof createRepositories>, plan: Plan, unit: string): Promise<Plan | null> {
  const other = await repos.plans.savePlan(unit, plan);
  return repos.plans.loadPlan(other.id);
}
