/** Units, their employees and plans; saving a plan file into a unit. */
import { z } from 'zod';
import { PlanSchema } from '../../core/model/plan.js';
import { parsePlan } from '../../core/model/validatePlan.js';
import { createRepositories } from '../../db/sqlRepositories.js';
import { StaffRepository } from '../../db/staffRepository.js';
import { param, readJson } from '../api.js';
import { planAccess } from '../auth/permissions.js';
import { errorBody } from '../errors.js';
import { PlanSummarySchema, SavePlanQuery, UnitSchema } from '../schemas.js';
import { visibleUnits } from './auth.js';
import { authorizeUnit, type ServerContext } from './guard.js';

export function unitRoutes(ctx: ServerContext): void {
  const { api, repos, db } = ctx;

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
