/**
 * The heltid scenario planner (RULES.md § 8, "helgefloken") over a unit: from the staffing plan of
 * the unit's latest plan (or one given in the body) and up to three scenario choices — weekend
 * frequency, long weekend shifts and their length, weekly norm, annual or rolling rota, a shared
 * pool with another unit — the minimum headcount per competence, the position sizes, the average
 * position and the full-time shares side by side (`compareScenarios`); the proof of one scenario
 * with the rota engine in a worker thread (`proveScenario`); and the position plan
 * (`proposePositionPlan`) from the unit's employees to the target average. Leaders and planners.
 */
import { z } from 'zod';
import { ZodError } from 'zod';
import { compareScenarios, computeScenario, planAfterPositionPlan, proposePositionPlan, ScenarioInputError, staffingPlan, type ScenarioOptions, type ScenarioResult } from '../../core/heltid/index.js';
import { DemandSchema, ShiftTypeSchema, formatPath, type Plan } from '../../core/model/plan.js';
import { addDays } from '../../core/time/localDate.js';
import { parsePlan } from '../../core/model/validatePlan.js';
import { createRepositories } from '../../db/sqlRepositories.js';
import { NotFoundError, ValidationError } from '../../db/errors.js';
import type { Unit } from '../../db/repositories.js';
import { param } from '../api.js';
import type { Principal } from '../auth/permissions.js';
import { ProofFailedError, ProofQueue, type ProofJob, type ProofSummary } from '../scenarioProof.js';
import { authorizeUnit, type ServerContext } from './guard.js';

/** Leaders, planners and admins (the permission only they hold among the unit's roles). */
const PERMISSION = 'plan.edit' as const;

const Choice = z
  .object({
    name: z.string().min(1).max(80).optional(),
    weekendEvery: z.number().int().min(2).max(6).describe('Every k-th weekend'),
    longShifts: z.boolean().optional().describe('Long weekend shifts on/off; left out: as the staffing plan has them'),
    longShiftHours: z.number().min(8).max(16).optional().describe('Paid hours of a long weekend shift (default 12.5)'),
    weeklyNorm: z.number().min(20).max(40).optional().describe('Hours per week of a 100 % position (default: the plan\'s, else 35.5 / 37.5)'),
    planningForm: z.enum(['rolling', 'annual']).optional(),
    poolUnitId: z.string().min(1).optional().describe('Shared pool with this unit (its latest plan\'s staffing plan is added)'),
    includeNights: z.boolean().optional(),
    level: z.enum(['min', 'target']).optional().describe('Count the staffing plan\'s minimum (default) or target'),
    maxHeadcount: z.number().int().min(1).max(500).optional(),
  })
  .strict();
type Choice = z.output<typeof Choice>;

const StaffingPlanBody = z
  .object({
    shiftTypes: z.array(ShiftTypeSchema).min(1),
    demand: z.array(DemandSchema).min(1),
    start: z.string().optional(),
    weeks: z.number().int().min(1).max(52).optional(),
  })
  .strict();

const Source = {
  planId: z.string().min(1).optional().describe("A plan of the unit (default: the latest)"),
  staffingPlan: StaffingPlanBody.optional().describe("A staffing plan instead of the plan's (the plan's employees and rules are kept when there is one)"),
};

const CompareBody = z.object({ ...Source, scenarios: z.array(Choice).min(1).max(3) }).strict();
const ProveBody = z
  .object({
    ...Source,
    scenario: Choice,
    seconds: z.number().min(1).max(120).default(10).describe('Rota engine time'),
    weeks: z.number().int().min(1).max(12).default(6).describe('Weeks of the period proven (from its start)'),
    seed: z.number().int().min(0).default(1),
  })
  .strict();
const PositionBody = z
  .object({
    ...Source,
    targetAveragePercent: z.number().min(1).max(100),
    scenario: Choice.optional(),
    smallPercent: z.number().min(1).max(100).optional(),
    minVacancyPercent: z.number().min(1).max(100).optional(),
  })
  .strict();

const DraftBody = PositionBody.extend({
  name: z.string().min(1).max(120).optional().describe('Name of the draft plan'),
  seconds: z.number().int().min(1).max(300).default(10).describe('Rota engine time'),
}).strict();

const Loose = z.record(z.string(), z.unknown());

/** The result without the per-day demand profile (large, and only the engine needs it). */
function publicResult(r: ScenarioResult): Omit<ScenarioResult, 'profile' | 'poolProfile'> {
  const { profile: _p, poolProfile: _pp, ...rest } = r;
  return rest;
}

function inputError(e: unknown, path: string): never {
  if (e instanceof ScenarioInputError) throw new ValidationError('ugyldig scenario / invalid scenario', e.problems.map((p) => ({ path: `${path}.${p.code}`, message: `${p.nb} / ${p.en}` })));
  if (e instanceof ZodError)
    throw new ValidationError(
      'ugyldig bemanningsplan / invalid staffing plan',
      e.issues.map((i) => ({ path: `body.staffingPlan${i.path.length ? '.' + formatPath(i.path) : ''}`, message: i.message })),
    );
  throw e;
}

export function scenarioRoutes(ctx: ServerContext): void {
  const { api, repos } = ctx;
  const proofs = new ProofQueue();

  /** The unit's latest plan (by last change), or the one asked for; null when the unit has none. */
  async function latestPlan(unit: Unit, planId?: string): Promise<Plan | null> {
    const plans = await repos.plans.listPlans(unit.id);
    const chosen = planId ? plans.find((p) => p.id === planId) : [...plans].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
    if (planId && !chosen) throw new NotFoundError('plan', planId);
    return chosen ? repos.plans.loadPlan(chosen.id) : null;
  }

  async function basePlan(unit: Unit, body: { planId?: string; staffingPlan?: z.output<typeof StaffingPlanBody> }): Promise<Plan> {
    const plan = await latestPlan(unit, body.planId);
    const sp = body.staffingPlan;
    if (sp) {
      try {
        const hand = staffingPlan({ unit: unit.name, shiftTypes: sp.shiftTypes, demand: sp.demand, start: sp.start ?? plan?.start, weeks: sp.weeks, planningForm: plan?.planningForm });
        return plan ? { ...plan, start: hand.start, end: hand.end, shiftTypes: hand.shiftTypes, demand: hand.demand, assignments: [], absences: [], wishes: [] } : hand;
      } catch (e) {
        inputError(e, 'body.staffingPlan');
      }
    }
    if (!plan) throw new ValidationError('enheten har ingen plan / the unit has no plan', [{ path: 'body.staffingPlan', message: 'enheten har ingen plan; send en bemanningsplan / the unit has no plan; send a staffing plan' }]);
    return plan;
  }

  async function options(principal: Principal, c: Choice): Promise<ScenarioOptions> {
    const o: ScenarioOptions = {
      weekendEvery: c.weekendEvery,
      ...(c.name ? { name: c.name } : {}),
      ...(c.longShifts === undefined ? {} : { longShiftHours: c.longShifts ? (c.longShiftHours ?? 12.5) : 0 }),
      ...(c.weeklyNorm !== undefined ? { weeklyNorm: c.weeklyNorm } : {}),
      ...(c.planningForm ? { planningForm: c.planningForm } : {}),
      ...(c.includeNights !== undefined ? { includeNights: c.includeNights } : {}),
      ...(c.level ? { level: c.level } : {}),
      ...(c.maxHeadcount !== undefined ? { maxHeadcount: c.maxHeadcount } : {}),
    };
    if (c.poolUnitId) {
      const other = await authorizeUnit(ctx, principal, c.poolUnitId, PERMISSION);
      const pool = await latestPlan(other);
      if (!pool) throw new ValidationError('enheten i poolen har ingen plan / the pool unit has no plan', [{ path: 'body.poolUnitId', message: `${other.name}: ingen plan / no plan` }]);
      o.pool = pool;
    }
    return o;
  }

  api.route(
    {
      method: 'post',
      path: '/api/units/:id/scenarios',
      tag: 'heltid',
      summary: 'Up to three weekend-tangle scenarios side by side (headcount per competence, positions, average position, full-time shares, whether the unit can staff it and why not)',
      body: CompareBody,
      response: z.object({ unit: z.string(), plan: z.object({ name: z.string(), start: z.string(), end: z.string(), employees: z.number() }), scenarios: z.array(Loose) }),
    },
    async (c, { principal, body }) => {
      const unit = await authorizeUnit(ctx, principal, param(c), PERMISSION);
      const plan = await basePlan(unit, body);
      const opts = await Promise.all(body.scenarios.map((s) => options(principal, s)));
      let results: ScenarioResult[];
      try {
        results = compareScenarios(plan, opts);
      } catch (e) {
        inputError(e, 'body.scenarios');
      }
      return c.json({ unit: unit.id, plan: { name: plan.unit, start: plan.start, end: plan.end, employees: plan.employees.length }, scenarios: results.map(publicResult) });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/api/units/:id/scenarios/prove',
      tag: 'heltid',
      summary: "Prove one scenario: a real rota for the scenario's people made by the rota engine (worker thread); demand met and rules kept",
      description: 'The first `weeks` weeks of the period are proven. A shared-pool scenario is proven unit by unit (400).',
      body: ProveBody,
      errorStatuses: [422],
      response: Loose,
    },
    async (c, { principal, body }) => {
      const unit = await authorizeUnit(ctx, principal, param(c), PERMISSION);
      const full = await basePlan(unit, body);
      if (body.scenario.poolUnitId)
        throw new ValidationError('ugyldig scenario / invalid scenario', [
          { path: 'body.scenario.poolUnitId', message: 'et scenario med felles pool bevises enhet for enhet / a shared-pool scenario is proven unit by unit' },
        ]);
      const opts = await options(principal, body.scenario);
      // The scenario as the full plan has it (annual or not), proven over its first weeks.
      const planningForm = opts.planningForm ?? (full.planningForm === 'annual' ? 'annual' : 'rolling');
      const end = [addDays(full.start, body.weeks * 7 - 1), full.end].sort()[0];
      const inPeriod = (d: string) => d >= full.start && d <= end;
      const plan: Plan = {
        ...full,
        end,
        planningForm: full.planningForm === 'annual' ? 'calendar' : full.planningForm,
        demand: full.demand.flatMap((l) => (l.dates ? (l.dates.some(inPeriod) ? [{ ...l, dates: l.dates.filter(inPeriod) }] : []) : [l])),
        assignments: [],
        absences: [],
        wishes: [],
      };
      const job: ProofJob = { plan, options: { ...opts, planningForm }, seconds: body.seconds, seed: body.seed };
      try {
        computeScenario(plan, job.options); // bad input answers at once, not from the worker
      } catch (e) {
        inputError(e, 'body.scenario');
      }
      let proof: ProofSummary;
      try {
        proof = await proofs.submit(job);
      } catch (e) {
        if (e instanceof ProofFailedError && e.problems) inputError(new ScenarioInputError(e.problems), 'body.scenario');
        if (e instanceof ProofFailedError) return c.json({ errors: [{ path: '(rot)', message: e.message }] }, 422);
        throw e;
      }
      return c.json(proof);
    },
  );

  /** The position plan of a unit: from its register's employees (else its plan's), optionally within a scenario. */
  async function positionPlanOf(unit: Unit, principal: Principal, body: z.output<typeof PositionBody>) {
    const stored = await repos.employees.listByUnit(unit.id);
    let scenario: ScenarioResult | undefined;
    let planEmployees: Plan['employees'] = [];
    if (body.scenario || stored.length === 0) {
      const plan = await basePlan(unit, body).catch((e: unknown) => {
        if (body.scenario) throw e;
        return null;
      });
      planEmployees = plan?.employees ?? [];
      if (body.scenario && plan) {
        try {
          scenario = computeScenario(plan, await options(principal, body.scenario));
        } catch (e) {
          inputError(e, 'body.scenario');
        }
      }
    }
    const source = stored.length ? stored : planEmployees;
    // The desired position from the wish form: the latest answer across the unit's plans wins
    // over the register's figure.
    const fromWishForm = new Map<string, { percent: number; at: string }>();
    for (const p of await repos.plans.listPlans(unit.id))
      for (const sub of await ctx.workflow.listSubmissions(p.id)) {
        if (sub.desiredPositionPercent === null) continue;
        const had = fromWishForm.get(sub.employeeId);
        if (!had || had.at < sub.submittedAt) fromWishForm.set(sub.employeeId, { percent: sub.desiredPositionPercent, at: sub.submittedAt });
      }
    const employees = source.map((e) => {
      const desired = fromWishForm.get(e.id)?.percent ?? e.desiredPositionPercent;
      return {
        id: e.id,
        name: e.name,
        competence: e.competence ?? null,
        competences: e.competences,
        positionPercent: e.positionPercent,
        ...(desired !== undefined && desired !== null ? { desiredPositionPercent: desired } : {}),
      };
    });
    try {
      const result = proposePositionPlan({
        employees,
        targetAveragePercent: body.targetAveragePercent,
        scenario,
        ...(body.smallPercent !== undefined ? { smallPercent: body.smallPercent } : {}),
        ...(body.minVacancyPercent !== undefined ? { minVacancyPercent: body.minVacancyPercent } : {}),
      });
      const names = Object.fromEntries(employees.map((e) => [e.id, e.name ?? e.id]));
      const wishForm = employees.filter((e) => fromWishForm.has(e.id)).length;
      // Whose desired position the plan used, and where it came from.
      const desired = Object.fromEntries(
        employees.flatMap((e) => (e.desiredPositionPercent === undefined ? [] : [[e.id, { percent: e.desiredPositionPercent, source: fromWishForm.has(e.id) ? 'wishForm' : 'register' }]])),
      );
      return { result, names, scenario, source, wishForm, desired };
    } catch (e) {
      inputError(e, 'body');
    }
  }

  api.route(
    {
      method: 'post',
      path: '/api/units/:id/position-plan',
      tag: 'heltid',
      summary: "The position plan: from the unit's employees (their positions and wishes) to the target average position, in concrete steps (larger positions, vacancies, merges), optionally within a scenario",
      body: PositionBody,
      response: Loose,
    },
    async (c, { principal, body }) => {
      const unit = await authorizeUnit(ctx, principal, param(c), PERMISSION);
      const { result, names, scenario, wishForm, desired } = await positionPlanOf(unit, principal, body);
      return c.json({ ...result, names, scenario: scenario ? scenario.name : null, desiredFromWishForm: wishForm, desired });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/api/units/:id/position-plan/draft',
      tag: 'heltid',
      summary: 'The rota that results from the position plan: a new draft plan (the template plan with the new positions, the vacancies as placeholders, the merged positions left out) whose rota the engine starts generating at once',
      description: 'Answers 201 with the draft plan, the generation job (follow it with GET /api/plans/{id}/generate) and the changes to the staff. The employee register is not changed.',
      body: DraftBody,
      response: Loose,
      status: 201,
      errorStatuses: [409],
    },
    async (c, { principal, body }) => {
      const unit = await authorizeUnit(ctx, principal, param(c), PERMISSION);
      const template = await basePlan(unit, body);
      const { result, source, scenario } = await positionPlanOf(unit, principal, body);
      const staff: Plan['employees'] = source.map((e) => {
        const inPlan = template.employees.find((x) => x.id === e.id);
        return inPlan ?? { id: e.id, name: e.name, ...(e.competences?.length ? { competences: e.competences } : e.competence ? { competences: [e.competence] } : {}), positionPercent: e.positionPercent };
      });
      const draft = planAfterPositionPlan(template, staff, result);
      const parsed = parsePlan(draft.plan);
      if (!parsed.ok) throw new ValidationError('stillingsplanen gir ingen gyldig plan / the position plan gives no valid plan', parsed.problems);
      const actor = c.get('actor');
      const name = body.name ?? `Stillingsplan ${String(body.targetAveragePercent).replace('.', ',')} %${scenario ? ` – ${scenario.name.nb}` : ''}`;
      const saved = await ctx.db.transaction(async (tx) => {
        const r = createRepositories(tx);
        const plan = await r.plans.savePlan(unit.id, parsed.value, { name, status: 'draft' });
        await r.audit.append({
          actor,
          action: 'plan.create',
          entity: 'plan',
          entityId: plan.id,
          details: { unit: unit.id, version: plan.version, start: plan.start, end: plan.end, source: 'position-plan', targetAveragePercent: body.targetAveragePercent, changes: draft.changes.length },
        });
        return plan;
      });
      const job = ctx.jobs.start(saved.id, { ...parsed.value, assignments: [] }, body.seconds, actor);
      await repos.audit.append({ actor, action: 'plan.generate.start', entity: 'plan', entityId: saved.id, details: { version: saved.version, seconds: body.seconds, job: job.id } });
      c.header('Location', `/api/plans/${encodeURIComponent(saved.id)}`);
      return c.json({ plan: saved, job, changes: draft.changes, before: result.before, after: result.after }, 201);
    },
  );
}
