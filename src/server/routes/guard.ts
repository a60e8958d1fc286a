/**
 * The authorization helpers every route uses: resolve the unit (or the plan and its unit),
 * then check the caller's permission for that unit. Unknown ids are 404, known ids the
 * caller may not see are 403, and nothing of the unit is read before the check.
 */
import type { Db } from '../../db/db.js';
import { NotFoundError } from '../../db/errors.js';
import type { PlanSummary, Repositories, Unit } from '../../db/repositories.js';
import type { UserRepository } from '../../db/userRepository.js';
import type { WorkflowRepository } from '../../db/workflowRepository.js';
import type { Api } from '../api.js';
import { can, planAccess, type Permission, type PlanAccess, type Principal } from '../auth/permissions.js';
import type { SessionOptions } from '../auth/session.js';
import { ForbiddenError } from '../errors.js';
import type { GenerateJobs } from '../jobs.js';

export interface ServerContext {
  db: Db;
  api: Api;
  repos: Repositories;
  users: UserRepository;
  workflow: WorkflowRepository;
  jobs: GenerateJobs;
  version: string;
  session: SessionOptions;
}

export async function unitOrThrow(ctx: ServerContext, unitId: string): Promise<Unit> {
  const unit = await ctx.repos.organisations.getUnit(unitId);
  if (!unit) throw new NotFoundError('enhet / unit', unitId);
  return unit;
}

/** The unit, when the caller holds `permission` for it; 403 otherwise. */
export async function authorizeUnit(ctx: ServerContext, p: Principal, unitId: string, permission: Permission): Promise<Unit> {
  const unit = await unitOrThrow(ctx, unitId);
  if (!can(p, permission, unit.id, unit.organisationId)) throw new ForbiddenError('ingen tilgang til denne enheten / no access to this unit');
  return unit;
}

export interface AuthorizedPlan {
  plan: PlanSummary;
  unit: Unit;
  access: PlanAccess;
}

/**
 * The plan with the caller's access level; 403 when the caller may not see it at all (another
 * unit, or a draft for an employee), or lacks `permission` when one is asked for.
 */
export async function authorizePlan(ctx: ServerContext, p: Principal, planId: string, permission?: Permission): Promise<AuthorizedPlan> {
  const plan = await ctx.repos.plans.getPlan(planId);
  if (!plan) throw new NotFoundError('plan', planId);
  const unit = await unitOrThrow(ctx, plan.unitId);
  const access = planAccess(p, unit.id, unit.organisationId, plan.status);
  if (!access) throw new ForbiddenError('ingen tilgang til denne planen / no access to this plan');
  if (permission && !can(p, permission, unit.id, unit.organisationId)) throw new ForbiddenError('du har ikke rettighet til dette / you are not allowed to do this');
  return { plan, unit, access };
}
