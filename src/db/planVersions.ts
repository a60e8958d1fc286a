/**
 * Plan versions (migration 009): a snapshot of every saved version of a plan, written by the
 * plan repository in the same transaction as the save, so that two versions can be compared.
 * The plan file is kept whole except its rota, which is stored compactly per employee: the
 * shift code of each day of the period, comma-separated ('' = free).
 */
import type { Plan } from '../core/model/plan.js';
import { parsePlan } from '../core/model/validatePlan.js';
import { addDays, toEpochDay } from '../core/time/localDate.js';
import type { Queryable } from './db.js';
import { iso } from './sql.js';

export interface PlanVersionInfo {
  version: number;
  savedAt: string;
  assignmentCount: number;
}

/** The rota as { employee: "D,,N,…" } over the days of the period. */
export function packRota(plan: Plan): Record<string, string> {
  const start = toEpochDay(plan.start);
  const days = toEpochDay(plan.end) - start + 1;
  const rows = new Map<string, string[]>();
  for (const a of plan.assignments) {
    let row = rows.get(a.employee);
    if (!row) rows.set(a.employee, (row = Array.from({ length: days }, () => '')));
    row[toEpochDay(a.date) - start] = a.shift;
  }
  const out: Record<string, string> = {};
  for (const [e, row] of rows) out[e] = row.join(',');
  return out;
}

export function unpackRota(plan: Pick<Plan, 'start' | 'employees'>, rota: Record<string, string>): Plan['assignments'] {
  const out: Plan['assignments'] = [];
  // In plan employee order, then by date (the order loadPlan gives).
  const order = [...plan.employees.map((e) => e.id), ...Object.keys(rota).filter((id) => !plan.employees.some((e) => e.id === id))];
  for (const employee of order) {
    const row = rota[employee];
    if (row === undefined) continue;
    row.split(',').forEach((shift, d) => {
      if (shift) out.push({ employee, date: addDays(plan.start, d), shift });
    });
  }
  return out;
}

/** Writes the snapshot of `plan` as `version` (replacing one of the same number). */
export async function writePlanVersion(q: Queryable, planId: string, version: number, plan: Plan): Promise<void> {
  const { assignments: _rota, ...rest } = plan;
  await q.query(
    `insert into plan_versions (plan_id, version, plan, rota) values ($1, $2, $3::text::jsonb, $4::text::jsonb)
     on conflict (plan_id, version) do update set plan = excluded.plan, rota = excluded.rota, saved_at = now()`,
    [planId, version, JSON.stringify(rest), JSON.stringify(packRota(plan))],
  );
}

export class PlanVersionRepository {
  constructor(private readonly q: Queryable) {}

  /** The plan file of one saved version, or null when that version was not kept. */
  async load(planId: string, version: number): Promise<Plan | null> {
    const r = await this.q.query<{ plan: Omit<Plan, 'assignments'>; rota: Record<string, string> }>(
      'select plan, rota from plan_versions where plan_id = $1 and version = $2',
      [planId, version],
    );
    if (!r.rows.length) return null;
    const { plan, rota } = r.rows[0];
    const parsed = parsePlan({ ...plan, assignments: unpackRota(plan, rota) });
    if (!parsed.ok) throw new Error(`versjon ${version} av planen kan ikke leses / stored version is invalid: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
    return parsed.value;
  }

  /** The kept versions, newest first. */
  async list(planId: string): Promise<PlanVersionInfo[]> {
    const r = await this.q.query<{ version: number; saved_at: Date; rota: Record<string, string> }>(
      'select version, saved_at, rota from plan_versions where plan_id = $1 order by version desc',
      [planId],
    );
    return r.rows.map((x) => ({
      version: x.version,
      savedAt: iso(x.saved_at),
      assignmentCount: Object.values(x.rota).reduce((n, row) => n + row.split(',').filter(Boolean).length, 0),
    }));
  }
}
