/**
 * Position history (migration 006): every change of an employee's position percentage or home
 * unit with the day it took effect, written by a trigger on `employees` whatever path changed it.
 */
import type { Queryable } from './db.js';
import { num } from './sql.js';

export interface PositionPeriod {
  employeeId: string;
  unitId: string;
  positionPercent: number;
  /** First day held; undefined for the first known record (held since before the history began). */
  validFrom?: string;
  /** Last day held; undefined while it is held. */
  validTo?: string;
}

const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The periods of each employee's positions, in order; several changes on one day count as the last. */
export async function positionHistory(q: Queryable, employeeIds: readonly string[]): Promise<Map<string, PositionPeriod[]>> {
  const out = new Map<string, PositionPeriod[]>();
  if (!employeeIds.length) return out;
  const r = await q.query<{ employee_id: string; unit_id: string; position_percent: string | number; valid_from: string }>(
    `select employee_id, unit_id, position_percent, to_char(valid_from, 'YYYY-MM-DD') as valid_from
     from employee_positions where employee_id = any($1::text[]) order by employee_id, valid_from, id`,
    [employeeIds],
  );
  const byEmp = new Map<string, Array<{ unitId: string; positionPercent: number; from: string }>>();
  for (const row of r.rows) {
    const list = byEmp.get(row.employee_id) ?? [];
    const rec = { unitId: row.unit_id, positionPercent: num(row.position_percent), from: row.valid_from };
    if (list.length && list[list.length - 1].from === rec.from) list[list.length - 1] = rec;
    else list.push(rec);
    byEmp.set(row.employee_id, list);
  }
  for (const [id, list] of byEmp)
    out.set(
      id,
      list.map((p, i) => ({
        employeeId: id,
        unitId: p.unitId,
        positionPercent: p.positionPercent,
        ...(i > 0 ? { validFrom: p.from } : {}),
        ...(i + 1 < list.length ? { validTo: dayBefore(list[i + 1].from) } : {}),
      })),
    );
  return out;
}
