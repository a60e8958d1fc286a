/**
 * Employee master data kept in the app (migration 008): a unit's staff with their employment
 * dates, created and edited one by one or by an imported file. Position changes reach the
 * position history through the trigger of migration 006, whatever path changes them.
 * Employees referenced by plans, absences, accounts or records are never deleted, only ended.
 */
import type { Queryable } from './db.js';
import { EMPLOYEE_COLUMNS, employeeRecordFromRow, type EmployeeRow } from './employeeRows.js';
import { ConflictError, NotFoundError } from './errors.js';
import { mapped } from './mapErrors.js';
import type { EmployeeRecord } from './repositories.js';

export interface StaffMember extends EmployeeRecord {
  /** First day of the employment (null: not recorded). */
  employedFrom: string | null;
  /** Last day of the employment (null: still employed). */
  employedTo: string | null;
}

/** The fields a leader edits. `null` clears an optional field; `undefined` leaves it as it is. */
export interface StaffFields {
  name?: string;
  competence?: string;
  positionPercent?: number;
  employedFrom?: string | null;
  employedTo?: string | null;
  canWorkLongShifts?: boolean | null;
  canWorkNights?: boolean | null;
  weekendFrequency?: number | null;
  contract?: 'permanent' | 'temporary' | 'hourly' | null;
}

export interface NewStaffMember extends StaffFields {
  id: string;
  name: string;
  competence: string;
  positionPercent: number;
}

type StaffRow = EmployeeRow & { employed_from: string | null; employed_to: string | null };

const COLUMNS = `${EMPLOYEE_COLUMNS}, to_char(e.employed_from, 'YYYY-MM-DD') as employed_from, to_char(e.employed_to, 'YYYY-MM-DD') as employed_to`;

const FIELD_COLUMNS: Record<Exclude<keyof StaffFields, 'competence'>, string> = {
  name: 'name',
  positionPercent: 'position_percent',
  employedFrom: 'employed_from',
  employedTo: 'employed_to',
  canWorkLongShifts: 'can_work_long_shifts',
  canWorkNights: 'can_work_nights',
  weekendFrequency: 'weekend_frequency',
  contract: 'contract',
};

function fromRow(r: StaffRow): StaffMember {
  return { ...employeeRecordFromRow(r), employedFrom: r.employed_from, employedTo: r.employed_to };
}

/** Where an employee is referenced (then the employment is ended rather than the row deleted). */
const REFERENCES = [
  'select 1 from plan_employees where employee_id = $1',
  'select 1 from absences where employee_id = $1',
  'select 1 from users where employee_id = $1',
  'select 1 from wish_submissions where employee_id = $1',
  'select 1 from plan_comments where employee_id = $1',
  'select 1 from notifications where employee_id = $1',
  'select 1 from shift_actuals where planned_employee = $1 or actual_employee = $1',
];

export class StaffRepository {
  constructor(private readonly q: Queryable) {}

  /** Employees whose home unit is `unitId`, by name (ended ones too). */
  async list(unitId: string): Promise<StaffMember[]> {
    const r = await this.q.query<StaffRow>(`select ${COLUMNS} from employees e where e.unit_id = $1 order by e.name, e.id`, [unitId]);
    return r.rows.map(fromRow);
  }

  async get(id: string): Promise<StaffMember | null> {
    const r = await this.q.query<StaffRow>(`select ${COLUMNS} from employees e where e.id = $1`, [id]);
    return r.rows.length ? fromRow(r.rows[0]) : null;
  }

  /** Which of `ids` exist (in any unit), with their home unit. */
  async homeUnits(ids: readonly string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const r = await this.q.query<{ id: string; unit_id: string }>('select id, unit_id from employees where id = any($1::text[])', [[...ids]]);
    return new Map(r.rows.map((x) => [x.id, x.unit_id]));
  }

  /** Competences used by the unit's employees (main and further ones). */
  async competencesInUse(unitId: string): Promise<string[]> {
    const r = await this.q.query<{ c: string }>(
      `select distinct c from (select competence as c from employees where unit_id = $1
         union all select unnest(competences) from employees where unit_id = $1) x where c is not null order by c`,
      [unitId],
    );
    return r.rows.map((x) => x.c);
  }

  async create(unitId: string, m: NewStaffMember): Promise<StaffMember> {
    return mapped(
      this.q.transaction(async (tx) => {
        const exists = await tx.query('select 1 from employees where id = $1', [m.id]);
        if (exists.rows.length) throw new ConflictError(`ansattnummer «${m.id}» er allerede i bruk / employee number already in use`, 'id');
        await tx.query(
          `insert into employees (id, unit_id, name, competence, position_percent, employed_from, employed_to, can_work_long_shifts, can_work_nights, weekend_frequency, contract)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [m.id, unitId, m.name, m.competence, m.positionPercent, m.employedFrom ?? null, m.employedTo ?? null, m.canWorkLongShifts ?? null, m.canWorkNights ?? null, m.weekendFrequency ?? null, m.contract ?? null],
        );
        return (await new StaffRepository(tx).get(m.id))!;
      }),
    );
  }

  /** Changes the given fields; a new main competence goes first in the list of competences. */
  async update(id: string, f: StaffFields): Promise<StaffMember> {
    return mapped(
      this.q.transaction(async (tx) => {
        const cur = await tx.query<{ competences: string[] | null }>('select competences from employees where id = $1 for update', [id]);
        if (!cur.rows.length) throw new NotFoundError('ansatt / employee', id);
        const sets: string[] = [];
        const params: unknown[] = [id];
        const set = (col: string, v: unknown) => {
          params.push(v);
          sets.push(`${col} = $${params.length}`);
        };
        for (const [k, col] of Object.entries(FIELD_COLUMNS) as Array<[keyof typeof FIELD_COLUMNS, string]>) if (f[k] !== undefined) set(col, f[k]);
        if (f.competence !== undefined) {
          set('competence', f.competence);
          const list = cur.rows[0].competences;
          if (list) set('competences', [f.competence, ...list.filter((c) => c !== f.competence)]);
        }
        if (sets.length) await tx.query(`update employees set ${sets.join(', ')}, updated_at = now() where id = $1`, params);
        return (await new StaffRepository(tx).get(id))!;
      }),
    );
  }

  async isReferenced(id: string): Promise<boolean> {
    const r = await this.q.query<{ used: boolean }>(`select exists (${REFERENCES.join(' union all ')}) as used`, [id]);
    return r.rows[0].used;
  }

  /**
   * Removes an employee: deleted when nothing refers to them, otherwise the employment ends on
   * `lastDay` (kept when it already ended earlier).
   */
  async remove(id: string, lastDay: string): Promise<{ outcome: 'deleted' | 'ended'; member: StaffMember }> {
    return mapped(
      this.q.transaction(async (tx) => {
        const repo = new StaffRepository(tx);
        const member = await repo.get(id);
        if (!member) throw new NotFoundError('ansatt / employee', id);
        if (!(await repo.isReferenced(id))) {
          await tx.query('delete from employees where id = $1', [id]);
          return { outcome: 'deleted' as const, member };
        }
        const end = member.employedTo !== null && member.employedTo < lastDay ? member.employedTo : member.employedFrom !== null && member.employedFrom > lastDay ? member.employedFrom : lastDay;
        return { outcome: 'ended' as const, member: await repo.update(id, { employedTo: end }) };
      }),
    );
  }
}
