/**
 * The HTTP API and the web app as one Hono app: pure wiring over the repositories, the core
 * checker and the engine, so tests drive it with `app.request()`. Every API route is
 * declared in the route registry (api.ts) with its zod schemas, checks the session and the
 * caller's permission for the unit, and is described at /api/openapi.json. Every error is
 * `{ errors: [{ path, message }] }`.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Db } from '../db/db.js';
import { createRepositories } from '../db/sqlRepositories.js';
import { UserRepository } from '../db/userRepository.js';
import { WorkflowRepository } from '../db/workflowRepository.js';
import { Api } from './api.js';
import { sessionMiddleware, type SessionOptions } from './auth/session.js';
import type { AppEnv } from './env.js';
import { errorBody, errorResponse } from './errors.js';
import { GenerateJobs, type GenerateFn } from './jobs.js';
import { absenceRoutes } from './routes/absences.js';
import { authRoutes } from './routes/auth.js';
import type { ServerContext } from './routes/guard.js';
import { meRoutes } from './routes/me.js';
import { planRoutes, saveRota } from './routes/plans.js';
import { riskRoutes } from './routes/risk.js';
import { unitRoutes } from './routes/units.js';
import { workflowRoutes } from './routes/workflow.js';
import { coverRoutes } from './routes/cover.js';
import { predictionShiftRoutes } from './routes/predictionShifts.js';
import { metricsRoutes } from './routes/metrics.js';
import { scenarioRoutes } from './routes/scenario.js';
import { planSettingsRoutes } from './routes/planSettings.js';
import { employeeRoutes } from './routes/employees.js';
import { userRoutes } from './routes/users.js';
import { hiredRoutes } from './routes/hired.js';
import { serveWeb } from './static.js';

export type { AppEnv } from './env.js';

export interface AppDeps {
  db: Db;
  /** Shown by /api/health. */
  version?: string;
  /** Largest accepted request body in bytes (default 5 MB). */
  maxBodyBytes?: number;
  /** Directory of the built web app (dist/web); null or missing: a short "not built" page. */
  webRoot?: string | null;
  /** Rota generation (default: the engine's worker threads). Tests may pass a fake. */
  generate?: GenerateFn;
  /** Worker threads per generation (default min(2, cores)). */
  generateThreads?: number;
  session?: SessionOptions;
}

/** The engine's worker-thread generator, as the job runner wants it. */
export function workerGenerate(threads?: number): GenerateFn {
  return async (plan, { seconds, signal, onProgress }) => {
    const { generateInWorkers } = await import('../engine/worker/pool.js');
    const r = await generateInWorkers(plan, {
      seconds,
      signal,
      threads,
      onProgress: (p) => onProgress({ fraction: p.fraction, elapsedMs: p.elapsedMs, iteration: p.iteration, best: p.best }),
    });
    return { plan: r.plan, cancelled: r.cancelled, hardCount: r.check.hardCount, softCount: r.check.softCount };
  };
}

export interface Bemanna {
  app: Hono<AppEnv>;
  api: Api;
  jobs: GenerateJobs;
}

export function createBemanna(deps: AppDeps): Bemanna {
  const { db } = deps;
  const version = deps.version ?? 'dev';
  const app = new Hono<AppEnv>();
  const api = new Api(app);
  const repos = createRepositories(db);
  const users = new UserRepository(db);
  const workflow = new WorkflowRepository(db);
  const session = deps.session ?? {};

  // The job runner saves a finished rota like an edit, as the user who started it.
  const ctxRef: { current?: ServerContext } = {};
  const jobs = new GenerateJobs(deps.generate ?? workerGenerate(deps.generateThreads), async (job, plan) => {
    const summary = await repos.plans.getPlan(job.planId);
    if (!summary) throw new Error('planen finnes ikke lenger / the plan is gone');
    const saved = await saveRota(ctxRef.current!, job.planId, summary.unitId, plan, job.startedBy, 'plan.generate', {
      job: job.id,
      seconds: job.seconds,
      hardCount: job.hardCount,
      softCount: job.softCount,
    });
    return saved.version;
  });
  const ctx: ServerContext = { db, api, repos, users, workflow, jobs, version, session };
  ctxRef.current = ctx;

  app.onError((err, c) => errorResponse(c, err));
  app.notFound((c) => c.json(errorBody('(rot)', `finnes ikke / not found: ${c.req.method} ${c.req.path}`), 404));
  app.use('/api/*', bodyLimit({ maxSize: deps.maxBodyBytes ?? 5 * 1024 * 1024 }));
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('cache-control', c.res.headers.get('cache-control') ?? 'no-store');
    c.header('x-content-type-options', 'nosniff');
  });
  app.use('/api/*', sessionMiddleware(users, session));

  api.publicRoute(
    {
      method: 'get',
      path: '/api/health',
      tag: 'system',
      summary: 'Liveness: version and database',
      response: z.object({ status: z.string(), version: z.string(), db: z.object({ ok: z.boolean(), driver: z.string(), error: z.string().optional() }) }),
    },
    async (c) => {
      try {
        await db.query('select 1');
        return c.json({ status: 'ok', version, db: { ok: true, driver: db.kind } });
      } catch (e) {
        return c.json({ status: 'error', version, db: { ok: false, driver: db.kind, error: e instanceof Error ? e.message : String(e) } }, 503);
      }
    },
  );

  authRoutes(ctx);
  unitRoutes(ctx);
  planRoutes(ctx);
  workflowRoutes(ctx);
  riskRoutes(ctx);
  meRoutes(ctx);
  absenceRoutes(ctx);
  coverRoutes(ctx);
  predictionShiftRoutes(ctx);
  metricsRoutes(ctx);
  scenarioRoutes(ctx);
  planSettingsRoutes(ctx);
  employeeRoutes(ctx);
  userRoutes(ctx);
  hiredRoutes(ctx);

  api.publicRoute({ method: 'get', path: '/api/openapi.json', tag: 'system', summary: 'This document (OpenAPI 3.1)' }, (c) => c.json(api.openApi(version)));

  serveWeb(app, deps.webRoot ?? null);
  return { app, api, jobs };
}

export function createApp(deps: AppDeps): Hono<AppEnv> {
  return createBemanna(deps).app;
}
