/** Employee rows ↔ plan-file employees, shared by the employee and plan repositories. */
import type { EmployeeInput } from '../core/model/plan.js';
import type { Queryable } from './db.js';
import type { EmployeeRecord } from './repositories.js';
import { insertValues, num, opt } from './sql.js';

export const EMPLOYEE_COLUMNS =
  'e.id, e.unit_id, e.name, e.competence, e.competences, e.position_percent, e.contract, e.birth_date, ' +
  'e.can_work_long_shifts, e.can_work_nights, e.desired_position_percent, e.weekend_frequency';

export interface EmployeeRow {
  id: string;
  unit_id: string;
  name: string;
  competence: string | null;
  competences: string[] | null;
  position_percent: string | number;
  contract: EmployeeInput['contract'] | null;
  birth_date: string | null;
  can_work_long_shifts: boolean | null;
  can_work_nights: boolean | null;
  desired_position_percent: string | number | null;
  weekend_frequency: number | null;
}

/** The plan-file employee (keys in schema order, absent fields left out). */
export function employeeFromRow(r: EmployeeRow, withHomeUnit = false): EmployeeInput {
  const out: Record<string, unknown> = { id: r.id, name: r.name };
  if (r.competence !== null) out.competence = r.competence;
  if (r.competences !== null) out.competences = r.competences;
  out.positionPercent = num(r.position_percent);
  if (r.contract !== null) out.contract = r.contract;
  if (withHomeUnit) out.homeUnit = r.unit_id;
  if (r.can_work_long_shifts !== null) out.canWorkLongShifts = r.can_work_long_shifts;
  if (r.can_work_nights !== null) out.canWorkNights = r.can_work_nights;
  if (r.birth_date !== null) out.birthDate = r.birth_date;
  if (r.weekend_frequency !== null) out.weekendFrequency = r.weekend_frequency;
  const desired = opt(r.desired_position_percent);
  if (desired !== undefined) out.desiredPositionPercent = num(desired);
  return out as EmployeeInput;
}

export function employeeRecordFromRow(r: EmployeeRow): EmployeeRecord {
  return { ...employeeFromRow(r), unitId: r.unit_id };
}

/**
 * Inserts or updates employees. New employees get `homeUnit` (default `unitId`) as home unit; existing
 * ones keep theirs unless the plan file names one (`homeUnit`).
 */
export async function upsertEmployees(q: Queryable, unitId: string, employees: readonly EmployeeInput[]): Promise<void> {
  if (employees.length === 0) return;
  const rows = employees.map((e) => [
    e.id,
    e.homeUnit ?? unitId,
    e.name,
    e.competence ?? null,
    e.competences ?? null,
    e.positionPercent,
    e.contract ?? null,
    e.birthDate ?? null,
    e.canWorkLongShifts ?? null,
    e.canWorkNights ?? null,
    e.desiredPositionPercent ?? null,
    e.weekendFrequency ?? null,
  ]);
  await insertValues(
    q,
    'employees',
    [
      'id',
      'unit_id',
      'name',
      'competence',
      'competences',
      'position_percent',
      'contract',
      'birth_date',
      'can_work_long_shifts',
      'can_work_nights',
      'desired_position_percent',
      'weekend_frequency',
    ],
    rows,
    `on conflict (id) do update set
       name = excluded.name, competence = excluded.competence, competences = excluded.competences,
       position_percent = excluded.position_percent, contract = excluded.contract, birth_date = excluded.birth_date,
       can_work_long_shifts = excluded.can_work_long_shifts, can_work_nights = excluded.can_work_nights,
       desired_position_percent = excluded.desired_position_percent, weekend_frequency = excluded.weekend_frequency,
       updated_at = now()`,
  );
  const moved = employees.filter((e) => e.homeUnit !== undefined);
  if (moved.length)
    await q.query(
      `update employees e set unit_id = v.unit_id, updated_at = now()
       from unnest($1::text[], $2::text[]) as v(id, unit_id) where e.id = v.id and e.unit_id <> v.unit_id`,
      [moved.map((e) => e.id), moved.map((e) => e.homeUnit)],
    );
}
