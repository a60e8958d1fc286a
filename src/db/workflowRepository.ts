/**
 * The plan workflow around the plan file (migration 002): wish rounds and wish forms,
 * hearing comments and recorded approvals. Wishes are written straight into `wishes` for
 * one employee, so a wish form never rewrites (or re-versions) the rest of the plan.
 */
import type { Queryable } from './db.js';
import { NotFoundError, ValidationError } from './errors.js';
import { iso, num } from './sql.js';
import type { Role } from './userRepository.js';

export interface WishRound {
  planId: string;
  isOpen: boolean;
  deadline: string | null;
  openedBy: string;
  openedAt: string;
  closedAt: string | null;
}

export interface WishInput {
  date: string;
  /** Shift code, or null for the whole day. */
  shift: string | null;
  kind: 'want' | 'avoid';
  weight: number;
}

export interface WishSubmission {
  employeeId: string;
  submittedAt: string;
  wishCount: number;
  desiredPositionPercent: number | null;
  longShifts: 'yes' | 'no' | 'indifferent' | null;
  note: string | null;
  /** Saturdays of the weekends the employee would rather work; null: no preference. */
  preferredWeekends: string[] | null;
}

export interface PlanComment {
  id: number;
  planId: string;
  planVersion: number;
  userId: string;
  author: string;
  role: string;
  employeeId: string | null;
  body: string;
  createdAt: string;
}

export interface PlanApproval {
  id: number;
  planId: string;
  planVersion: number;
  userId: string;
  approver: string;
  role: Role;
  comment: string | null;
  approvedAt: string;
}

export class WorkflowRepository {
  constructor(private readonly q: Queryable) {}

  async getWishRound(planId: string): Promise<WishRound | null> {
    const r = await this.q.query<{ plan_id: string; is_open: boolean; deadline: string | null; opened_by: string; opened_at: Date; closed_at: Date | null }>(
      'select plan_id, is_open, deadline, opened_by, opened_at, closed_at from wish_rounds where plan_id = $1',
      [planId],
    );
    const w = r.rows[0];
    if (!w) return null;
    return { planId: w.plan_id, isOpen: w.is_open, deadline: w.deadline, openedBy: w.opened_by, openedAt: iso(w.opened_at), closedAt: w.closed_at ? iso(w.closed_at) : null };
  }

  async openWishRound(planId: string, openedBy: string, deadline: string | null): Promise<WishRound> {
    await this.q.query(
      `insert into wish_rounds (plan_id, is_open, deadline, opened_by) values ($1, true, $2, $3)
       on conflict (plan_id) do update set is_open = true, deadline = excluded.deadline, opened_by = excluded.opened_by, opened_at = now(), closed_at = null`,
      [planId, deadline, openedBy],
    );
    return (await this.getWishRound(planId))!;
  }

  async closeWishRound(planId: string): Promise<WishRound> {
    const r = await this.q.query('update wish_rounds set is_open = false, closed_at = now() where plan_id = $1', [planId]);
    if (r.rowCount === 0) throw new NotFoundError('ønskerunde / wish round', planId);
    return (await this.getWishRound(planId))!;
  }

  /** Replaces one employee's wishes in a plan (the employee must be in the plan). */
  async replaceWishes(
    planId: string,
    employeeId: string,
    wishes: readonly WishInput[],
    meta: { desiredPositionPercent?: number | null; longShifts?: 'yes' | 'no' | 'indifferent' | null; note?: string | null; preferredWeekends?: readonly string[] | null } = {},
  ): Promise<WishSubmission> {
    return this.q.transaction(async (tx) => {
      const member = await tx.query('select 1 from plan_employees where plan_id = $1 and employee_id = $2', [planId, employeeId]);
      if (!member.rowCount) throw new NotFoundError('ansatt i planen / employee in plan', employeeId);
      const shifts = await tx.query<{ id: number; code: string }>(
        'select st.id, st.code from plan_shift_types pst join shift_types st on st.id = pst.shift_type_id where pst.plan_id = $1',
        [planId],
      );
      const byCode = new Map(shifts.rows.map((s) => [s.code, num(s.id)]));
      const problems = wishes.flatMap((w, i) => (w.shift !== null && !byCode.has(w.shift) ? [{ path: `wishes[${i}].shift`, message: `ukjent vakt «${w.shift}» / unknown shift` }] : []));
      if (problems.length) throw new ValidationError('ugyldige ønsker / invalid wishes', problems);
      await tx.query('delete from wishes where plan_id = $1 and employee_id = $2', [planId, employeeId]);
      const max = await tx.query<{ m: number | null }>('select max(ord)::integer as m from wishes where plan_id = $1', [planId]);
      let ord = (max.rows[0].m ?? -1) + 1;
      for (const w of wishes) {
        await tx.query(
          'insert into wishes (plan_id, employee_id, ord, wish_date, shift_type_id, kind, weight) values ($1, $2, $3, $4, $5, $6, $7)',
          [planId, employeeId, ord++, w.date, w.shift === null ? null : byCode.get(w.shift), w.kind, w.weight],
        );
      }
      await tx.query(
        `insert into wish_submissions (plan_id, employee_id, wish_count, desired_position_percent, long_shifts, note, preferred_weekends) values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (plan_id, employee_id) do update set submitted_at = now(), wish_count = excluded.wish_count,
           desired_position_percent = excluded.desired_position_percent, long_shifts = excluded.long_shifts, note = excluded.note,
           preferred_weekends = excluded.preferred_weekends`,
        [planId, employeeId, wishes.length, meta.desiredPositionPercent ?? null, meta.longShifts ?? null, meta.note ?? null, meta.preferredWeekends?.length ? [...meta.preferredWeekends].sort().join(',') : null],
      );
      return (await new WorkflowRepository(tx).listSubmissions(planId, employeeId))[0];
    });
  }

  async listSubmissions(planId: string, employeeId?: string): Promise<WishSubmission[]> {
    const r = await this.q.query<{
      employee_id: string;
      submitted_at: Date;
      wish_count: number;
      desired_position_percent: string | null;
      long_shifts: WishSubmission['longShifts'];
      note: string | null;
      preferred_weekends: string | null;
    }>(
      `select employee_id, submitted_at, wish_count, desired_position_percent, long_shifts, note, preferred_weekends from wish_submissions
       where plan_id = $1 and ($2::text is null or employee_id = $2) order by submitted_at`,
      [planId, employeeId ?? null],
    );
    return r.rows.map((s) => ({
      employeeId: s.employee_id,
      submittedAt: iso(s.submitted_at),
      wishCount: s.wish_count,
      desiredPositionPercent: s.desired_position_percent === null ? null : num(s.desired_position_percent),
      longShifts: s.long_shifts,
      note: s.note,
      preferredWeekends: s.preferred_weekends ? s.preferred_weekends.split(',') : null,
    }));
  }

  async addComment(c: { planId: string; planVersion: number; userId: string; role: string; employeeId?: string | null; body: string }): Promise<PlanComment> {
    const r = await this.q.query<{ id: number }>(
      'insert into plan_comments (plan_id, plan_version, user_id, role, employee_id, body) values ($1, $2, $3, $4, $5, $6) returning id',
      [c.planId, c.planVersion, c.userId, c.role, c.employeeId ?? null, c.body],
    );
    return (await this.listComments(c.planId)).find((x) => x.id === num(r.rows[0].id))!;
  }

  async listComments(planId: string): Promise<PlanComment[]> {
    const r = await this.q.query<{
      id: number;
      plan_id: string;
      plan_version: number;
      user_id: string;
      display_name: string;
      role: string;
      employee_id: string | null;
      body: string;
      created_at: Date;
    }>(
      `select c.id, c.plan_id, c.plan_version, c.user_id, u.display_name, c.role, c.employee_id, c.body, c.created_at
       from plan_comments c join users u on u.id = c.user_id where c.plan_id = $1 order by c.created_at, c.id`,
      [planId],
    );
    return r.rows.map((c) => ({
      id: num(c.id),
      planId: c.plan_id,
      planVersion: c.plan_version,
      userId: c.user_id,
      author: c.display_name,
      role: c.role,
      employeeId: c.employee_id,
      body: c.body,
      createdAt: iso(c.created_at),
    }));
  }

  /** Records an approval of one version; approving the same version twice in the same role is a no-op. */
  async addApproval(a: { planId: string; planVersion: number; userId: string; role: Role; comment?: string | null }): Promise<PlanApproval> {
    await this.q.query(
      `insert into plan_approvals (plan_id, plan_version, user_id, role, comment) values ($1, $2, $3, $4, $5)
       on conflict (plan_id, plan_version, user_id, role) do nothing`,
      [a.planId, a.planVersion, a.userId, a.role, a.comment ?? null],
    );
    return (await this.listApprovals(a.planId)).find((x) => x.planVersion === a.planVersion && x.userId === a.userId && x.role === a.role)!;
  }

  async listApprovals(planId: string): Promise<PlanApproval[]> {
    const r = await this.q.query<{
      id: number;
      plan_id: string;
      plan_version: number;
      user_id: string;
      display_name: string;
      role: Role;
      comment: string | null;
      approved_at: Date;
    }>(
      `select a.id, a.plan_id, a.plan_version, a.user_id, u.display_name, a.role, a.comment, a.approved_at
       from plan_approvals a join users u on u.id = a.user_id where a.plan_id = $1 order by a.approved_at, a.id`,
      [planId],
    );
    return r.rows.map((a) => ({
      id: num(a.id),
      planId: a.plan_id,
      planVersion: a.plan_version,
      userId: a.user_id,
      approver: a.display_name,
      role: a.role,
      comment: a.comment,
      approvedAt: iso(a.approved_at),
    }));
  }
}
