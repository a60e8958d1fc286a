/**
 * The HTTP API as a Hono app: pure wiring over the repositories and the core checker, so
 * tests drive it with `app.request()`. Every request body is validated (parsePlan / zod);
 * every error is `{ errors: [{ path, message }] }`. Authentication comes later as a
 * middleware that sets `actor` (today every request is "anonym").
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { checkPlan } from '../core/eval/checker.js';
import { formatPath } from '../core/model/plan.js';
import { parsePlan } from '../core/model/validatePlan.js';
import type { Db } from '../db/db.js';
import { NotFoundError } from '../db/errors.js';
import { PLAN_STATUSES, type Repositories } from '../db/repositories.js';
import { createRepositories } from '../db/sqlRepositories.js';
import { errorBody, errorResponse } from './errors.js';
import { startPage } from './page.js';

export interface AppDeps {
  db: Db;
  /** Shown by /api/health. */
  version?: string;
  /** Largest accepted request body in bytes (default 5 MB). */
  maxBodyBytes?: number;
}

export interface AppEnv {
  Variables: {
    /** Who is acting; the coming auth middleware sets it from the session. */
    actor: string;
  };
}

type Body = { ok: true; value: unknown } | { ok: false; response: Response };

/** Reads a JSON body; an empty body is `undefined`. */
async function readJson(c: Context): Promise<Body> {
  const text = await c.req.text();
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, response: c.json(errorBody('(rot)', `ugyldig JSON / invalid JSON: ${e instanceof Error ? e.message : String(e)}`), 400) };
  }
}

function planFromBody(c: Context, raw: unknown) {
  if (raw === undefined) return { ok: false as const, response: c.json(errorBody('(rot)', 'mangler planfil i forespørselen / missing plan file in the request body'), 400) };
  const parsed = parsePlan(raw);
  if (!parsed.ok) return { ok: false as const, response: c.json({ errors: parsed.problems }, 400) };
  return { ok: true as const, plan: parsed.value };
}

const SavePlanQuery = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    status: z.enum(PLAN_STATUSES).optional(),
  })
  .strict();

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const { db } = deps;
  const version = deps.version ?? 'dev';
  const repos: Repositories = createRepositories(db);
  const app = new Hono<AppEnv>();

  app.onError((err, c) => errorResponse(c, err));
  app.notFound((c) => c.json(errorBody('(rot)', `finnes ikke / not found: ${c.req.method} ${c.req.path}`), 404));

  // Placeholder for authentication: everyone is "anonym" until the auth issue lands.
  app.use('*', async (c, next) => {
    c.set('actor', 'anonym');
    await next();
  });
  app.use('/api/*', bodyLimit({ maxSize: deps.maxBodyBytes ?? 5 * 1024 * 1024 }));

  app.get('/', async (c) => c.html(startPage(await repos.organisations.listUnits(), version)));

  app.get('/api/health', async (c) => {
    try {
      await db.query('select 1');
      return c.json({ status: 'ok', version, db: { ok: true, driver: db.kind } });
    } catch (e) {
      return c.json({ status: 'error', version, db: { ok: false, driver: db.kind, error: e instanceof Error ? e.message : String(e) } }, 503);
    }
  });

  app.get('/api/units', async (c) => c.json({ units: await repos.organisations.listUnits() }));

  const requireUnit = async (id: string) => {
    const unit = await repos.organisations.getUnit(id);
    if (!unit) throw new NotFoundError('enhet / unit', id);
    return unit;
  };

  app.get('/api/units/:id', async (c) => c.json({ unit: await requireUnit(c.req.param('id')) }));

  app.get('/api/units/:id/employees', async (c) => {
    const unit = await requireUnit(c.req.param('id'));
    return c.json({ employees: await repos.employees.listByUnit(unit.id) });
  });

  app.get('/api/units/:id/plans', async (c) => {
    const unit = await requireUnit(c.req.param('id'));
    return c.json({ plans: await repos.plans.listPlans(unit.id) });
  });

  app.post('/api/units/:id/plans', async (c) => {
    const unit = await requireUnit(c.req.param('id'));
    const query = SavePlanQuery.safeParse(c.req.query());
    if (!query.success) return c.json({ errors: query.error.issues.map((i) => ({ path: `query.${formatPath(i.path)}`, message: i.message })) }, 400);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const p = planFromBody(c, body.value);
    if (!p.ok) return p.response;
    const actor = c.get('actor');
    const summary = await db.transaction(async (tx) => {
      const r = createRepositories(tx);
      const saved = await r.plans.savePlan(unit.id, p.plan, query.data);
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
  });

  app.get('/api/plans/:id', async (c) => {
    const id = c.req.param('id');
    const plan = await repos.plans.loadPlan(id);
    if (!plan) throw new NotFoundError('plan', id);
    return c.json(plan);
  });

  app.post('/api/check', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const p = planFromBody(c, body.value);
    if (!p.ok) return p.response;
    return c.json(checkPlan(p.plan));
  });

  /** Checks the stored plan, or — when a plan file is sent — that edited version of it. */
  app.post('/api/plans/:id/check', async (c) => {
    const id = c.req.param('id');
    const body = await readJson(c);
    if (!body.ok) return body.response;
    if (body.value === undefined) {
      const plan = await repos.plans.loadPlan(id);
      if (!plan) throw new NotFoundError('plan', id);
      return c.json(checkPlan(plan));
    }
    if (!(await repos.plans.getPlan(id))) throw new NotFoundError('plan', id);
    const p = planFromBody(c, body.value);
    if (!p.ok) return p.response;
    return c.json(checkPlan(p.plan));
  });

  return app;
}
