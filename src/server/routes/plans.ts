/**
 * Plans: the plan file, the rota grid (with the checker's violations, coverage and hours),
 * previewing and saving edits, background generation, and the status workflow
 * draft → hearing → approved → published. Every change is audit-logged with the version.
 */
import { z } from 'zod';
import { checkPlan } from '../../core/eval/checker.js';
import { PlanSchema, type Plan } from '../../core/model/plan.js';
import { parsePlan } from '../../core/model/validatePlan.js';
import { NotFoundError, ValidationError } from '../../db/errors.js';
import type { PlanStatus } from '../../db/repositories.js';
import { createRepositories } from '../../db/sqlRepositories.js';
import { param, readJson } from '../api.js';
import { can, permissionsFor, rolesFor, type Permission, type Principal } from '../auth/permissions.js';
import { errorBody, ForbiddenError, StateError } from '../errors.js';
import { planGridView } from '../planView.js';
import { CheckCache } from '../recheck.js';
import { rotaWorkbook, wallRotaPdf } from '../exports.js';
import {
  AssignmentsBody,
  AuditEntrySchema,
  GenerateBody,
  JobSchema,
  PlanGridSchema,
  PlanPageResponse,
  PlanSummarySchema,
  GridPatchSchema,
  PreviewBody,
  RecheckBody,
  StatusBody,
  ViolationSchema,
} from '../schemas.js';
import { authorizePlan, type AuthorizedPlan, type ServerContext } from './guard.js';

const CheckResponse = z.object({ violations: z.array(ViolationSchema), score: z.object({ hard: z.number(), soft: z.number() }), hardCount: z.number(), softCount: z.number() });

async function loadPlanFile(ctx: ServerContext, planId: string): Promise<Plan> {
  const plan = await ctx.repos.plans.loadPlan(planId);
  if (!plan) throw new NotFoundError('plan', planId);
  return plan;
}

/** The plan with other assignments, validated as a whole (unknown codes, dates outside the period …). */
function withAssignments(plan: Plan, assignments: Plan['assignments']): Plan {
  const parsed = parsePlan({ ...plan, assignments });
  if (!parsed.ok) throw new ValidationError('ugyldig turnus / invalid rota', parsed.problems);
  return parsed.value;
}

function diffCells(before: Plan['assignments'], after: Plan['assignments']) {
  const key = (a: { employee: string; date: string }) => `${a.employee}|${a.date}`;
  const old = new Map(before.map((a) => [key(a), a.shift]));
  const neu = new Map(after.map((a) => [key(a), a.shift]));
  const changes: Array<{ employee: string; date: string; from: string | null; to: string | null }> = [];
  for (const k of new Set([...old.keys(), ...neu.keys()])) {
    const from = old.get(k) ?? null;
    const to = neu.get(k) ?? null;
    if (from !== to) {
      const [employee, date] = k.split('|');
      changes.push({ employee, date, from, to });
    }
  }
  changes.sort((a, b) => a.employee.localeCompare(b.employee) || a.date.localeCompare(b.date));
  return changes;
}

/** The editors' cached checks (one cache per server). */
const checkCaches = new WeakMap<ServerContext, CheckCache>();
function checksOf(ctx: ServerContext): CheckCache {
  let cache = checkCaches.get(ctx);
  if (!cache) checkCaches.set(ctx, (cache = new CheckCache()));
  return cache;
}

/** The grid of `plan` as `access` sees it; for a draft an editor sees, with a token for the instant re-check of edits. */
function gridFor(ctx: ServerContext, p: Principal, auth: AuthorizedPlan, plan: Plan, access = auth.access) {
  const editor = access === 'full' && auth.plan.status === 'draft' && can(p, 'plan.edit', auth.unit.id, auth.unit.organisationId);
  if (!editor) return planGridView(plan, access, p.employeeId);
  const { check, token } = checksOf(ctx).checkFor(auth.plan.id, plan);
  return { ...planGridView(plan, access, p.employeeId, check), checkToken: token };
}

export async function planPage(ctx: ServerContext, p: Principal, auth: AuthorizedPlan) {
  const plan = await loadPlanFile(ctx, auth.plan.id);
  return {
    plan: auth.plan,
    unit: auth.unit,
    permissions: permissionsFor(p, auth.unit.id, auth.unit.organisationId),
    roles: rolesFor(p, auth.unit.id),
    wishRound: await ctx.workflow.getWishRound(auth.plan.id),
    job: auth.access === 'full' ? ctx.jobs.get(auth.plan.id) : null,
    view: gridFor(ctx, p, auth, plan),
  };
}

/** Allowed status changes and the permission each needs. */
const TRANSITIONS: Record<string, Permission> = {
  'draft>hearing': 'plan.sendToHearing',
  'hearing>approved': 'plan.approve',
  'approved>published': 'plan.publish',
  'hearing>draft': 'plan.edit',
  'approved>draft': 'plan.edit',
  'published>draft': 'plan.approve',
};

/** Saves new assignments as the next version, with the changed cells in the audit log. */
export async function saveRota(ctx: ServerContext, planId: string, unitId: string, next: Plan, actor: string, action: string, extra: Record<string, unknown> = {}) {
  return ctx.db.transaction(async (tx) => {
    const r = createRepositories(tx);
    const before = await r.plans.loadPlan(planId);
    const saved = await r.plans.savePlan(unitId, next, { planId });
    const changes = diffCells(before?.assignments ?? [], next.assignments);
    await r.audit.append({
      actor,
      action,
      entity: 'plan',
      entityId: planId,
      details: { version: saved.version, changedCells: changes.length, changes: changes.slice(0, 200), ...extra },
    });
    return saved;
  });
}

export function planRoutes(ctx: ServerContext): void {
  const { api, repos, db, jobs } = ctx;


  api.route(
    { method: 'get', path: '/api/plans/:id', tag: 'plans', summary: 'The plan file (leaders and planners: it holds absences)', response: PlanSchema },
    async (c, { principal }) => {
      const auth = await authorizePlan(ctx, principal, param(c));
      if (auth.access !== 'full') throw new ForbiddenError('planfilen inneholder fravær og er bare for ledere og planleggere / the plan file holds absences: leaders and planners only');
      return c.json(await loadPlanFile(ctx, auth.plan.id));
    },
  );

  // Exports of the rota as the caller may see it: Excel and a printable wall rota (PDF).
  api.route(
    { method: 'get', path: '/api/plans/:id/export.xlsx', tag: 'plans', summary: 'The rota as an Excel workbook (as the caller may see it)', produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    async (c, { principal }) => {
      const auth = await authorizePlan(ctx, principal, param(c));
      const view = planGridView(await loadPlanFile(ctx, auth.plan.id), auth.access, principal.employeeId);
      const body = await rotaWorkbook(view, auth.unit.name);
      return c.body(new Uint8Array(body), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="turnus-${auth.plan.id}.xlsx"`,
        'cache-control': 'no-store',
      });
    },
  );

  api.route(
    { method: 'get', path: '/api/plans/:id/export.pdf', tag: 'plans', summary: 'Printable wall rota (PDF, A3 or A4 landscape: ?size=A4)', produces: 'application/pdf' },
    async (c, { principal }) => {
      const auth = await authorizePlan(ctx, principal, param(c));
      const size = c.req.query('size') === 'A4' ? 'A4' : 'A3';
      const view = planGridView(await loadPlanFile(ctx, auth.plan.id), auth.access, principal.employeeId);
      const body = await wallRotaPdf(view, auth.unit.name, { size });
      return c.body(new Uint8Array(body), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="turnus-${auth.plan.id}.pdf"`,
        'cache-control': 'no-store',
      });
    },
  );

  api.route({ method: 'post', path: '/api/check', tag: 'plans', summary: 'Check a plan file against the rule catalogue', bodyDoc: PlanSchema, response: CheckResponse }, async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    if (body.value === undefined) return c.json(errorBody('(rot)', 'mangler planfil i forespørselen / missing plan file in the request body'), 400);
    const parsed = parsePlan(body.value);
    if (!parsed.ok) return c.json({ errors: parsed.problems }, 400);
    return c.json(checkPlan(parsed.value));
  });

  api.route(
    {
      method: 'post',
      path: '/api/plans/:id/check',
      tag: 'plans',
      summary: 'Check the stored plan, or (with a body) that edited plan file',
      bodyDoc: PlanSchema,
      bodyOptional: true,
      response: CheckResponse,
    },
    async (c, { principal }) => {
      const auth = await authorizePlan(ctx, principal, param(c), 'plan.viewDraft');
      const body = await readJson(c);
      if (!body.ok) return body.response;
      if (body.value === undefined) return c.json(checkPlan(await loadPlanFile(ctx, auth.plan.id)));
      const parsed = parsePlan(body.value);
      if (!parsed.ok) return c.json({ errors: parsed.problems }, 400);
      return c.json(checkPlan(parsed.value));
    },
  );

  api.route(
    {
      method: 'get',
      path: '/api/plans/:id/page',
      tag: 'plans',
      summary: 'Everything the plan page shows: summary, unit, your permissions, wish round, generation job and the rota grid',
      description: 'The grid is cut to what the caller may see: employees get the published rota without anyone else’s absences or wishes; representatives see absences without their kind.',
      response: PlanPageResponse,
    },
    async (c, { principal }) => c.json(await planPage(ctx, principal, await authorizePlan(ctx, principal, param(c)))),
  );

  api.route(
    {
      method: 'post',
      path: '/api/plans/:id/preview',
      tag: 'plans',
      summary: 'The grid for edited assignments, checked, without saving (instant re-check)',
      body: PreviewBody,
      response: PlanGridSchema,
    },
    async (c, { principal, body }) => {
      const auth = await authorizePlan(ctx, principal, param(c), 'plan.edit');
      const plan = withAssignments(await loadPlanFile(ctx, auth.plan.id), body.assignments);
      return c.json(gridFor(ctx, principal, auth, plan, 'full'));
    },
  );

  api.route(
    {
      method: 'post',
      path: '/api/plans/:id/recheck',
      tag: 'plans',
      summary: 'Instant re-check of edits, incrementally: what changed in the grid (nothing saved)',
      description:
        'The edits are the cells that differ from the grid of `token` (the checkToken of …/page or …/preview). Only the rules of the changed employees and days are evaluated again; ' +
        'the answer holds the rows, violations, wishes and coverage of the employees and days of `edited`, and the new totals. An unknown or expired token is 409 on path "token": send the whole rota to …/preview.',
      body: RecheckBody,
      response: GridPatchSchema,
      errorStatuses: [409],
    },
    async (c, { principal, body }) => {
      const auth = await authorizePlan(ctx, principal, param(c), 'plan.edit');
      return c.json(checksOf(ctx).recheck(auth.plan.id, body.token, body.changes, body.edited));
    },
  );

  api.route(
    {
      method: 'put',
      path: '/api/plans/:id/assignments',
      tag: 'plans',
      summary: 'Save the rota (a draft) as the next version; 409 when the plan changed since baseVersion',
      body: AssignmentsBody,
      response: PlanPageResponse,
    },
    async (c, { principal, body }) => {
      const auth = await authorizePlan(ctx, principal, param(c), 'plan.edit');
      if (auth.plan.status !== 'draft') throw new StateError('bare utkast kan endres – trekk planen tilbake til utkast først / only drafts can be edited: withdraw the plan to draft first', 'status');
      if (jobs.isRunning(auth.plan.id)) throw new StateError('turnusen genereres nå / the rota is being generated');
      if (body.baseVersion !== auth.plan.version)
        throw new StateError(`planen er endret siden versjon ${body.baseVersion} (nå ${auth.plan.version}) / the plan changed since version ${body.baseVersion}`, 'baseVersion');
      const next = withAssignments(await loadPlanFile(ctx, auth.plan.id), body.assignments);
      await saveRota(ctx, auth.plan.id, auth.unit.id, next, c.get('actor'), 'plan.edit');
      return c.json(await planPage(ctx, principal, await authorizePlan(ctx, principal, auth.plan.id)));
    },
  );

  api.route(
    {
      method: 'post',
      path: '/api/plans/:id/status',
      tag: 'workflow',
      summary: 'Move the plan on: draft → hearing → approved → published, or back to draft',
      body: StatusBody,
      response: z.object({ plan: PlanSummarySchema }),
    },
    async (c, { principal, body }) => {
      const auth = await authorizePlan(ctx, principal, param(c));
      const from = auth.plan.status;
      const to: PlanStatus = body.status;
      const perm = TRANSITIONS[`${from}>${to}`];
      if (!perm) throw new StateError(`kan ikke gå fra «${from}» til «${to}» / cannot move from ${from} to ${to}`, 'status');
      if (!can(principal, perm, auth.unit.id, auth.unit.organisationId)) throw new ForbiddenError('du har ikke rettighet til dette / you are not allowed to do this');
      if (jobs.isRunning(auth.plan.id)) throw new StateError('turnusen genereres nå / the rota is being generated');
      if (to === 'hearing' && auth.plan.assignmentCount === 0) throw new StateError('planen har ingen vakter ennå / the plan has no shifts yet', 'status');
      // The checker's verdict goes into the audit log with the move (breaches do not block: the hearing is where they are discussed).
      const check = to === 'draft' ? null : checkPlan(await loadPlanFile(ctx, auth.plan.id));
      const actor = c.get('actor');
      const plan = await db.transaction(async (tx) => {
        const r = createRepositories(tx);
        const saved = await r.plans.setStatus(auth.plan.id, to);
        if (to === 'approved') {
          const role = rolesFor(principal, auth.unit.id).includes('leader') ? 'leader' : 'admin';
          await tx.query(
            `insert into plan_approvals (plan_id, plan_version, user_id, role, comment) values ($1, $2, $3, $4, $5) on conflict (plan_id, plan_version, user_id, role) do nothing`,
            [auth.plan.id, auth.plan.version, principal.userId, role, body.comment ?? null],
          );
        }
        await r.audit.append({ actor, action: `plan.status.${to}`, entity: 'plan', entityId: auth.plan.id, details: { from, to, version: auth.plan.version, comment: body.comment ?? null, hardCount: check?.hardCount ?? null, softCount: check?.softCount ?? null } });
        return saved;
      });
      return c.json({ plan });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/api/plans/:id/generate',
      tag: 'generate',
      summary: 'Start generating the rota in the background (the result is saved as the next version)',
      body: GenerateBody,
      response: z.object({ job: JobSchema }),
      status: 202,
    },
    async (c, { principal, body }) => {
      const auth = await authorizePlan(ctx, principal, param(c), 'plan.generate');
      if (auth.plan.status !== 'draft') throw new StateError('bare utkast kan genereres / only drafts can be generated', 'status');
      if (jobs.isRunning(auth.plan.id)) throw new StateError('turnusen genereres allerede / generation is already running');
      const plan = { ...(await loadPlanFile(ctx, auth.plan.id)), assignments: [] };
      const actor = c.get('actor');
      const job = jobs.start(auth.plan.id, plan, body.seconds, actor);
      await repos.audit.append({ actor, action: 'plan.generate.start', entity: 'plan', entityId: auth.plan.id, details: { version: auth.plan.version, seconds: body.seconds, job: job.id } });
      return c.json({ job }, 202);
    },
  );

  api.route(
    { method: 'get', path: '/api/plans/:id/generate', tag: 'generate', summary: 'The latest generation job of the plan (progress, result)', response: z.object({ job: JobSchema.nullable() }) },
    async (c, { principal }) => {
      const auth = await authorizePlan(ctx, principal, param(c), 'plan.generate');
      return c.json({ job: jobs.get(auth.plan.id) });
    },
  );

  api.route(
    { method: 'delete', path: '/api/plans/:id/generate', tag: 'generate', summary: 'Cancel a running generation: nothing is saved', response: z.object({ job: JobSchema.nullable() }) },
    async (c, { principal }) => {
      const auth = await authorizePlan(ctx, principal, param(c), 'plan.generate');
      const job = jobs.cancel(auth.plan.id);
      if (job) await repos.audit.append({ actor: c.get('actor'), action: 'plan.generate.cancel', entity: 'plan', entityId: auth.plan.id, details: { job: job.id } });
      return c.json({ job });
    },
  );

  api.route(
    {
      method: 'get',
      path: '/api/plans/:id/audit',
      tag: 'workflow',
      summary: 'The audit log of the plan (every change, status move, comment and approval), newest first',
      response: z.object({ entries: z.array(AuditEntrySchema) }),
    },
    async (c, { principal }) => {
      const auth = await authorizePlan(ctx, principal, param(c), 'audit.view');
      return c.json({ entries: await repos.audit.list({ entity: 'plan', entityId: auth.plan.id, limit: 500 }) });
    },
  );
}

