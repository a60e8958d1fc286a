/**
 * The route registry: every API route is declared once with its zod schemas for query and
 * body (and its response), registered on Hono with that validation, and described in the
 * OpenAPI document (/api/openapi.json) generated from the very same schemas.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { formatPath } from '../core/model/plan.js';
import type { Principal } from './auth/permissions.js';
import { errorBody } from './errors.js';
import type { AppEnv } from './env.js';

type Method = 'get' | 'post' | 'put' | 'delete';

export interface RouteDef<Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined> {
  method: Method;
  /** Hono path, e.g. /api/plans/:id */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** No session needed (login, health, the OpenAPI document itself). */
  public?: boolean;
  query?: Q;
  body?: B;
  /** A body that the handler validates itself (the plan file, with parsePlan), documented with this schema. */
  bodyDoc?: z.ZodType;
  /** Body may be left out. */
  bodyOptional?: boolean;
  /** Content types of a raw (non-JSON) body the handler reads itself, e.g. an uploaded file. */
  consumes?: string[];
  /** Error statuses the route may answer besides 400/401/403/404 (documented), e.g. 409, 413, 422. */
  errorStatuses?: number[];
  response?: z.ZodType;
  /** Content type of a non-JSON success response (e.g. text/calendar). */
  produces?: string;
  /** Success status (default 200). */
  status?: number;
}

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface Input<Q, B, P> {
  query: Out<Q>;
  body: Out<B>;
  principal: P;
}

type Handler<Q, B, P> = (c: Context<AppEnv>, input: Input<Q, B, P>) => Response | Promise<Response>;

function issues(prefix: string, error: z.ZodError) {
  return { errors: error.issues.map((i) => ({ path: `${prefix}${i.path.length ? '.' + formatPath(i.path) : ''}`, message: i.message })) };
}

/** Reads a JSON body; an empty body is `undefined`. */
export async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const text = await c.req.text();
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, response: c.json(errorBody('(rot)', `ugyldig JSON / invalid JSON: ${e instanceof Error ? e.message : String(e)}`), 400) };
  }
}

export class Api {
  readonly routes: RouteDef<z.ZodType | undefined, z.ZodType | undefined>[] = [];

  constructor(readonly app: Hono<AppEnv>) {}

  private register<Q extends z.ZodType | undefined, B extends z.ZodType | undefined, P>(
    def: RouteDef<Q, B>,
    needPrincipal: boolean,
    handler: Handler<Q, B, P>,
  ): void {
    this.routes.push(def as RouteDef<z.ZodType | undefined, z.ZodType | undefined>);
    this.app.on(def.method.toUpperCase(), def.path, async (c) => {
      const principal = c.get('principal') ?? null;
      if (needPrincipal && !principal) return c.json(errorBody('(rot)', 'ikke innlogget / not signed in'), 401);
      let query: unknown = undefined;
      if (def.query) {
        const q = def.query.safeParse(c.req.query());
        if (!q.success) return c.json(issues('query', q.error), 400);
        query = q.data;
      }
      let body: unknown = undefined;
      if (def.body) {
        const raw = await readJson(c);
        if (!raw.ok) return raw.response;
        if (raw.value === undefined && def.bodyOptional) body = undefined;
        else {
          const b = def.body.safeParse(raw.value ?? {});
          if (!b.success) return c.json(issues('body', b.error), 400);
          body = b.data;
        }
      }
      return handler(c, { query, body, principal } as Input<Q, B, P>);
    });
  }

  /** A route for signed-in users (401 otherwise). */
  route<Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(def: RouteDef<Q, B>, handler: Handler<Q, B, Principal>): void {
    this.register(def, true, handler);
  }

  publicRoute<Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
    def: RouteDef<Q, B>,
    handler: Handler<Q, B, Principal | null>,
  ): void {
    this.register({ ...def, public: true }, false, handler);
  }

  /** The OpenAPI 3.1 document of every registered route. */
  openApi(version: string): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    const json = (schema: z.ZodType, io: 'input' | 'output') => {
      const s = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
      delete s.$schema;
      return s;
    };
    for (const r of this.routes) {
      const oaPath = r.path.replace(/:(\w+)/g, '{$1}');
      const parameters: unknown[] = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
      if (r.query) {
        const qs = json(r.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
        for (const [name, schema] of Object.entries(qs.properties ?? {}))
          parameters.push({ name, in: 'query', required: (qs.required ?? []).includes(name), schema });
      }
      const bodySchema = r.body ?? r.bodyDoc;
      const status = String(r.status ?? 200);
      const responses: Record<string, unknown> = {
        [status]: {
          description: 'OK',
          ...(r.produces
            ? { content: { [r.produces]: { schema: { type: 'string' } } } }
            : r.response
              ? { content: { 'application/json': { schema: json(r.response, 'output') } } }
              : {}),
        },
        '400': { $ref: '#/components/responses/Error' },
      };
      if (!r.public) {
        responses['401'] = { $ref: '#/components/responses/Error' };
        responses['403'] = { $ref: '#/components/responses/Error' };
      }
      if (r.path.includes(':')) responses['404'] = { $ref: '#/components/responses/Error' };
      for (const st of r.errorStatuses ?? []) responses[String(st)] = { $ref: '#/components/responses/Error' };
      const rawBody = r.consumes
        ? { requestBody: { required: true, content: Object.fromEntries(r.consumes.map((t) => [t, { schema: t.startsWith('text/') ? { type: 'string' } : { type: 'string', format: 'binary' } }])) } }
        : null;
      paths[oaPath] ??= {};
      paths[oaPath][r.method] = {
        tags: [r.tag],
        summary: r.summary,
        ...(r.description ? { description: r.description } : {}),
        operationId: `${r.method}${oaPath.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ? ch.toUpperCase() : ''))}`,
        ...(parameters.length ? { parameters } : {}),
        ...(rawBody ?? (bodySchema ? { requestBody: { required: !r.bodyOptional, content: { 'application/json': { schema: json(bodySchema, 'input') } } } } : {})),
        responses,
        security: r.public ? [] : r.method === 'get' ? [{ session: [] }] : [{ session: [], csrf: [] }],
      };
    }
    return {
      openapi: '3.1.0',
      info: {
        title: 'Bemanna API',
        version,
        description:
          'Rota planning for Norwegian health and care services. Sign in with POST /api/login; the session is an HttpOnly cookie, and every call that changes something must send the session\'s CSRF token (from GET /api/session) in the X-CSRF-Token header. Errors are always `{ errors: [{ path, message }] }`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'bemanna_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
        responses: {
          Error: {
            description: 'Error',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['errors'],
                  properties: { errors: { type: 'array', items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } } } },
                },
              },
            },
          },
        },
      },
      paths,
    };
  }
}

/** A path parameter (Hono types them loosely for routes registered through the registry). */
export function param(c: Context, name = 'id'): string {
  return c.req.param(name) ?? '';
}
