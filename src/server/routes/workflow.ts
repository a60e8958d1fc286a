/**
 * Wish rounds and wish forms, the hearing (comments per plan and per person) and the
 * representatives' recorded approvals (who, when, which version).
 */
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../db/errors.js';
import { weekendPreferenceProblems, weekendPreferenceWishes } from '../../core/model/weekendPreference.js';
import { rolesFor } from '../auth/permissions.js';
import { param } from '../api.js';
import { ForbiddenError, StateError } from '../errors.js';
import { ApprovalBody, ApprovalSchema, CommentBody, CommentSchema, WishFormBody, WishRoundBody, WishRoundSchema } from '../schemas.js';
import { authorizePlan, type ServerContext } from './guard.js';

async function planEmployeeIds(ctx: ServerContext, planId: string): Promise<string[]> {
  const r = await ctx.db.query<{ employee_id: string }>('select employee_id from plan_employees where plan_id = $1 order by ord', [planId]);
  return r.rows.map((x) => x.employee_id);
}

export function workflowRoutes(ctx: ServerContext): void {
  const { api, repos, workflow } = ctx;

  api.route(
    {
      method: 'get',
      path: '/api/plans/:id/wish-round',
      tag: 'wishes',
      summary: 'The wish round of a plan and who has sent a wish form (leaders and planners)',
      response: z.object({
        round: WishRoundSchema.nullable(),
        submissions: z.array(
          z.object({
            employeeId: z.string(),
            name: z.string(),
            submittedAt: z.string().nullable(),
            wishCount: z.number(),
            desiredPositionPercent: z.number().nullable(),
            longShifts: z.string().nullable(),
            note: z.string().nullable(),
          }),
        ),
      }),
    },
    async (c, { principal }) => {
      const auth = await authorizePlan(ctx, principal, param(c), 'wishes.manage');
      const plan = (await repos.plans.loadPlan(auth.plan.id))!;
      const subs = new Map((await workflow.listSubmissions(auth.plan.id)).map((s) => [s.employeeId, s]));
      return c.json({
        round: await workflow.getWishRound(auth.plan.id),
        submissions: plan.employees.map((e) => {
          const s = subs.get(e.id);
          return {
            employeeId: e.id,
            name: e.name,
            submittedAt: s?.submittedAt ?? null,
            wishCount: s?.wishCount ?? plan.wishes.filter((w) => w.employee === e.id).length,
            desiredPositionPercent: s?.desiredPositionPercent ?? null,
            longShifts: s?.longShifts ?? null,
            note: s?.note ?? null,
          };
        }),
      });
    },
  );

  api.route(
    { method: 'post', path: '/api/plans/:id/wish-round', tag: 'wishes', summary: 'Open or close the wish round of a draft plan', body: WishRoundBody, response: z.object({ round: WishRoundSchema }) },
    async (c, { principal, body }) => {
      const auth = await authorizePlan(ctx, principal, param(c), 'wishes.manage');
      if (body.open && auth.plan.status !== 'draft') throw new StateError('ønskerunden kan bare åpnes for et utkast / a wish round can only be opened on a draft', 'status');
      const round = body.open ? await workflow.openWishRound(auth.plan.id, c.get('actor'), body.deadline ?? null) : await workflow.closeWishRound(auth.plan.id);
      await repos.audit.append({
        actor: c.get('actor'),
        action: body.open ? 'wishes.round.open' : 'wishes.round.close',
        entity: 'plan',
        entityId: auth.plan.id,
        details: { version: auth.plan.version, deadline: round.deadline },
      });
      return c.json({ round });
    },
  );

  api.route(
    {
      method: 'put',
      path: '/api/plans/:id/wishes/me',
      tag: 'wishes',
      summary: 'Send my wish form for a plan with an open wish round (replaces my earlier wishes)',
      body: WishFormBody,
      response: z.object({ ok: z.boolean(), wishCount: z.number(), submittedAt: z.string() }),
    },
    async (c, { principal, body }) => {
      const planId = param(c);
      const plan = await repos.plans.getPlan(planId);
      if (!plan) throw new NotFoundError('plan', planId);
      const unit = (await repos.organisations.getUnit(plan.unitId))!;
      const me = principal.employeeId;
      if (!me || unit.organisationId !== principal.organisationId || !rolesFor(principal, unit.id).includes('employee'))
        throw new ForbiddenError('bare ansatte i enheten kan sende ønsker / only the unit’s employees can send wishes');
      if (!(await planEmployeeIds(ctx, planId)).includes(me)) throw new ForbiddenError('du er ikke med i denne planen / you are not in this plan');
      const round = await workflow.getWishRound(planId);
      if (!round?.isOpen || plan.status !== 'draft') throw new StateError('ønskerunden er ikke åpen / the wish round is not open');
      const outside = body.wishes.findIndex((w) => w.date < plan.start || w.date > plan.end);
      if (outside >= 0) throw new StateError(`datoen ${body.wishes[outside].date} er utenfor planperioden / outside the plan period`, `body.wishes[${outside}].date`);
      const seen = new Set<string>();
      for (const [i, w] of body.wishes.entries()) {
        const k = `${w.date}|${w.shift ?? ''}`;
        if (seen.has(k)) throw new StateError('to ønsker for samme dag og vakt / two wishes for the same day and shift', `body.wishes[${i}]`);
        seen.add(k);
      }
      const preferred = body.preferredWeekends ?? [];
      const wrong = weekendPreferenceProblems(plan.start, plan.end, preferred);
      if (wrong.length)
        throw new ValidationError('ugyldige helgeønsker / invalid weekend preference', wrong.map((p) => ({ path: `body.preferredWeekends[${p.index}]`, message: p.message })));
      const derived = weekendPreferenceWishes(plan.start, plan.end, preferred, new Set(body.wishes.map((w) => w.date)));
      const sub = await workflow.replaceWishes(planId, me, [...body.wishes, ...derived], {
        desiredPositionPercent: body.desiredPositionPercent ?? null,
        longShifts: body.longShifts ?? null,
        note: body.note ?? null,
        preferredWeekends: preferred,
      });
      await repos.audit.append({ actor: c.get('actor'), action: 'wishes.submit', entity: 'plan', entityId: planId, details: { employee: me, wishes: body.wishes.length } });
      return c.json({ ok: true, wishCount: sub.wishCount, submittedAt: sub.submittedAt });
    },
  );

  api.route(
    {
      method: 'get',
      path: '/api/plans/:id/hearing',
      tag: 'hearing',
      summary: 'Hearing comments and recorded approvals of a plan',
      response: z.object({ comments: z.array(CommentSchema), approvals: z.array(ApprovalSchema) }),
    },
    async (c, { principal }) => {
      const auth = await authorizePlan(ctx, principal, param(c), 'hearing.comment');
      return c.json({ comments: await workflow.listComments(auth.plan.id), approvals: await workflow.listApprovals(auth.plan.id) });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/api/plans/:id/comments',
      tag: 'hearing',
      summary: 'Comment on the plan, or on one person’s line (employee)',
      body: CommentBody,
      response: z.object({ comment: CommentSchema }),
      status: 201,
    },
    async (c, { principal, body }) => {
      const auth = await authorizePlan(ctx, principal, param(c), 'hearing.comment');
      if (body.employee && !(await planEmployeeIds(ctx, auth.plan.id)).includes(body.employee))
        throw new NotFoundError('ansatt i planen / employee in plan', body.employee);
      const roles = rolesFor(principal, auth.unit.id);
      const role = (['union_rep', 'safety_rep', 'leader', 'planner', 'admin'] as const).find((r) => roles.includes(r)) ?? roles[0];
      const comment = await workflow.addComment({ planId: auth.plan.id, planVersion: auth.plan.version, userId: principal.userId, role, employeeId: body.employee ?? null, body: body.body });
      await repos.audit.append({
        actor: c.get('actor'),
        action: 'hearing.comment',
        entity: 'plan',
        entityId: auth.plan.id,
        details: { version: auth.plan.version, comment: comment.id, employee: body.employee ?? null, role },
      });
      return c.json({ comment }, 201);
    },
  );

  api.route(
    {
      method: 'post',
      path: '/api/plans/:id/approvals',
      tag: 'hearing',
      summary: 'Record my approval of the plan version on hearing (union or safety representative)',
      body: ApprovalBody,
      response: z.object({ approval: ApprovalSchema }),
      status: 201,
    },
    async (c, { principal, body }) => {
      const auth = await authorizePlan(ctx, principal, param(c), 'hearing.approve');
      if (auth.plan.status !== 'hearing') throw new StateError('planen er ikke på høring / the plan is not on hearing', 'status');
      const roles = rolesFor(principal, auth.unit.id);
      const role = body.role ?? (roles.includes('union_rep') ? 'union_rep' : 'safety_rep');
      if (!roles.includes(role)) throw new ForbiddenError(`du har ikke rollen ${role} i denne enheten / you do not hold that role here`);
      const approval = await workflow.addApproval({ planId: auth.plan.id, planVersion: auth.plan.version, userId: principal.userId, role, comment: body.comment ?? null });
      await repos.audit.append({
        actor: c.get('actor'),
        action: 'hearing.approve',
        entity: 'plan',
        entityId: auth.plan.id,
        details: { version: auth.plan.version, role, comment: body.comment ?? null },
      });
      return c.json({ approval }, 201);
    },
  );
}
