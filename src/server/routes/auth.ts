/** Login, logout and the session (who am I, my units and what I may do there, the CSRF token). */
import { z } from 'zod';
import type { UnitSummary } from '../../db/repositories.js';
import { isAdmin, permissionsFor, principalOf, rolesFor, type Principal } from '../auth/permissions.js';
import { burnVerify, verifyPassword } from '../auth/password.js';
import { endSession, LoginThrottle, startSession } from '../auth/session.js';
import { errorBody } from '../errors.js';
import { LoginBody, SessionResponse } from '../schemas.js';
import type { ServerContext } from './guard.js';

/** The units the principal holds any role in (every unit of the organisation for an admin). */
export async function visibleUnits(ctx: ServerContext, p: Principal): Promise<UnitSummary[]> {
  const all = await ctx.repos.organisations.listUnits(p.organisationId);
  if (isAdmin(p)) return all;
  const mine = new Set(p.roles.map((g) => g.unitId));
  return all.filter((u) => mine.has(u.id));
}

async function sessionBody(ctx: ServerContext, p: Principal, csrfToken: string) {
  const units = await visibleUnits(ctx, p);
  return {
    user: { id: p.userId, username: p.username, displayName: p.displayName, employeeId: p.employeeId, roles: p.roles, passwordChangeRequired: p.passwordChangeRequired ?? false },
    csrfToken,
    units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind, roles: rolesFor(p, u.id), permissions: permissionsFor(p, u.id, u.organisationId) })),
  };
}

export function authRoutes(ctx: ServerContext): void {
  const { api, users } = ctx;
  const throttle = new LoginThrottle();

  api.publicRoute(
    {
      method: 'post',
      path: '/api/login',
      tag: 'auth',
      summary: 'Sign in with user name and password; sets the session cookie',
      body: LoginBody,
      response: SessionResponse,
    },
    async (c, { body }) => {
      const key = body.username.toLowerCase();
      if (throttle.blocked(key)) return c.json(errorBody('(rot)', 'for mange mislykkede forsøk, prøv igjen senere / too many failed attempts, try again later'), 429);
      const found = await users.findForLogin(body.username);
      const ok = found && !found.user.disabled ? await verifyPassword(found.passwordHash, body.password) : (await burnVerify(body.password), false);
      if (!ok || !found) {
        throttle.fail(key);
        await ctx.repos.audit.append({ actor: key.slice(0, 120) || 'anonym', action: 'login.failed', entity: 'user', entityId: found?.user.id ?? null });
        return c.json(errorBody('(rot)', 'feil brukernavn eller passord / wrong user name or password'), 401);
      }
      throttle.succeed(key);
      const csrf = await startSession(c, users, found.user.id, ctx.session);
      await ctx.repos.audit.append({ actor: found.user.username, action: 'login', entity: 'user', entityId: found.user.id });
      return c.json(await sessionBody(ctx, principalOf(found.user), csrf));
    },
  );

  api.route({ method: 'post', path: '/api/logout', tag: 'auth', summary: 'Sign out: ends the session and clears the cookie', response: z.object({ ok: z.boolean() }) }, async (c) => {
    await endSession(c, users, ctx.session);
    return c.json({ ok: true });
  });

  api.route({ method: 'get', path: '/api/session', tag: 'auth', summary: 'The signed-in user, the units and permissions, and the CSRF token', response: SessionResponse }, async (c, { principal }) =>
    c.json(await sessionBody(ctx, principal, c.get('session')!.csrfToken)),
  );
}
