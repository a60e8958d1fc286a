import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { positionHistory } from '../db/positionHistory.js';
import { createRepositories } from '../db/sqlRepositories.js';
import { todayInOslo } from './absences.js';
import { login, testWorld, UNIT_A, type TestClient, type TestWorld } from './testing.js';

describe('position history: benefit tracking sees a position change from the day it took effect', () => {
  let w: TestWorld;
  let leader: TestClient;
  before(async () => {
    w = await testWorld();
    leader = await login(w.app, 'leder-a');
  });
  after(async () => {
    await w?.close();
  });

  test('a raised position is kept with its day; the average position as of before and after differs by it', async () => {
    const today = (await w.db.query<{ d: string }>(`select to_char(current_date, 'YYYY-MM-DD') as d`)).rows[0].d;
    const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    // The test world's staff were stored today; date their first positions a month back.
    await w.db.query(`update employee_positions set valid_from = current_date - 30`);
    const repos = createRepositories(w.db);
    const e2 = (await repos.employees.get('a-e2'))!;
    assert.equal(e2.positionPercent, 37.5);
    const { unitId: _u, ...input } = e2;
    await repos.employees.upsert(UNIT_A, [{ ...input, positionPercent: 75 }]);
    await repos.employees.upsert(UNIT_A, [{ ...input, positionPercent: 75, name: 'Ola Hansen' }]); // no change: no new period

    const h = await positionHistory(w.db, ['a-e2']);
    const periods = h.get('a-e2')!;
    assert.equal(periods.length, 2);
    assert.deepEqual([periods[0].positionPercent, periods[0].validFrom, periods[0].validTo], [37.5, undefined, yesterday]);
    assert.deepEqual([periods[1].positionPercent, periods[1].validFrom, periods[1].validTo], [75, today, undefined]);

    const date = today > todayInOslo() ? today : todayInOslo();
    const c = await leader.json<{ changes: Array<{ key: string; baseline: number | null; current: number | null; change: number | null }> }>(
      'GET',
      `/api/metrics/compare?scope=unit&id=${UNIT_A}&baseline=${yesterday}&date=${date}`,
    );
    assert.equal(c.status, 200, JSON.stringify(c.body));
    const avg = c.body.changes.find((x) => x.key === 'positions.averagePosition' || x.key === 'averagePosition')!;
    assert.ok(avg, JSON.stringify(c.body.changes.map((x) => x.key)));
    // 80, 37.5, 100 → 80, 75, 100: the average rises by 12.5 percentage points.
    assert.equal(avg.baseline, 72.5);
    assert.equal(avg.current, 85);
    assert.equal(avg.change, 12.5);
  });
});
