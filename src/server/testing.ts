/**
 * Test helpers for the API: an in-memory database with two units (A: testheimen-1 with a
 * plan, B: annen-enhet with a plan), accounts for every role, and a client that signs in
 * and sends the session cookie and the CSRF token like the web app does.
 */
import { parsePlan } from '../core/model/validatePlan.js';
import { openDatabase, type Db } from '../db/db.js';
import { fixturePlan } from '../db/fixtures.js';
import { migrate } from '../db/migrate.js';
import { createRepositories } from '../db/sqlRepositories.js';
import { UserRepository, type RoleGrant } from '../db/userRepository.js';
import { createBemanna, type AppDeps, type Bemanna } from './app.js';
import { hashPassword } from './auth/password.js';

export const UNIT_A = 'testheimen-1';
export const UNIT_B = 'annen-enhet';
export const PASSWORD = 'riktig-hest-batteri';

export interface TestWorld extends Bemanna {
  db: Db;
  planA: string;
  planB: string;
  close(): Promise<void>;
}

export const TEST_USERS: Record<string, { roles: RoleGrant[]; employeeId?: string }> = {
  admin: { roles: [{ role: 'admin', unitId: null }] },
  'leder-a': { roles: [{ role: 'leader', unitId: UNIT_A }] },
  'planlegger-a': { roles: [{ role: 'planner', unitId: UNIT_A }] },
  'ansatt-a': { roles: [{ role: 'employee', unitId: UNIT_A }], employeeId: 'a-e1' },
  'ansatt2-a': { roles: [{ role: 'employee', unitId: UNIT_A }], employeeId: 'a-e2' },
  'tillitsvalgt-a': { roles: [{ role: 'union_rep', unitId: UNIT_A }] },
  'verneombud-a': { roles: [{ role: 'safety_rep', unitId: UNIT_A }] },
  'ansatt-b': { roles: [{ role: 'employee', unitId: UNIT_B }], employeeId: 'b-e1' },
  'leder-b': { roles: [{ role: 'leader', unitId: UNIT_B }] },
};

export async function testWorld(deps: Partial<AppDeps> = {}): Promise<TestWorld> {
  const db = await openDatabase({ memory: true });
  await migrate(db);
  const repos = createRepositories(db);
  await repos.organisations.createOrganisation({ id: 'testkommune', name: 'Testkommune' });
  await repos.organisations.createUnit({ id: UNIT_A, organisationId: 'testkommune', name: 'Testheimen 1. etg', kind: 'sykehjem', serviceArea: 'Helse Vest', beds: 12 });
  await repos.organisations.createUnit({ id: UNIT_B, organisationId: 'testkommune', name: 'Annen enhet', kind: 'bofellesskap' });
  const a = parsePlan(fixturePlan({ prefix: 'a' }));
  const b = parsePlan({ ...fixturePlan({ prefix: 'b' }), unit: 'Annen enhet' });
  if (!a.ok || !b.ok) throw new Error('fixture plans must parse');
  const planA = (await repos.plans.savePlan(UNIT_A, a.value, { name: 'Plan A' })).id;
  const planB = (await repos.plans.savePlan(UNIT_B, b.value, { name: 'Plan B' })).id;
  const users = new UserRepository(db);
  const hash = await hashPassword(PASSWORD);
  for (const [username, u] of Object.entries(TEST_USERS))
    await users.create({ organisationId: 'testkommune', username, displayName: username, passwordHash: hash, employeeId: u.employeeId ?? null, roles: u.roles });
  const bem = createBemanna({ db, version: '9.9.9-test', ...deps });
  return {
    ...bem,
    db,
    planA,
    planB,
    close: async () => {
      bem.jobs.cancelAll();
      await bem.jobs.settle();
      await db.close();
    },
  };
}

export interface TestClient {
  csrf: string;
  cookie: string;
  get(path: string): Promise<Response>;
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  json<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

type Requester = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

export async function login(app: Requester, username: string, password = PASSWORD): Promise<TestClient> {
  const res = await app.request('/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const client: TestClient = {
    csrf: csrfToken,
    cookie,
    get: async (path) => app.request(path, { headers: { cookie } }),
    send: async (method, path, body, headers = {}) =>
      app.request(path, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
    json: async (method, path, body) => {
      const res = method === 'GET' ? await client.get(path) : await client.send(method, path, body);
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as never };
    },
  };
  return client;
}
