/**
 * Units, their employees and plans; saving a plan file into a unit. Admins create units of
 * their organisation; admins and a unit's leaders edit its name, kind, service area and beds.
 */
import { z } from 'zod';
import { UNIT_KINDS, type Repositories, type Unit, type UnitPatch } from '../../db/repositories.js';
import { PlanSchema } from '../../core/model/plan.js';
import { parsePlan } from '../../core/model/validatePlan.js';
import { createRepositories } from '../../db/sqlRepositories.js';
import { StaffRepository } from '../../db/staffRepository.js';
import { param, readJson } from '../api.js';
import { canInOrganisation, planAccess } from '../auth/permissions.js';
import { errorBody, ForbiddenError } from '../errors.js';
import { PlanSummarySchema, SavePlanQuery, UnitSchema } from '../schemas.js';
import { visibleUnits } from './auth.js';
import { authorizeUnit, type ServerContext } from './guard.js';

const m = (nb: string, en: string) => `${nb} / ${en}`;

const UnitName = z
  .string({ error: m('navn mangler', 'name is missing') })
  .trim()
  .min(1, m('navn mangler', 'name is missing'))
  .max(120, m('navnet kan ikke være lengre enn 120 tegn', 'the name cannot be longer than 120 characters'));
const UnitKind = z.enum(UNIT_KINDS, { error: m(`ukjent type; gyldige er ${UNIT_KINDS.join(', ')}`, `unknown kind; valid ones are ${UNIT_KINDS.join(', ')}`) });
const ServiceArea = z
  .string({ error: m('tjenesteområde må være tekst', 'service area must be text') })
  .trim()
  .max(120, m('tjenesteområdet kan ikke være lengre enn 120 tegn', 'the service area cannot be longer than 120 characters'))
  .nullable()
  .optional()
  .transform((v) => (v === '' ? null : v))
  .describe('Service area (tjenesteområde); empty or null: none');
const Beds = z
  .number({ error: m('antall senger må være et tall', 'beds must be a number') })
  .int(m('antall senger må være et helt tall', 'beds must be a whole number'))
  .min(1, m('antall senger må være minst 1', 'beds must be at least 1'))
  .max(1000, m('antall senger kan ikke være over 1000', 'beds cannot exceed 1000'))
  .nullable()
  .optional()
  .describe('Beds or places (1–1000); null: none');

export const CreateUnitBody = z.object({ name: UnitName, kind: UnitKind, serviceArea: ServiceArea, beds: Beds }).strict();
export const UpdateUnitBody = z.object({ name: UnitName.optional(), kind: UnitKind.optional(), serviceArea: ServiceArea, beds: Beds }).strict();

/** A unit id from its name: lower case a–z, 0–9 and hyphens (æ → ae, ø → o, å → a). */
export function unitSlug(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/[øö]/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return s || 'enhet';
}

const nameTaken = () => errorBody('body.name', m('det finnes alt en enhet med dette navnet', 'a unit with this name already exists'));

export function unitRoutes(ctx: ServerContext): void {
  const { api, repos, db } = ctx;

  /** The slug of the name, with -2, -3 … added until no unit (of any organisation: ids are global) has it. */
  const freeId = async (r: Repositories, name: string): Promise<string> => {
    const base = unitSlug(name);
    for (let n = 1; ; n++) {
      const id = n === 1 ? base : `${base}-${n}`;
      if (!(await r.organisations.getUnit(id))) return id;
    }
  };
  const sameName = async (organisationId: string, name: string, except?: string) =>
    (await repos.organisations.listUnits(organisationId)).some((u) => u.id !== except && u.name.toLowerCase() === name.toLowerCase());

  api.route(
    {
      method: 'post',
      path: '/api/units',
      tag: 'units',
      summary: 'Create a unit in the caller’s organisation (admins; audit-logged); its id is a slug of the name',
      description: 'Field errors answer 400 with `body.<field>` paths and "bokmål / English" messages; a name already used in the organisation answers 409 (path body.name).',
      body: CreateUnitBody,
      response: z.object({ unit: UnitSchema }),
      status: 201,
      errorStatuses: [409],
    },
    async (c, { principal, body }) => {
      if (!canInOrganisation(principal, 'units.manage')) throw new ForbiddenError(m('bare administratorer kan opprette enheter', 'only administrators may create units'));
      if (await sameName(principal.organisationId, body.name)) return c.json(nameTaken(), 409);
      const actor = c.get('actor');
      const unit = await db.transaction(async (tx) => {
        const r = createRepositories(tx);
        const created = await r.organisations.createUnit({
          id: await freeId(r, body.name),
          organisationId: principal.organisationId,
          name: body.name,
          kind: body.kind,
          serviceArea: body.serviceArea ?? null,
          beds: body.beds ?? null,
        });
        await r.audit.append({
          actor,
          action: 'unit.create',
          entity: 'unit',
          entityId: created.id,
          details: { organisation: created.organisationId, name: created.name, kind: created.kind, serviceArea: created.serviceArea, beds: created.beds },
        });
        return created;
      });
      c.header('Location', `/api/units/${encodeURIComponent(unit.id)}`);
      return c.json({ unit }, 201);
    },
  );

  api.route(
    {
      method: 'put',
      path: '/api/units/:id',
      tag: 'units',
      summary: 'Edit a unit: the fields given change, null clears service area or beds (admins, the unit’s leaders; audit-logged)',
      description: 'Field errors answer 400 with `body.<field>` paths; a name already used by another unit of the organisation answers 409 (path body.name).',
      body: UpdateUnitBody,
      response: z.object({ unit: UnitSchema }),
      errorStatuses: [409],
    },
    async (c, { principal, body }) => {
      const current = await authorizeUnit(ctx, principal, param(c), 'unit.edit');
      if (body.name !== undefined && (await sameName(current.organisationId, body.name, current.id))) return c.json(nameTaken(), 409);
      const patch: UnitPatch = {};
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of ['name', 'kind', 'serviceArea', 'beds'] as const) {
        const to = body[key];
        if (to === undefined || to === current[key]) continue;
        (patch as Record<string, unknown>)[key] = to;
        changes[key] = { from: current[key], to };
      }
      if (Object.keys(changes).length === 0) return c.json({ unit: current });
      const actor = c.get('actor');
      const unit: Unit = await db.transaction(async (tx) => {
        const r = createRepositories(tx);
        const updated = await r.organisations.updateUnit(current.id, patch);
        await r.audit.append({ actor, action: 'unit.update', entity: 'unit', entityId: current.id, details: { changes } });
        return updated;
      });
      return c.json({ unit });
    },
  );

  api.route(
    {
      method: 'get',
      path: '/api/units',
      tag: 'units',
      summary: 'The units the caller has a role in, with employee and plan counts',
      response: z.object({ units: z.array(UnitSchema.extend({ employeeCount: z.number(), planCount: z.number() })) }),
    },
    async (c, { principal }) => c.json({ units: await visibleUnits(ctx, principal) }),
  );

  api.route({ method: 'get', path: '/api/units/:id', tag: 'units', summary: 'One unit', response: z.object({ unit: UnitSchema }) }, async (c, { principal }) =>
    c.json({ unit: await authorizeUnit(ctx, principal, param(c), 'unit.view') }),
  );

  api.route(
    {
      method: 'get',
      path: '/api/units/:id/employees',
      tag: 'units',
      summary: 'Employees whose home unit this is, with their employment dates (leaders and planners)',
      response: z.object({ employees: z.array(z.record(z.string(), z.unknown())) }),
    },
    async (c, { principal }) => {
      const unit = await authorizeUnit(ctx, principal, param(c), 'employees.view');
      return c.json({ employees: await new StaffRepository(db).list(unit.id) });
    },
  );

  api.route(
    {
      method: 'get',
      path: '/api/units/:id/plans',
      tag: 'units',
      summary: "The unit's plans the caller may see (employees: published ones; representatives: from hearing on)",
      response: z.object({ plans: z.array(PlanSummarySchema) }),
    },
    async (c, { principal }) => {
      const unit = await authorizeUnit(ctx, principal, param(c), 'unit.view');
      const plans = (await repos.plans.listPlans(unit.id)).filter((p) => planAccess(principal, unit.id, unit.organisationId, p.status) !== null);
      return c.json({ plans });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/api/units/:id/plans',
      tag: 'units',
      summary: 'Save a plan file as a new plan of the unit (audit-logged)',
      query: SavePlanQuery,
      bodyDoc: PlanSchema,
      response: z.object({ plan: PlanSummarySchema }),
      status: 201,
    },
    async (c, { principal, query }) => {
      const unit = await authorizeUnit(ctx, principal, param(c), 'plan.edit');
      const body = await readJson(c);
      if (!body.ok) return body.response;
      if (body.value === undefined) return c.json(errorBody('(rot)', 'mangler planfil i forespørselen / missing plan file in the request body'), 400);
      const parsed = parsePlan(body.value);
      if (!parsed.ok) return c.json({ errors: parsed.problems }, 400);
      const actor = c.get('actor');
      const summary = await db.transaction(async (tx) => {
        const r = createRepositories(tx);
        const saved = await r.plans.savePlan(unit.id, parsed.value, query);
        await r.audit.append({
          actor,
          action: 'plan.save',
          entity: 'plan',
          entityId: saved.id,
          details: { unit: unit.id, version: saved.version, start: saved.start, end: saved.end, assignments: saved.assignmentCount },
        });
        return saved;
      });
      c.header('Location', `/api/plans/${encodeURIComponent(summary.id)}`);
      return c.json({ plan: summary }, 201);
    },
  );
}
