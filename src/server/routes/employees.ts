/**
 * A unit's employees as master data (leaders, planners, admins): add one, edit one, end an
 * employment (or delete a record nothing refers to), and import an employee file (CSV or .xlsx)
 * with a line-by-line report — all lines checked first, nothing stored unless every line is
 * good, a dry run that shows what would be created and updated. Every change is audit-logged.
 * The list itself is GET /api/units/:id/employees (routes/units.ts).
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { EMPLOYEE_DATE_COLUMNS, parseEmployeeCsv, type EmployeeCsvProblem, type EmployeeCsvRecord } from '../../core/model/employeeCsv.js';
import { COMPETENCES, LocalDateSchema } from '../../core/model/primitives.js';
import type { Unit } from '../../db/repositories.js';
import { StaffRepository, type NewStaffMember, type StaffFields, type StaffMember } from '../../db/staffRepository.js';
import { createRepositories } from '../../db/sqlRepositories.js';
import { AbsenceFileError, absenceFileToCsv, XLSX_MIME } from '../absenceFile.js';
import { todayInOslo } from '../absences.js';
import { param } from '../api.js';
import { errorBody } from '../errors.js';
import { authorizeUnit, type ServerContext } from './guard.js';

/** Largest employee file accepted (bytes). */
export const MAX_EMPLOYEE_FILE_BYTES = 1024 * 1024;
/** Most employees in one file. */
export const MAX_EMPLOYEE_FILE_LINES = 5000;

const m = (nb: string, en: string) => `${nb} / ${en}`;

const Percent = z
  .number({ error: m('stillingsprosent må være et tall', 'position percentage must be a number') })
  .min(1, m('stillingsprosent må være minst 1', 'position percentage must be at least 1'))
  .max(100, m('stillingsprosent kan ikke være over 100', 'position percentage cannot exceed 100'));
const Name = z
  .string({ error: m('navn mangler', 'name is missing') })
  .trim()
  .min(1, m('navn mangler', 'name is missing'))
  .max(120, m('navnet kan ikke være lengre enn 120 tegn', 'the name cannot be longer than 120 characters'));
const Competence = z.string({ error: m('velg kompetanse', 'choose a competence') }).trim().min(1, m('velg kompetanse', 'choose a competence'));
const OptDate = LocalDateSchema.nullable().optional();
const WeekendFrequency = z
  .number()
  .int(m('helgefrekvens må være et helt tall', 'weekend frequency must be a whole number'))
  .min(1, m('helgefrekvens er 1–6', 'weekend frequency is 1–6'))
  .max(6, m('helgefrekvens er 1–6', 'weekend frequency is 1–6'))
  .nullable()
  .optional();

const EditableFields = {
  employedFrom: OptDate.describe('First day of employment'),
  employedTo: OptDate.describe('Last day of employment (null: still employed)'),
  canWorkLongShifts: z.boolean().nullable().optional().describe('Has agreed to long shifts'),
  canWorkNights: z.boolean().nullable().optional(),
  weekendFrequency: WeekendFrequency.describe('Works every n-th weekend (1–6)'),
  contract: z.enum(['permanent', 'temporary', 'hourly']).nullable().optional(),
};

export const CreateEmployeeBody = z
  .object({
    id: z
      .string()
      .trim()
      .min(1, m('ansattnummer kan ikke være tomt', 'employee number must not be empty'))
      .max(64, m('ansattnummer kan ikke være lengre enn 64 tegn', 'employee number cannot be longer than 64 characters'))
      .regex(/^[\p{L}\p{N}._-]+$/u, m('ansattnummer kan bare ha bokstaver, tall, punktum, bindestrek og understrek', 'employee number may only hold letters, digits, dot, hyphen and underscore'))
      .optional()
      .describe('Employee number (organisation-wide); generated when left out'),
    name: Name,
    competence: Competence,
    positionPercent: Percent,
    ...EditableFields,
  })
  .strict();

export const UpdateEmployeeBody = z
  .object({ name: Name.optional(), competence: Competence.optional(), positionPercent: Percent.optional(), ...EditableFields })
  .strict();

export const StaffMemberSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    unitId: z.string(),
    competence: z.string().optional(),
    positionPercent: z.number(),
    employedFrom: z.string().nullable(),
    employedTo: z.string().nullable(),
    canWorkLongShifts: z.boolean().optional(),
    weekendFrequency: z.number().optional(),
  })
  .loose();

const PlannedCreate = z.object({ line: z.number(), id: z.string(), name: z.string(), competence: z.string(), positionPercent: z.number(), employedFrom: z.string(), employedTo: z.string().nullable() });
const PlannedUpdate = z.object({
  line: z.number(),
  id: z.string(),
  name: z.string(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).describe('field → { from, to }'),
});

const ImportResponse = z.object({
  dryRun: z.boolean(),
  format: z.enum(['csv', 'xlsx']),
  lines: z.number().describe('Employee lines in the file'),
  create: z.array(PlannedCreate),
  update: z.array(PlannedUpdate),
  unchanged: z.array(z.object({ line: z.number(), id: z.string(), name: z.string() })),
});

const ImportQuery = z.object({
  dryRun: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true')
    .describe('1: check the file and answer what would be created and updated; nothing is stored'),
});

const DeleteQuery = z.object({ lastDay: LocalDateSchema.optional().describe('Last day of the employment when it is ended (default today)') });

/** The employee, when its home unit is `unit` (else 404: the caller may not know it exists). */
async function memberOrThrow(staff: StaffRepository, unit: Unit, employeeId: string): Promise<StaffMember | null> {
  const e = await staff.get(employeeId);
  return e && e.unitId === unit.id ? e : null;
}

async function knownCompetences(staff: StaffRepository, unit: Unit): Promise<string[]> {
  return [...new Set<string>([...COMPETENCES, ...(await staff.competencesInUse(unit.id))])];
}

function newEmployeeId(): string {
  return `e-${randomBytes(5).toString('hex')}`;
}

interface ImportPlan {
  problems: EmployeeCsvProblem[];
  create: Array<NewStaffMember & { line: number; employedFrom: string }>;
  update: Array<{ line: number; id: string; name: string; fields: StaffFields; changes: Record<string, { from: unknown; to: unknown }> }>;
  unchanged: Array<{ line: number; id: string; name: string }>;
}

const problem = (line: number, field: string, nb: string, en: string): EmployeeCsvProblem => ({ line, field, reason: m(nb, en), reasonNb: nb, reasonEn: en });

/** Matches the file's lines with the stored employees: what is new, what changes, what is wrong. */
async function planImport(staff: StaffRepository, unit: Unit, records: EmployeeCsvRecord[]): Promise<ImportPlan> {
  const out: ImportPlan = { problems: [], create: [], update: [], unchanged: [] };
  const existing = await staff.list(unit.id);
  const byId = new Map(existing.map((e) => [e.id, e]));
  const byName = new Map<string, StaffMember[]>();
  for (const e of existing) byName.set(e.name.toLowerCase(), [...(byName.get(e.name.toLowerCase()) ?? []), e]);
  const elsewhere = await staff.homeUnits(records.flatMap((r) => (r.id !== undefined && !byId.has(r.id) ? [r.id] : [])));
  const taken = new Set<string>();
  for (const r of records) {
    let target: StaffMember | undefined;
    if (r.id !== undefined) {
      if (elsewhere.has(r.id)) {
        out.problems.push(problem(r.line, 'id', `ansattnummer ${r.id} er i bruk i en annen enhet`, `employee number ${r.id} is in use in another unit`));
        continue;
      }
      target = byId.get(r.id);
    } else {
      const same = byName.get(r.name.toLowerCase()) ?? [];
      if (same.length > 1) {
        out.problems.push(problem(r.line, 'name', `${same.length} ansatte heter «${r.name}»; skriv ansattnummeret (${same.map((e) => e.id).join(', ')})`, `${same.length} employees are called "${r.name}"; give the employee number (${same.map((e) => e.id).join(', ')})`));
        continue;
      }
      target = same[0];
    }
    if (target && taken.has(target.id)) {
      out.problems.push(problem(r.line, r.id !== undefined ? 'id' : 'name', `linjen gjelder samme ansatt (${target.id}) som en linje over`, `the line is about the same employee (${target.id}) as a line above`));
      continue;
    }
    if (!target) {
      let id = r.id ?? newEmployeeId();
      while (r.id === undefined && (byId.has(id) || taken.has(id))) id = newEmployeeId();
      taken.add(id);
      out.create.push({
        line: r.line,
        id,
        name: r.name,
        competence: r.competence,
        positionPercent: r.positionPercent,
        employedFrom: r.startDate,
        employedTo: r.endDate ?? null,
        ...(r.longShifts !== undefined ? { canWorkLongShifts: r.longShifts } : {}),
        ...(r.weekendFrequency !== undefined ? { weekendFrequency: r.weekendFrequency } : {}),
      });
      continue;
    }
    taken.add(target.id);
    const wanted: StaffFields = { name: r.name, competence: r.competence, positionPercent: r.positionPercent, employedFrom: r.startDate };
    if (r.endDate !== undefined) wanted.employedTo = r.endDate;
    if (r.longShifts !== undefined) wanted.canWorkLongShifts = r.longShifts;
    if (r.weekendFrequency !== undefined) wanted.weekendFrequency = r.weekendFrequency;
    const current: Record<string, unknown> = {
      name: target.name,
      competence: target.competence ?? target.competences?.[0] ?? null,
      positionPercent: target.positionPercent,
      employedFrom: target.employedFrom,
      employedTo: target.employedTo,
      canWorkLongShifts: target.canWorkLongShifts ?? null,
      weekendFrequency: target.weekendFrequency ?? null,
    };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const fields: StaffFields = {};
    for (const [k, v] of Object.entries(wanted)) {
      if (current[k] !== v) {
        changes[k] = { from: current[k], to: v };
        (fields as Record<string, unknown>)[k] = v;
      }
    }
    const end = (fields.employedTo !== undefined ? fields.employedTo : target.employedTo) ?? null;
    if (end !== null && end < r.startDate) {
      out.problems.push(problem(r.line, 'start_date', `startdato ${r.startDate} er etter den lagrede sluttdatoen ${end}`, `start date ${r.startDate} is after the stored end date ${end}`));
      continue;
    }
    if (Object.keys(changes).length) out.update.push({ line: r.line, id: target.id, name: r.name, fields, changes });
    else out.unchanged.push({ line: r.line, id: target.id, name: r.name });
  }
  return out;
}

function reportResponse(problems: EmployeeCsvProblem[]) {
  return { errors: problems.map((p) => ({ path: `lines[${p.line}].${p.field}`, message: `linje ${p.line}, ${p.field}: ${p.reason}`, ...p })) };
}

export function employeeRoutes(ctx: ServerContext): void {
  const { api, db } = ctx;

  api.route(
    {
      method: 'post',
      path: '/api/units/:id/employees',
      tag: 'employees',
      summary: 'Add an employee to the unit (leaders, planners, admins; audit-logged)',
      description: 'Field errors answer 400 with `body.<field>` paths and "bokmål / English" messages; an employee number already in use answers 409.',
      body: CreateEmployeeBody,
      response: z.object({ employee: StaffMemberSchema }),
      status: 201,
      errorStatuses: [409],
    },
    async (c, { principal, body }) => {
      const unit = await authorizeUnit(ctx, principal, param(c), 'employees.manage');
      const staff = new StaffRepository(db);
      const known = await knownCompetences(staff, unit);
      const comp = known.find((k) => k.toLowerCase() === body.competence.toLowerCase());
      if (!comp) return c.json(errorBody('body.competence', m(`ukjent kompetanse «${body.competence}»; gyldige er ${known.join(', ')}`, `unknown competence "${body.competence}"; valid ones are ${known.join(', ')}`)), 400);
      if (body.employedFrom && body.employedTo && body.employedTo < body.employedFrom)
        return c.json(errorBody('body.employedTo', m('sluttdato er før startdato', 'the end date is before the start date')), 400);
      const employee = await db.transaction(async (tx) => {
        const created = await new StaffRepository(tx).create(unit.id, { ...body, competence: comp, id: body.id ?? newEmployeeId() });
        await createRepositories(tx).audit.append({
          actor: c.get('actor'),
          action: 'employee.create',
          entity: 'employee',
          entityId: created.id,
          details: { unit: unit.id, positionPercent: created.positionPercent, competence: created.competence },
        });
        return created;
      });
      return c.json({ employee }, 201);
    },
  );

  api.route(
    {
      method: 'put',
      path: '/api/units/:id/employees/:employeeId',
      tag: 'employees',
      summary: 'Edit an employee of the unit: the fields given change, null clears an optional one (audit-logged)',
      body: UpdateEmployeeBody,
      response: z.object({ employee: StaffMemberSchema }),
    },
    async (c, { principal, body }) => {
      const unit = await authorizeUnit(ctx, principal, param(c), 'employees.manage');
      const staff = new StaffRepository(db);
      const current = await memberOrThrow(staff, unit, param(c, 'employeeId'));
      if (!current) return c.json(errorBody('employeeId', m('ansatt finnes ikke i denne enheten', 'employee not found in this unit')), 404);
      const fields: StaffFields = { ...body };
      if (body.competence !== undefined) {
        const known = await knownCompetences(staff, unit);
        const comp = known.find((k) => k.toLowerCase() === body.competence!.toLowerCase());
        if (!comp) return c.json(errorBody('body.competence', m(`ukjent kompetanse «${body.competence}»; gyldige er ${known.join(', ')}`, `unknown competence "${body.competence}"; valid ones are ${known.join(', ')}`)), 400);
        fields.competence = comp;
      }
      const from = body.employedFrom !== undefined ? body.employedFrom : current.employedFrom;
      const to = body.employedTo !== undefined ? body.employedTo : current.employedTo;
      if (from && to && to < from) return c.json(errorBody('body.employedTo', m('sluttdato er før startdato', 'the end date is before the start date')), 400);
      const employee = await db.transaction(async (tx) => {
        const updated = await new StaffRepository(tx).update(current.id, fields);
        await createRepositories(tx).audit.append({
          actor: c.get('actor'),
          action: 'employee.update',
          entity: 'employee',
          entityId: current.id,
          details: { unit: unit.id, fields: Object.keys(body).filter((k) => (body as Record<string, unknown>)[k] !== undefined) },
        });
        return updated;
      });
      return c.json({ employee });
    },
  );

  api.route(
    {
      method: 'delete',
      path: '/api/units/:id/employees/:employeeId',
      tag: 'employees',
      summary: 'End an employment (the record is deleted only when no plan, absence, account or record refers to it; audit-logged)',
      query: DeleteQuery,
      response: z.object({ outcome: z.enum(['deleted', 'ended']), employee: StaffMemberSchema }),
    },
    async (c, { principal, query }) => {
      const unit = await authorizeUnit(ctx, principal, param(c), 'employees.manage');
      const current = await memberOrThrow(new StaffRepository(db), unit, param(c, 'employeeId'));
      if (!current) return c.json(errorBody('employeeId', m('ansatt finnes ikke i denne enheten', 'employee not found in this unit')), 404);
      const lastDay = query.lastDay ?? todayInOslo();
      const out = await db.transaction(async (tx) => {
        const r = await new StaffRepository(tx).remove(current.id, lastDay);
        await createRepositories(tx).audit.append({
          actor: c.get('actor'),
          action: r.outcome === 'deleted' ? 'employee.delete' : 'employee.end',
          entity: 'employee',
          entityId: current.id,
          details: { unit: unit.id, lastDay: r.member.employedTo },
        });
        return r;
      });
      return c.json({ outcome: out.outcome, employee: out.member });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/api/units/:id/employees/import',
      tag: 'employees',
      summary: 'Import an employee file (CSV or .xlsx): all lines checked first, nothing stored unless all are good; ?dryRun=1 only reports',
      description:
        'The body is the file itself (text/csv, or an .xlsx whose first sheet has the same columns), or multipart/form-data with the file in `file`. ' +
        'Columns (header required, any order; Norwegian names accepted): name (navn), competence (kompetanse), position_percent (stillingsprosent, 1–100), ' +
        'start_date (startdato, YYYY-MM-DD or DD.MM.YYYY); optional id (ansattnummer: an existing number updates that employee; without one a line updates ' +
        'the one employee of the unit with that name, else creates one), end_date (sluttdato), long_shifts (langvakter: ja/nei), weekend_frequency (helgefrekvens 1–6). ' +
        'An empty optional cell leaves the stored value. Any problem → 400 `{ errors: [{ line, field, reason, reasonNb, reasonEn }] }` and nothing stored. ' +
        `At most ${MAX_EMPLOYEE_FILE_BYTES / 1024} KB (413) and ${MAX_EMPLOYEE_FILE_LINES} lines.`,
      query: ImportQuery,
      consumes: ['text/csv', XLSX_MIME, 'multipart/form-data'],
      response: ImportResponse,
      status: 201,
      errorStatuses: [409, 413, 415],
    },
    async (c, { principal, query }) => {
      const unit = await authorizeUnit(ctx, principal, param(c), 'employees.manage');
      let contentType = c.req.header('content-type') ?? '';
      let bytes: Uint8Array;
      if (contentType.startsWith('multipart/form-data')) {
        const form = await c.req.parseBody();
        const file = form['file'];
        if (!(file instanceof File)) return c.json(errorBody('body.file', m('mangler filen i feltet «file»', 'missing the file in the field "file"')), 400);
        bytes = new Uint8Array(await file.arrayBuffer());
        contentType = file.type;
      } else bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length > MAX_EMPLOYEE_FILE_BYTES)
        return c.json(errorBody('body', m(`filen er større enn ${MAX_EMPLOYEE_FILE_BYTES / 1024} KB`, `the file is larger than ${MAX_EMPLOYEE_FILE_BYTES / 1024} KB`)), 413);
      let file: Awaited<ReturnType<typeof absenceFileToCsv>>;
      try {
        file = await absenceFileToCsv(bytes, contentType, { dateColumns: EMPLOYEE_DATE_COLUMNS });
      } catch (e) {
        if (e instanceof AbsenceFileError) return c.json(errorBody('body', e.message), e.status);
        throw e;
      }
      const staff = new StaffRepository(db);
      const parsed = parseEmployeeCsv(file.text, { extraCompetences: await staff.competencesInUse(unit.id), maxLines: MAX_EMPLOYEE_FILE_LINES });
      const plan = await planImport(staff, unit, parsed.records);
      const problems = [...parsed.problems, ...plan.problems].sort((a, b) => a.line - b.line);
      if (problems.length) return c.json(reportResponse(problems), 400);
      const answer = {
        format: file.format,
        lines: parsed.records.length,
        create: plan.create.map((x) => ({ line: x.line, id: x.id, name: x.name, competence: x.competence, positionPercent: x.positionPercent, employedFrom: x.employedFrom, employedTo: x.employedTo ?? null })),
        update: plan.update.map(({ line, id, name, changes }) => ({ line, id, name, changes })),
        unchanged: plan.unchanged,
      };
      if (query.dryRun) return c.json({ dryRun: true, ...answer }, 200);
      await db.transaction(async (tx) => {
        const repo = new StaffRepository(tx);
        for (const { line: _line, ...x } of plan.create) await repo.create(unit.id, x);
        for (const u of plan.update) await repo.update(u.id, u.fields);
        await createRepositories(tx).audit.append({
          actor: c.get('actor'),
          action: 'employee.import',
          entity: 'unit',
          entityId: unit.id,
          details: { format: file.format, lines: parsed.records.length, created: plan.create.map((x) => x.id), updated: plan.update.map((x) => x.id), unchanged: plan.unchanged.length },
        });
      });
      return c.json({ dryRun: false, ...answer }, 201);
    },
  );
}
