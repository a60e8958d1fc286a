/** PlanRepository over SQL: a plan file in, spread over the normalised tables, and back. */
import type { Plan } from '../core/model/plan.js';
import { parsePlan } from '../core/model/validatePlan.js';
import type { Queryable } from './db.js';
import { EMPLOYEE_COLUMNS, employeeFromRow, upsertEmployees, type EmployeeRow } from './employeeRows.js';
import { NotFoundError, ValidationError, type FieldProblem } from './errors.js';
import { mapDbError } from './mapErrors.js';
import type { PlanRepository, PlanStatus, PlanSummary, SavePlanOptions } from './repositories.js';
import { PLAN_STATUSES } from './repositories.js';
import { insertUnnest, insertValues, iso, num } from './sql.js';
import { writePlanVersion } from './planVersions.js';

interface PlanRow {
  id: string;
  unit_id: string;
  name: string;
  start_date: string;
  end_date: string;
  planning_form: Plan['planningForm'];
  status: PlanStatus;
  version: number;
  employee_count: number;
  assignment_count: number;
  created_at: Date;
  updated_at: Date;
}

const SUMMARY_SELECT = `
  select p.id, p.unit_id, p.name, p.start_date, p.end_date, p.planning_form, p.status, p.version,
         p.created_at, p.updated_at,
         (select count(*) from plan_employees pe where pe.plan_id = p.id)::integer as employee_count,
         (select count(*) from assignments a where a.plan_id = p.id)::integer as assignment_count
  from plans p`;

function summaryFromRow(r: PlanRow): PlanSummary {
  return {
    id: r.id,
    unitId: r.unit_id,
    name: r.name,
    start: r.start_date,
    end: r.end_date,
    planningForm: r.planning_form,
    status: r.status,
    version: r.version,
    employeeCount: r.employee_count,
    assignmentCount: r.assignment_count,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export class SqlPlanRepository implements PlanRepository {
  constructor(private readonly q: Queryable) {}

  async savePlan(unitId: string, input: Plan, opts: SavePlanOptions = {}): Promise<PlanSummary> {
    const parsed = parsePlan(input);
    if (!parsed.ok) throw new ValidationError('ugyldig plan / invalid plan', parsed.problems);
    const plan = parsed.value;
    if (opts.status !== undefined && !PLAN_STATUSES.includes(opts.status))
      throw new ValidationError('ugyldig status / invalid status', [{ path: 'status', message: `ukjent status «${opts.status}»` }]);
    try {
      const id = await this.q.transaction((tx) => this.write(tx, unitId, plan, opts));
      const summary = await this.getPlan(id);
      return summary!;
    } catch (e) {
      throw mapDbError(e);
    }
  }

  private async write(tx: Queryable, unitId: string, plan: Plan, opts: SavePlanOptions): Promise<string> {
    const unit = await tx.query<{ organisation_id: string; name: string }>('select organisation_id, name from units where id = $1', [unitId]);
    if (!unit.rows.length) throw new NotFoundError('enhet / unit', unitId);
    const orgId = unit.rows[0].organisation_id;

    // Employees are organisation-wide; home units named in the file must exist in the organisation.
    const problems: FieldProblem[] = [];
    const homeUnits = [...new Set(plan.employees.flatMap((e) => (e.homeUnit ? [e.homeUnit] : [])))];
    if (homeUnits.length) {
      const known = await tx.query<{ id: string }>('select id from units where organisation_id = $1 and id = any($2::text[])', [orgId, homeUnits]);
      const ok = new Set(known.rows.map((r) => r.id));
      plan.employees.forEach((e, i) => {
        if (e.homeUnit && !ok.has(e.homeUnit)) problems.push({ path: `employees[${i}].homeUnit`, message: `ukjent enhet «${e.homeUnit}» / unknown unit` });
      });
    }
    const foreign = await tx.query<{ id: string }>(
      `select e.id from employees e join units u on u.id = e.unit_id where e.id = any($1::text[]) and u.organisation_id <> $2`,
      [plan.employees.map((e) => e.id), orgId],
    );
    const foreignIds = new Set(foreign.rows.map((r) => r.id));
    plan.employees.forEach((e, i) => {
      if (foreignIds.has(e.id)) problems.push({ path: `employees[${i}].id`, message: `ansatt-id «${e.id}» tilhører en annen organisasjon / belongs to another organisation` });
    });
    if (problems.length) throw new ValidationError('ugyldig plan / invalid plan', problems);

    // The unit's shift types (code unique per unit) and the employees.
    const shiftRows = await insertValues<{ id: number; code: string }>(
      tx,
      'shift_types',
      ['unit_id', 'code', 'name', 'start_time', 'end_time', 'break_minutes', 'break_paid', 'category', 'prediction_for'],
      plan.shiftTypes.map((s) => [unitId, s.code, s.name ?? null, s.start, s.end, s.breakMinutes ?? null, s.breakPaid ?? null, s.category ?? null, s.predictionFor ?? null]),
      `on conflict (unit_id, code) do update set name = excluded.name, start_time = excluded.start_time, end_time = excluded.end_time,
         break_minutes = excluded.break_minutes, break_paid = excluded.break_paid, category = excluded.category,
         prediction_for = excluded.prediction_for
       returning id, code`,
    );
    const shiftId = new Map(shiftRows.map((r) => [r.code, num(r.id)]));
    await upsertEmployees(tx, unitId, plan.employees);

    const ruleSet = await tx.query<{ id: number }>('insert into rule_sets (unit_id, params) values ($1, $2::text::jsonb) returning id', [
      unitId,
      JSON.stringify(plan.rules),
    ]);
    const ruleSetId = num(ruleSet.rows[0].id);

    let planId: string;
    let version: number;
    if (opts.planId) {
      const upd = await tx.query<{ id: string; version: number }>(
        `update plans set name = coalesce($3, name), unit_label = $4, start_date = $5, end_date = $6, planning_form = $7,
           status = coalesce($8, status), rule_set_id = $9, version = version + 1, updated_at = now()
         where id = $1 and unit_id = $2 returning id, version`,
        [opts.planId, unitId, opts.name ?? null, plan.unit, plan.start, plan.end, plan.planningForm, opts.status ?? null, ruleSetId],
      );
      if (!upd.rows.length) throw new NotFoundError('plan', opts.planId);
      planId = upd.rows[0].id;
      version = upd.rows[0].version;
      for (const table of ['assignments', 'wishes', 'absences', 'demand_lines', 'plan_employees', 'plan_shift_types'])
        await tx.query(`delete from ${table} where plan_id = $1`, [planId]);
    } else {
      const ins = await tx.query<{ id: string; version: number }>(
        `insert into plans (unit_id, name, unit_label, start_date, end_date, planning_form, status, rule_set_id)
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning id, version`,
        [unitId, opts.name ?? `${plan.unit} ${plan.start}–${plan.end}`, plan.unit, plan.start, plan.end, plan.planningForm, opts.status ?? 'draft', ruleSetId],
      );
      planId = ins.rows[0].id;
      version = ins.rows[0].version;
    }
    // Every saved version is kept for comparison (migration 009).
    await writePlanVersion(tx, planId, version, plan);

    const sid = (code: string) => shiftId.get(code)!;
    await insertValues(tx, 'plan_shift_types', ['plan_id', 'shift_type_id', 'ord'], plan.shiftTypes.map((s, i) => [planId, sid(s.code), i]));
    await insertValues(
      tx,
      'plan_employees',
      ['plan_id', 'employee_id', 'ord', 'lists_home_unit'],
      plan.employees.map((e, i) => [planId, e.id, i, e.homeUnit !== undefined]),
    );
    await insertValues(
      tx,
      'demand_lines',
      ['plan_id', 'shift_type_id', 'ord', 'weekdays', 'dates', 'min_count', 'target_count', 'competence'],
      plan.demand.map((d, i) => [planId, sid(d.shift), i, d.days ?? null, d.dates ?? null, d.min, d.target ?? null, d.competence ?? null]),
    );
    await insertUnnest(
      tx,
      'absences',
      [
        { name: 'employee_id', type: 'text' },
        { name: 'unit_id', type: 'text' },
        { name: 'plan_id', type: 'text' },
        { name: 'ord', type: 'integer' },
        { name: 'from_date', type: 'date' },
        { name: 'to_date', type: 'date' },
        { name: 'kind', type: 'text' },
        { name: 'source', type: 'text' },
      ],
      plan.absences.map((a, i) => [a.employee, unitId, planId, i, a.from, a.to, a.kind, 'plan']),
    );
    await insertUnnest(
      tx,
      'wishes',
      [
        { name: 'plan_id', type: 'text' },
        { name: 'employee_id', type: 'text' },
        { name: 'ord', type: 'integer' },
        { name: 'wish_date', type: 'date' },
        { name: 'shift_type_id', type: 'bigint' },
        { name: 'kind', type: 'text' },
        { name: 'weight', type: 'numeric' },
      ],
      plan.wishes.map((w, i) => [planId, w.employee, i, w.date, w.shift === null ? null : sid(w.shift), w.kind, w.weight]),
    );
    await insertUnnest(
      tx,
      'assignments',
      [
        { name: 'plan_id', type: 'text' },
        { name: 'employee_id', type: 'text' },
        { name: 'work_date', type: 'date' },
        { name: 'shift_type_id', type: 'bigint' },
      ],
      plan.assignments.map((a) => [planId, a.employee, a.date, sid(a.shift)]),
    );
    return planId;
  }

  async loadPlan(planId: string): Promise<Plan | null> {
    // The plan is read with several statements; if a concurrent save replaced it meanwhile
    // (the version moved), read again so the result is never a mix of two versions.
    for (let attempt = 0; ; attempt++) {
      const r = await this.readPlan(planId);
      if (!r) return null;
      const now = await this.q.query<{ version: number }>('select version from plans where id = $1', [planId]);
      if (now.rows[0]?.version === r.version || attempt >= 4) return r.plan;
    }
  }

  private async readPlan(planId: string): Promise<{ plan: Plan; version: number } | null> {
    const q = this.q;
    const head = await q.query<{
      version: number;
      unit_id: string;
      unit_label: string;
      start_date: string;
      end_date: string;
      planning_form: Plan['planningForm'];
      params: Plan['rules'];
    }>(
      `select p.version, p.unit_id, p.unit_label, p.start_date, p.end_date, p.planning_form, r.params
       from plans p join rule_sets r on r.id = p.rule_set_id where p.id = $1`,
      [planId],
    );
    if (!head.rows.length) return null;
    const h = head.rows[0];

    const shifts = await q.query<{
      code: string;
      name: string | null;
      start: string;
      end: string;
      break_minutes: number | null;
      break_paid: boolean | null;
      category: NonNullable<Plan['shiftTypes'][number]['category']> | null;
      prediction_for: string | null;
    }>(
      `select st.code, st.name, to_char(st.start_time, 'HH24:MI') as start, to_char(st.end_time, 'HH24:MI') as "end",
              st.break_minutes, st.break_paid, st.category, st.prediction_for
       from plan_shift_types pst join shift_types st on st.id = pst.shift_type_id
       where pst.plan_id = $1 order by pst.ord`,
      [planId],
    );
    const employees = await q.query<EmployeeRow & { lists_home_unit: boolean }>(
      `select ${EMPLOYEE_COLUMNS}, pe.lists_home_unit from plan_employees pe join employees e on e.id = pe.employee_id
       where pe.plan_id = $1 order by pe.ord`,
      [planId],
    );
    const demand = await q.query<{
      code: string;
      weekdays: NonNullable<Plan['demand'][number]['days']> | null;
      dates: string[] | null;
      min_count: number;
      target_count: number | null;
      competence: string | null;
    }>(
      `select st.code, d.weekdays, d.dates, d.min_count, d.target_count, d.competence
       from demand_lines d join shift_types st on st.id = d.shift_type_id where d.plan_id = $1 order by d.ord`,
      [planId],
    );
    const absences = await q.query<{ employee_id: string; from_date: string; to_date: string; kind: Plan['absences'][number]['kind'] }>(
      'select employee_id, from_date, to_date, kind from absences where plan_id = $1 order by ord',
      [planId],
    );
    const wishes = await q.query<{ employee_id: string; wish_date: string; code: string | null; kind: 'want' | 'avoid'; weight: string | number }>(
      `select w.employee_id, w.wish_date, st.code, w.kind, w.weight
       from wishes w left join shift_types st on st.id = w.shift_type_id where w.plan_id = $1 order by w.ord`,
      [planId],
    );
    const assignments = await q.query<{ employee_id: string; work_date: string; code: string }>(
      `select a.employee_id, a.work_date, st.code
       from assignments a
       join plan_employees pe on pe.plan_id = a.plan_id and pe.employee_id = a.employee_id
       join shift_types st on st.id = a.shift_type_id
       where a.plan_id = $1 order by pe.ord, a.work_date`,
      [planId],
    );

    const plan: Plan = {
      unit: h.unit_label,
      start: h.start_date,
      end: h.end_date,
      planningForm: h.planning_form,
      shiftTypes: shifts.rows.map((s) => ({
        code: s.code,
        ...(s.name !== null ? { name: s.name } : {}),
        start: s.start,
        end: s.end,
        ...(s.break_minutes !== null ? { breakMinutes: s.break_minutes } : {}),
        ...(s.break_paid !== null ? { breakPaid: s.break_paid } : {}),
        ...(s.category !== null ? { category: s.category } : {}),
        ...(s.prediction_for !== null ? { predictionFor: s.prediction_for } : {}),
      })),
      employees: employees.rows.map((r) => employeeFromRow(r, r.lists_home_unit)),
      demand: demand.rows.map((d) => {
        const o: Plan['demand'][number] = { shift: d.code, min: d.min_count };
        if (d.weekdays !== null) o.days = d.weekdays;
        if (d.dates !== null) o.dates = d.dates;
        if (d.target_count !== null) o.target = d.target_count;
        if (d.competence !== null) o.competence = d.competence;
        return o;
      }),
      absences: absences.rows.map((a) => ({ employee: a.employee_id, from: a.from_date, to: a.to_date, kind: a.kind })),
      wishes: wishes.rows.map((w) => ({ employee: w.employee_id, date: w.wish_date, shift: w.code, kind: w.kind, weight: num(w.weight) })),
      rules: h.params,
      assignments: assignments.rows.map((a) => ({ employee: a.employee_id, date: a.work_date, shift: a.code })),
    };
    return { plan, version: h.version };
  }

  async getPlan(planId: string): Promise<PlanSummary | null> {
    const r = await this.q.query<PlanRow>(`${SUMMARY_SELECT} where p.id = $1`, [planId]);
    return r.rows.length ? summaryFromRow(r.rows[0]) : null;
  }

  async listPlans(unitId: string): Promise<PlanSummary[]> {
    const r = await this.q.query<PlanRow>(`${SUMMARY_SELECT} where p.unit_id = $1 order by p.start_date desc, p.created_at desc, p.id`, [unitId]);
    return r.rows.map(summaryFromRow);
  }

  async setStatus(planId: string, status: PlanStatus): Promise<PlanSummary> {
    if (!PLAN_STATUSES.includes(status)) throw new ValidationError('ugyldig status / invalid status', [{ path: 'status', message: `ukjent status «${status}»` }]);
    const r = await this.q.query('update plans set status = $2, updated_at = now() where id = $1', [planId, status]);
    if (r.rowCount === 0) throw new NotFoundError('plan', planId);
    return (await this.getPlan(planId))!;
  }
}
