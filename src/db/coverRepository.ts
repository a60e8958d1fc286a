/**
 * The day of absence (migration 005): planned vs actual per shift that did not go as planned,
 * and the notices to the people a cover affects.
 */
import type { Queryable } from './db.js';
import { iso, num } from './sql.js';

export const COVER_KINDS = ['prediction', 'own', 'pool', 'substitute', 'uncovered'] as const;
export type ActualCoverKind = (typeof COVER_KINDS)[number];

export interface ShiftActualInput {
  date: string;
  shift: string;
  plannedEmployee: string | null;
  actualEmployee: string | null;
  actualCompetence: string | null;
  coverKind: ActualCoverKind;
  substituteName?: string | null;
  usedPrediction?: string | null;
}

export interface ShiftActual extends ShiftActualInput {
  id: number;
  planId: string;
  recordedBy: string | null;
  recordedAt: string;
  planVersion: number;
}

export interface Notice {
  id: number;
  employeeId: string;
  planId: string | null;
  messageNb: string;
  messageEn: string;
  createdAt: string;
  readAt: string | null;
}

export class CoverRepository {
  constructor(private readonly q: Queryable) {}

  async recordActuals(planId: string, planVersion: number, recordedBy: string | null, rows: readonly ShiftActualInput[]): Promise<void> {
    for (const r of rows) {
      await this.q.query(
        `insert into shift_actuals (plan_id, work_date, shift_code, planned_employee, actual_employee, actual_competence, cover_kind, substitute_name, used_prediction, recorded_by, plan_version)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [planId, r.date, r.shift, r.plannedEmployee, r.actualEmployee, r.actualCompetence, r.coverKind, r.substituteName ?? null, r.usedPrediction ?? null, recordedBy, planVersion],
      );
    }
  }

  async listActuals(planId: string, from?: string, to?: string): Promise<ShiftActual[]> {
    const r = await this.q.query<{
      id: number;
      plan_id: string;
      work_date: string;
      shift_code: string;
      planned_employee: string | null;
      actual_employee: string | null;
      actual_competence: string | null;
      cover_kind: ActualCoverKind;
      substitute_name: string | null;
      used_prediction: string | null;
      recorded_by: string | null;
      recorded_at: Date;
      plan_version: number;
    }>(
      `select id, plan_id, to_char(work_date, 'YYYY-MM-DD') as work_date, shift_code, planned_employee, actual_employee, actual_competence, cover_kind,
              substitute_name, used_prediction, recorded_by, recorded_at, plan_version
       from shift_actuals where plan_id = $1 and ($2::date is null or work_date >= $2::date) and ($3::date is null or work_date <= $3::date)
       order by work_date, id`,
      [planId, from ?? null, to ?? null],
    );
    return r.rows.map((x) => ({
      id: num(x.id),
      planId: x.plan_id,
      date: x.work_date,
      shift: x.shift_code,
      plannedEmployee: x.planned_employee,
      actualEmployee: x.actual_employee,
      actualCompetence: x.actual_competence,
      coverKind: x.cover_kind,
      substituteName: x.substitute_name,
      usedPrediction: x.used_prediction,
      recordedBy: x.recorded_by,
      recordedAt: iso(x.recorded_at),
      planVersion: x.plan_version,
    }));
  }

  async notify(employeeId: string, planId: string | null, messageNb: string, messageEn: string): Promise<void> {
    await this.q.query('insert into notifications (employee_id, plan_id, message_nb, message_en) values ($1, $2, $3, $4)', [
      employeeId,
      planId,
      messageNb.slice(0, 500),
      messageEn.slice(0, 500),
    ]);
  }

  async listNotices(employeeId: string, limit = 50): Promise<Notice[]> {
    const r = await this.q.query<{ id: number; employee_id: string; plan_id: string | null; message_nb: string; message_en: string; created_at: Date; read_at: Date | null }>(
      'select id, employee_id, plan_id, message_nb, message_en, created_at, read_at from notifications where employee_id = $1 order by created_at desc, id desc limit $2',
      [employeeId, limit],
    );
    return r.rows.map((n) => ({
      id: num(n.id),
      employeeId: n.employee_id,
      planId: n.plan_id,
      messageNb: n.message_nb,
      messageEn: n.message_en,
      createdAt: iso(n.created_at),
      readAt: n.read_at ? iso(n.read_at) : null,
    }));
  }

  async markRead(employeeId: string): Promise<number> {
    const r = await this.q.query('update notifications set read_at = now() where employee_id = $1 and read_at is null', [employeeId]);
    return r.rowCount ?? 0;
  }
}
