/** The SQL implementation of the repositories; the same code runs on PGlite and PostgreSQL. */
import { z } from 'zod';
import type { EmployeeInput } from '../core/model/plan.js';
import { ABSENCE_KINDS, IdSchema, LocalDateSchema } from '../core/model/primitives.js';
import type { Queryable } from './db.js';
import { EMPLOYEE_COLUMNS, employeeRecordFromRow, upsertEmployees, type EmployeeRow } from './employeeRows.js';
import { AbsenceImportError, AbsenceOverlapError, NotFoundError, ValidationError, type AbsenceImportProblem, type AbsenceOverlap } from './errors.js';
import { mapped } from './mapErrors.js';
import { SqlPlanRepository } from './planRepository.js';
import {
  UNIT_KINDS,
  type AbsenceRepository,
  type AddHistoryOptions,
  type AuditEntry,
  type AuditEntryInput,
  type AuditLog,
  type EmployeeRecord,
  type EmployeeRepository,
  type HistoryAbsenceInput,
  type HistoryFilter,
  type ImportAbsencesOptions,
  type Organisation,
  type OrganisationRepository,
  type Repositories,
  type StoredAbsence,
  type Unit,
  type UnitPatch,
  type UnitSummary,
} from './repositories.js';
import { insertUnnest, iso } from './sql.js';

/** All repositories over one connection or transaction. */
export function createRepositories(q: Queryable): Repositories {
  return {
    organisations: new SqlOrganisationRepository(q),
    employees: new SqlEmployeeRepository(q),
    plans: new SqlPlanRepository(q),
    absences: new SqlAbsenceRepository(q),
    audit: new SqlAuditLog(q),
  };
}

interface UnitRow {
  id: string;
  organisation_id: string;
  name: string;
  kind: Unit['kind'];
  service_area: string | null;
  beds: number | null;
  employee_count?: number;
  plan_count?: number;
}

const unitFromRow = (r: UnitRow): Unit => ({
  id: r.id,
  organisationId: r.organisation_id,
  name: r.name,
  kind: r.kind,
  serviceArea: r.service_area,
  beds: r.beds,
});

const OrganisationSchema = z.object({ id: IdSchema, name: z.string().min(1).max(200) }).strict();
const UnitSchema = z
  .object({
    id: IdSchema,
    organisationId: IdSchema,
    name: z.string().min(1).max(120),
    kind: z.enum(UNIT_KINDS),
    serviceArea: z.string().nullable().optional(),
    beds: z.number().int().min(0).nullable().optional(),
  })
  .strict();

const UnitPatchSchema = UnitSchema.pick({ name: true, kind: true, serviceArea: true, beds: true }).partial().strict();
const UNIT_PATCH_COLUMNS = { name: 'name', kind: 'kind', serviceArea: 'service_area', beds: 'beds' } as const;

function validate<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new ValidationError(what, r.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(rot)', message: i.message })));
}

export class SqlOrganisationRepository implements OrganisationRepository {
  constructor(private readonly q: Queryable) {}

  async createOrganisation(org: Organisation): Promise<Organisation> {
    const o = validate(OrganisationSchema, org, 'ugyldig organisasjon / invalid organisation');
    await mapped(this.q.query('insert into organisations (id, name) values ($1, $2)', [o.id, o.name]));
    return o;
  }

  async listOrganisations(): Promise<Organisation[]> {
    return (await this.q.query<Organisation>('select id, name from organisations order by name, id')).rows;
  }

  async createUnit(unit: Parameters<OrganisationRepository['createUnit']>[0]): Promise<Unit> {
    const u = validate(UnitSchema, unit, 'ugyldig enhet / invalid unit');
    const r = await mapped(
      this.q.query<UnitRow>(
        `insert into units (id, organisation_id, name, kind, service_area, beds) values ($1, $2, $3, $4, $5, $6)
         returning id, organisation_id, name, kind, service_area, beds`,
        [u.id, u.organisationId, u.name, u.kind, u.serviceArea ?? null, u.beds ?? null],
      ),
    );
    return unitFromRow(r.rows[0]);
  }

  async getUnit(id: string): Promise<Unit | null> {
    const r = await this.q.query<UnitRow>('select id, organisation_id, name, kind, service_area, beds from units where id = $1', [id]);
    return r.rows.length ? unitFromRow(r.rows[0]) : null;
  }

  async updateUnit(id: string, patch: UnitPatch): Promise<Unit> {
    const p = validate(UnitPatchSchema, patch, 'ugyldig enhet / invalid unit');
    const sets: string[] = [];
    const values: unknown[] = [id];
    for (const [key, column] of Object.entries(UNIT_PATCH_COLUMNS) as Array<[keyof UnitPatch, string]>) {
      if (p[key] === undefined) continue;
      values.push(p[key]);
      sets.push(`${column} = $${values.length}`);
    }
    const r = sets.length
      ? await mapped(this.q.query<UnitRow>(`update units set ${sets.join(', ')} where id = $1 returning id, organisation_id, name, kind, service_area, beds`, values))
      : await this.q.query<UnitRow>('select id, organisation_id, name, kind, service_area, beds from units where id = $1', [id]);
    if (!r.rows.length) throw new NotFoundError('enhet / unit', id);
    return unitFromRow(r.rows[0]);
  }

  async listUnits(organisationId?: string): Promise<UnitSummary[]> {
    const r = await this.q.query<UnitRow>(
      `select u.id, u.organisation_id, u.name, u.kind, u.service_area, u.beds,
              (select count(*) from employees e where e.unit_id = u.id)::integer as employee_count,
              (select count(*) from plans p where p.unit_id = u.id)::integer as plan_count
       from units u where $1::text is null or u.organisation_id = $1 order by u.name, u.id`,
      [organisationId ?? null],
    );
    return r.rows.map((row) => ({ ...unitFromRow(row), employeeCount: row.employee_count ?? 0, planCount: row.plan_count ?? 0 }));
  }
}

export class SqlEmployeeRepository implements EmployeeRepository {
  constructor(private readonly q: Queryable) {}

  async upsert(unitId: string, employees: EmployeeInput[]): Promise<void> {
    await mapped(this.q.transaction((tx) => upsertEmployees(tx, unitId, employees)));
  }

  async get(id: string): Promise<EmployeeRecord | null> {
    const r = await this.q.query<EmployeeRow>(`select ${EMPLOYEE_COLUMNS} from employees e where e.id = $1`, [id]);
    return r.rows.length ? employeeRecordFromRow(r.rows[0]) : null;
  }

  async listByUnit(unitId: string): Promise<EmployeeRecord[]> {
    const r = await this.q.query<EmployeeRow>(`select ${EMPLOYEE_COLUMNS} from employees e where e.unit_id = $1 order by e.name, e.id`, [unitId]);
    return r.rows.map(employeeRecordFromRow);
  }

  async listMembers(unitId: string): Promise<EmployeeRecord[]> {
    const r = await this.q.query<EmployeeRow>(
      `select ${EMPLOYEE_COLUMNS} from employees e
       where e.unit_id = $1
          or exists (select 1 from plan_employees pe join plans p on p.id = pe.plan_id where pe.employee_id = e.id and p.unit_id = $1)
       order by e.name, e.id`,
      [unitId],
    );
    return r.rows.map(employeeRecordFromRow);
  }
}

const FIELD_NAMES = ['employee', 'from', 'to', 'kind', 'unit'] as const;

const AbsenceRecordSchema = z
  .object({
    employee: IdSchema,
    from: LocalDateSchema,
    to: LocalDateSchema,
    kind: z.enum(ABSENCE_KINDS),
    unit: IdSchema.optional(),
  })
  .strict();

const EXTRA_FIELD_MESSAGE =
  'ukjent felt; bare employee, from, to, kind og unit – fravær lagres aldri med diagnose / unknown field; absences are never stored with a diagnosis';

interface AbsenceRow {
  id: number;
  employee_id: string;
  unit_id: string | null;
  plan_id: string | null;
  from_date: string;
  to_date: string;
  kind: StoredAbsence['kind'];
  source: StoredAbsence['source'];
  registered_by: string | null;
}

const ABSENCE_COLUMNS = 'id, employee_id, unit_id, plan_id, from_date, to_date, kind, source, registered_by';

const absenceFromRow = (a: AbsenceRow): StoredAbsence => ({
  id: Number(a.id),
  employee: a.employee_id,
  unitId: a.unit_id,
  planId: a.plan_id,
  from: a.from_date,
  to: a.to_date,
  kind: a.kind,
  source: a.source,
  registeredBy: a.registered_by,
});

const HistoryRecordSchema = AbsenceRecordSchema.extend({ unit: IdSchema, line: z.number().int().min(1).optional() }).strict();

export class SqlAbsenceRepository implements AbsenceRepository {
  constructor(private readonly q: Queryable) {}

  async importAbsences(records: readonly unknown[], opts: ImportAbsencesOptions = {}): Promise<{ inserted: number; skipped: number }> {
    const firstLine = opts.firstLine ?? 1;
    const source = opts.source ?? 'import';
    if (!Array.isArray(records)) throw new ValidationError('forventet en liste / expected an array', [{ path: '(rot)', message: 'not an array' }]);
    return mapped(
      this.q.transaction(async (tx) => {
        const problems: AbsenceImportProblem[] = [];
        const add = (index: number, field: string, message: string) =>
          problems.push({ index, line: index + firstLine, field, path: `[${index}].${field}`, message: `post ${index} (linje ${index + firstLine}), felt «${field}»: ${message}` });
        const valid: Array<{ index: number; r: z.output<typeof AbsenceRecordSchema> }> = [];
        records.forEach((raw, index) => {
          const parsed = AbsenceRecordSchema.safeParse(raw);
          if (!parsed.success) {
            for (const issue of parsed.error.issues) {
              if (issue.code === 'unrecognized_keys') for (const k of issue.keys) add(index, k, EXTRA_FIELD_MESSAGE);
              else add(index, String(issue.path[0] ?? '(post)'), issue.message);
            }
            return;
          }
          const r = parsed.data;
          if (r.to < r.from) add(index, 'to', `til-dato ${r.to} er før fra-dato ${r.from} / 'to' is before 'from'`);
          else valid.push({ index, r });
        });
        const employeeIds = [...new Set(valid.map((v) => v.r.employee))];
        const unitIds = [...new Set(valid.flatMap((v) => (v.r.unit ? [v.r.unit] : [])))];
        const employees = new Map(
          (await tx.query<{ id: string; unit_id: string }>('select id, unit_id from employees where id = any($1::text[])', [employeeIds])).rows.map((r) => [r.id, r.unit_id]),
        );
        const units = new Set((await tx.query<{ id: string }>('select id from units where id = any($1::text[])', [unitIds])).rows.map((r) => r.id));
        for (const { index, r } of valid) {
          if (!employees.has(r.employee)) add(index, 'employee', `ukjent ansatt «${r.employee}» / unknown employee`);
          if (r.unit && !units.has(r.unit)) add(index, 'unit', `ukjent enhet «${r.unit}» / unknown unit`);
        }
        if (problems.length) {
          problems.sort((a, b) => a.index - b.index || FIELD_NAMES.indexOf(a.field as never) - FIELD_NAMES.indexOf(b.field as never));
          throw new AbsenceImportError(problems);
        }
        const inserted = await insertUnnest(
          tx,
          'absences',
          [
            { name: 'employee_id', type: 'text' },
            { name: 'unit_id', type: 'text' },
            { name: 'from_date', type: 'date' },
            { name: 'to_date', type: 'date' },
            { name: 'kind', type: 'text' },
            { name: 'source', type: 'text' },
          ],
          valid.map(({ r }) => [r.employee, r.unit ?? employees.get(r.employee)!, r.from, r.to, r.kind, source]),
          'on conflict (employee_id, from_date, to_date, kind) where plan_id is null do nothing',
        );
        return { inserted, skipped: valid.length - inserted };
      }),
    );
  }

  async listForEmployee(employeeId: string, range: { from?: string; to?: string } = {}): Promise<StoredAbsence[]> {
    const r = await this.q.query<AbsenceRow>(
      `select ${ABSENCE_COLUMNS} from absences
       where employee_id = $1 and ($2::date is null or to_date >= $2::date) and ($3::date is null or from_date <= $3::date)
       order by from_date, to_date, id`,
      [employeeId, range.from ?? null, range.to ?? null],
    );
    return r.rows.map(absenceFromRow);
  }

  async listHistory(filter: HistoryFilter): Promise<StoredAbsence[]> {
    const r = await this.q.query<AbsenceRow>(
      `select ${ABSENCE_COLUMNS} from absences
       where plan_id is null
         and ($1::text[] is null or unit_id = any($1::text[]))
         and ($2::text[] is null or employee_id = any($2::text[]))
         and ($3::date is null or to_date >= $3::date) and ($4::date is null or from_date <= $4::date)
       order by from_date, employee_id, id`,
      [filter.unitIds ? [...filter.unitIds] : null, filter.employees ? [...filter.employees] : null, filter.from ?? null, filter.to ?? null],
    );
    return r.rows.map(absenceFromRow);
  }

  async addHistory(records: readonly HistoryAbsenceInput[], opts: AddHistoryOptions): Promise<{ inserted: StoredAbsence[]; skipped: number }> {
    if (!Array.isArray(records)) throw new ValidationError('forventet en liste / expected an array', [{ path: '(rot)', message: 'not an array' }]);
    const identical = opts.identical ?? 'skip';
    return mapped(
      this.q.transaction(async (tx) => {
        const problems: AbsenceImportProblem[] = [];
        const lineOf = (index: number) => {
          const l = (records[index] as { line?: unknown } | undefined)?.line;
          return typeof l === 'number' && Number.isInteger(l) && l >= 1 ? l : index + 1;
        };
        const add = (index: number, field: string, message: string) =>
          problems.push({ index, line: lineOf(index), field, path: `[${index}].${field}`, message: `linje ${lineOf(index)}, felt «${field}»: ${message}` });
        const valid: Array<{ index: number; line: number; r: z.output<typeof HistoryRecordSchema> }> = [];
        records.forEach((raw, index) => {
          const parsed = HistoryRecordSchema.safeParse(raw);
          if (!parsed.success) {
            for (const issue of parsed.error.issues) {
              if (issue.code === 'unrecognized_keys') for (const k of issue.keys) add(index, k, EXTRA_FIELD_MESSAGE);
              else add(index, String(issue.path[0] ?? '(post)'), issue.message);
            }
            return;
          }
          const r = parsed.data;
          if (r.to < r.from) add(index, 'to', `til-dato ${r.to} er før fra-dato ${r.from} / 'to' is before 'from'`);
          else valid.push({ index, line: lineOf(index), r });
        });
        const employeeIds = [...new Set(valid.map((v) => v.r.employee))].sort();
        const unitIds = [...new Set(valid.map((v) => v.r.unit))];
        // Lock the employees' rows (in id order, so concurrent batches cannot deadlock): while this
        // transaction runs, nobody else can add an absence for them.
        const known = new Set(
          (await tx.query<{ id: string }>('select id from employees where id = any($1::text[]) order by id for update', [employeeIds])).rows.map((r) => r.id),
        );
        const units = new Set((await tx.query<{ id: string }>('select id from units where id = any($1::text[])', [unitIds])).rows.map((r) => r.id));
        for (const { index, r } of valid) {
          if (!known.has(r.employee)) add(index, 'employee', `ukjent ansatt «${r.employee}» / unknown employee`);
          if (!units.has(r.unit)) add(index, 'unit', `ukjent enhet «${r.unit}» / unknown unit`);
        }
        if (problems.length) {
          problems.sort((a, b) => a.index - b.index || FIELD_NAMES.indexOf(a.field as never) - FIELD_NAMES.indexOf(b.field as never));
          throw new AbsenceImportError(problems);
        }
        if (valid.length === 0) return { inserted: [], skipped: 0 };

        // Overlaps with the stored history, and within the batch.
        const minFrom = valid.reduce((m, v) => (v.r.from < m ? v.r.from : m), valid[0].r.from);
        const maxTo = valid.reduce((m, v) => (v.r.to > m ? v.r.to : m), valid[0].r.to);
        const stored = (await new SqlAbsenceRepository(tx).listHistory({ employees: employeeIds, from: minFrom, to: maxTo })).reduce((m, a) => {
          const l = m.get(a.employee);
          if (l) l.push(a);
          else m.set(a.employee, [a]);
          return m;
        }, new Map<string, StoredAbsence[]>());
        const overlaps: AbsenceOverlap[] = [];
        const toInsert: typeof valid = [];
        let skipped = 0;
        const overlap = (v: (typeof valid)[number], other: AbsenceOverlap['other']) =>
          overlaps.push({ index: v.index, line: v.line, employee: v.r.employee, from: v.r.from, to: v.r.to, other });
        const byEmployee = new Map<string, typeof valid>();
        for (const v of valid) {
          const l = byEmployee.get(v.r.employee);
          if (l) l.push(v);
          else byEmployee.set(v.r.employee, [v]);
        }
        for (const [employee, list] of byEmployee) {
          const mine = stored.get(employee) ?? [];
          const accepted: typeof valid = [];
          for (const v of [...list].sort((a, b) => a.index - b.index)) {
            const same = mine.find((a) => a.from === v.r.from && a.to === v.r.to && a.kind === v.r.kind);
            if (same && identical === 'skip') {
              skipped++;
              continue;
            }
            const hit = mine.find((a) => a.from <= v.r.to && a.to >= v.r.from);
            if (hit) {
              overlap(v, { from: hit.from, to: hit.to, id: hit.id });
              continue;
            }
            const earlier = accepted.find((a) => a.r.from <= v.r.to && a.r.to >= v.r.from);
            if (earlier) {
              overlap(v, { from: earlier.r.from, to: earlier.r.to, line: earlier.line });
              continue;
            }
            accepted.push(v);
          }
          toInsert.push(...accepted);
        }
        if (overlaps.length) throw new AbsenceOverlapError(overlaps.sort((a, b) => a.index - b.index));
        if (toInsert.length === 0) return { inserted: [], skipped };
        const cols = toInsert.map((v) => [v.r.employee, v.r.unit, v.r.from, v.r.to, v.r.kind]);
        const col = (j: number) => cols.map((c) => c[j]);
        const r = await tx.query<AbsenceRow>(
          `insert into absences (employee_id, unit_id, from_date, to_date, kind, source, registered_by)
           select e, u, f, t, k, $6::text, $7::text from unnest($1::text[], $2::text[], $3::date[], $4::date[], $5::text[]) as x(e, u, f, t, k)
           returning ${ABSENCE_COLUMNS}`,
          [col(0), col(1), col(2), col(3), col(4), opts.source, opts.registeredBy ?? null],
        );
        const inserted = r.rows.map(absenceFromRow).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.employee < b.employee ? -1 : a.employee > b.employee ? 1 : a.id - b.id));
        return { inserted, skipped };
      }),
    );
  }

  async countHistory(unitId?: string): Promise<number> {
    const r = await this.q.query<{ n: number }>('select count(*)::integer as n from absences where plan_id is null and ($1::text is null or unit_id = $1)', [
      unitId ?? null,
    ]);
    return r.rows[0].n;
  }
}

const AuditInputSchema = z
  .object({
    actor: z.string().min(1).max(200),
    action: z.string().min(1).max(100),
    entity: z.string().min(1).max(100),
    entityId: z.string().max(200).nullable().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

interface AuditRow {
  id: number;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  details: Record<string, unknown>;
}

const auditFromRow = (r: AuditRow): AuditEntry => ({
  id: Number(r.id),
  at: iso(r.at),
  actor: r.actor,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  details: r.details,
});

export class SqlAuditLog implements AuditLog {
  constructor(private readonly q: Queryable) {}

  async append(entry: AuditEntryInput): Promise<AuditEntry> {
    const e = validate(AuditInputSchema, entry, 'ugyldig loggpost / invalid audit entry');
    const r = await this.q.query<AuditRow>(
      `insert into audit_log (actor, action, entity, entity_id, details) values ($1, $2, $3, $4, $5::text::jsonb)
       returning id, at, actor, action, entity, entity_id, details`,
      [e.actor, e.action, e.entity, e.entityId ?? null, JSON.stringify(e.details ?? {})],
    );
    return auditFromRow(r.rows[0]);
  }

  async list(filter: { entity?: string; entityId?: string; limit?: number } = {}): Promise<AuditEntry[]> {
    const limit = Math.max(1, Math.min(1000, Math.floor(filter.limit ?? 100)));
    const r = await this.q.query<AuditRow>(
      `select id, at, actor, action, entity, entity_id, details from audit_log
       where ($1::text is null or entity = $1) and ($2::text is null or entity_id = $2)
       order by at desc, id desc limit $3`,
      [filter.entity ?? null, filter.entityId ?? null, limit],
    );
    return r.rows.map(auditFromRow);
  }
}

