/**
 * User management per unit: an admin (whole organisation) or a unit's leader lists the accounts
 * with roles in the unit, creates an account (a generated one-time password, shown once; only
 * its argon2id hash is stored), adds and removes roles in the unit, resets a password and
 * deactivates an account (its sessions end). A leader never grants admin, never touches roles of
 * other units, and resets or deactivates only accounts whose every role is in units they lead.
 * Everything is audit-logged. `POST /api/me/password` lets anyone choose their own password.
 */
import { z } from 'zod';
import { ROLES, type Role, type RoleGrant, type UserRecord } from '../../db/userRepository.js';
import { StaffRepository } from '../../db/staffRepository.js';
import type { Unit } from '../../db/repositories.js';
import { param } from '../api.js';
import { isAdmin, rolesFor, type Principal } from '../auth/permissions.js';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../auth/password.js';
import { errorBody, ForbiddenError } from '../errors.js';
import { authorizeUnit, type ServerContext } from './guard.js';

const m = (nb: string, en: string) => `${nb} / ${en}`;

const RoleSchema = z.enum(ROLES, { error: m(`ukjent rolle; gyldige er ${ROLES.join(', ')}`, `unknown role; valid ones are ${ROLES.join(', ')}`) });

export const CreateUserBody = z
  .object({
    username: z
      .string({ error: m('brukernavn mangler', 'user name is missing') })
      .trim()
      .toLowerCase()
      .min(3, m('brukernavnet må ha minst 3 tegn', 'the user name must have at least 3 characters'))
      .max(120, m('brukernavnet kan ikke være lengre enn 120 tegn', 'the user name cannot be longer than 120 characters'))
      .regex(/^[a-z0-9._@-]+$/, m('brukernavnet kan bare ha små bokstaver a–z, tall og . _ @ -', 'the user name may only hold lower-case letters a–z, digits and . _ @ -')),
    displayName: z.string().trim().min(1, m('navn mangler', 'name is missing')).max(120, m('navnet er for langt', 'the name is too long')).optional().describe('Default: the employee’s name'),
    roles: z.array(RoleSchema).min(1, m('velg minst én rolle', 'choose at least one role')).max(6).describe('Roles in this unit; admin is organisation-wide (admins only)'),
    employeeId: z.string().min(1).max(64).optional().describe('The employee record of the account (required for the employee role)'),
  })
  .strict();

const RoleBody = z.object({ role: RoleSchema }).strict();
const StatusBody = z.object({ disabled: z.boolean() }).strict();
const ChangePasswordBody = z
  .object({
    currentPassword: z.string().min(1, m('skriv det nåværende passordet', 'enter the current password')).max(200),
    newPassword: z
      .string()
      .min(MIN_PASSWORD_LENGTH, m(`det nye passordet må ha minst ${MIN_PASSWORD_LENGTH} tegn`, `the new password must have at least ${MIN_PASSWORD_LENGTH} characters`))
      .max(200, m('passordet er for langt', 'the password is too long')),
  })
  .strict();

const UserView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  employeeId: z.string().nullable(),
  employeeName: z.string().nullable(),
  disabled: z.boolean(),
  passwordChangeRequired: z.boolean(),
  roles: z.array(RoleSchema).describe('Roles in this unit'),
  admin: z.boolean(),
  otherUnits: z.number().describe('Number of other units the user holds roles in'),
  manageable: z.boolean().describe('The caller may reset the password and deactivate the account'),
});

const PasswordAnswer = z.object({ user: UserView, password: z.string().describe('The one-time password: shown only in this answer; the holder chooses a new one at sign-in') });

/** The roles the caller may grant or remove in this unit. */
function grantableRoles(p: Principal, unit: Unit): Role[] {
  if (isAdmin(p)) return [...ROLES];
  return rolesFor(p, unit.id).includes('leader') ? ROLES.filter((r) => r !== 'admin') : [];
}

/** May the caller reset the password of / deactivate this account (not only its roles here)? */
function manageable(p: Principal, u: UserRecord): boolean {
  if (u.organisationId !== p.organisationId) return false;
  if (isAdmin(p)) return true;
  if (u.roles.some((g) => g.role === 'admin')) return false;
  const led = new Set(p.roles.filter((g) => g.role === 'leader').map((g) => g.unitId));
  return u.roles.every((g) => g.unitId !== null && led.has(g.unitId));
}

function grantFor(role: Role, unit: Unit): RoleGrant {
  return { role, unitId: role === 'admin' ? null : unit.id };
}

export function userRoutes(ctx: ServerContext): void {
  const { api, users, db } = ctx;

  const view = async (p: Principal, unit: Unit, u: UserRecord) => {
    const emp = u.employeeId ? await new StaffRepository(db).get(u.employeeId) : null;
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      employeeId: u.employeeId,
      employeeName: emp?.name ?? null,
      disabled: u.disabled,
      passwordChangeRequired: u.passwordChangeRequired,
      roles: u.roles.filter((g) => g.unitId === unit.id).map((g) => g.role),
      admin: u.roles.some((g) => g.role === 'admin'),
      otherUnits: new Set(u.roles.filter((g) => g.unitId !== null && g.unitId !== unit.id).map((g) => g.unitId)).size,
      manageable: manageable(p, u),
    };
  };

  /** The account, when it holds a role in the unit (else 404) and belongs to the caller's organisation. */
  const target = async (unit: Unit, userId: string): Promise<UserRecord | null> => {
    const u = await users.get(userId);
    if (!u || u.organisationId !== unit.organisationId || !u.roles.some((g) => g.unitId === unit.id)) return null;
    return u;
  };
  const notFound = m('brukeren finnes ikke i denne enheten', 'user not found in this unit');

  const audit = (actor: string, action: string, userId: string, details: Record<string, unknown>) =>
    ctx.repos.audit.append({ actor, action, entity: 'user', entityId: userId, details });

  api.route(
    {
      method: 'get',
      path: '/api/units/:id/users',
      tag: 'users',
      summary: 'Accounts with a role in the unit, their roles here, and the roles the caller may grant (admins, leaders)',
      response: z.object({ users: z.array(UserView), grantableRoles: z.array(RoleSchema) }),
    },
    async (c, { principal }) => {
      const unit = await authorizeUnit(ctx, principal, param(c), 'users.manage');
      const list = await users.listForUnit(unit.id);
      return c.json({ users: await Promise.all(list.map((u) => view(principal, unit, u))), grantableRoles: grantableRoles(principal, unit) });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/api/units/:id/users',
      tag: 'users',
      summary: 'Create an account with roles in the unit; answers the generated one-time password once (audit-logged)',
      description: 'A leader may grant the roles of their own unit but not admin (403). The employee role needs `employeeId`, an employee of the unit without an active account (409 if it has one). A user name in use → 409.',
      body: CreateUserBody,
      response: PasswordAnswer,
      status: 201,
      errorStatuses: [409],
    },
    async (c, { principal, body }) => {
      const unit = await authorizeUnit(ctx, principal, param(c), 'users.manage');
      const grantable = grantableRoles(principal, unit);
      const refused = body.roles.filter((r) => !grantable.includes(r));
      if (refused.length) throw new ForbiddenError(m(`du kan ikke gi rollen ${refused.join(', ')}`, `you may not grant the role ${refused.join(', ')}`));
      let displayName = body.displayName;
      if (body.employeeId !== undefined) {
        const emp = await new StaffRepository(db).get(body.employeeId);
        if (!emp || emp.unitId !== unit.id) return c.json(errorBody('body.employeeId', m('ukjent ansatt i denne enheten', 'unknown employee in this unit')), 400);
        if ((await users.listForEmployee(emp.id)).some((u) => !u.disabled))
          return c.json(errorBody('body.employeeId', m(`${emp.name} har allerede en konto`, `${emp.name} already has an account`)), 409);
        displayName ??= emp.name;
      } else if (body.roles.includes('employee')) return c.json(errorBody('body.employeeId', m('rollen ansatt krever en kobling til en ansatt', 'the employee role needs a link to an employee record')), 400);
      if (!displayName) return c.json(errorBody('body.displayName', m('navn mangler', 'name is missing')), 400);
      const password = generatePassword();
      const user = await users.create({
        organisationId: unit.organisationId,
        username: body.username,
        displayName,
        passwordHash: await hashPassword(password),
        employeeId: body.employeeId ?? null,
        roles: [...new Set(body.roles)].map((r) => grantFor(r, unit)),
        passwordChangeRequired: true,
      });
      await audit(c.get('actor'), 'user.create', user.id, { unit: unit.id, username: user.username, roles: body.roles, employee: body.employeeId ?? null });
      return c.json({ user: await view(principal, unit, user), password }, 201);
    },
  );

  api.route(
    {
      method: 'post',
      path: '/api/units/:id/users/:userId/roles',
      tag: 'users',
      summary: 'Grant an account with a role in the unit one more role here (audit-logged)',
      body: RoleBody,
      response: z.object({ user: UserView }),
    },
    async (c, { principal, body }) => {
      const unit = await authorizeUnit(ctx, principal, param(c), 'users.manage');
      const u = await target(unit, param(c, 'userId'));
      if (!u) return c.json(errorBody('userId', notFound), 404);
      if (!grantableRoles(principal, unit).includes(body.role)) throw new ForbiddenError(m(`du kan ikke gi rollen ${body.role}`, `you may not grant the role ${body.role}`));
      if (body.role === 'employee' && !u.employeeId) return c.json(errorBody('body.role', m('rollen ansatt krever en kobling til en ansatt', 'the employee role needs a link to an employee record')), 400);
      await users.addRole(u.id, grantFor(body.role, unit));
      await audit(c.get('actor'), 'user.role.add', u.id, { unit: unit.id, role: body.role });
      return c.json({ user: await view(principal, unit, (await users.get(u.id))!) });
    },
  );

  api.route(
    {
      method: 'delete',
      path: '/api/units/:id/users/:userId/roles/:role',
      tag: 'users',
      summary: 'Remove a role of the account in the unit (takes effect at its next request; audit-logged)',
      response: z.object({ user: UserView }),
    },
    async (c, { principal }) => {
      const unit = await authorizeUnit(ctx, principal, param(c), 'users.manage');
      const u = await target(unit, param(c, 'userId'));
      if (!u) return c.json(errorBody('userId', notFound), 404);
      const role = RoleSchema.safeParse(param(c, 'role'));
      if (!role.success) return c.json(errorBody('role', role.error.issues[0].message), 400);
      if (!grantableRoles(principal, unit).includes(role.data)) throw new ForbiddenError(m(`du kan ikke fjerne rollen ${role.data}`, `you may not remove the role ${role.data}`));
      if (u.id === principal.userId && (role.data === 'leader' || role.data === 'admin'))
        return c.json(errorBody('role', m('du kan ikke fjerne din egen leder- eller administratorrolle', 'you cannot remove your own leader or admin role')), 400);
      if (!(await users.removeRole(u.id, grantFor(role.data, unit)))) return c.json(errorBody('role', m('brukeren har ikke den rollen her', 'the user does not hold that role here')), 404);
      const after = (await users.get(u.id))!;
      if (after.roles.length === 0) await users.deleteSessionsOfUser(u.id);
      await audit(c.get('actor'), 'user.role.remove', u.id, { unit: unit.id, role: role.data });
      return c.json({ user: await view(principal, unit, after) });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/api/units/:id/users/:userId/password',
      tag: 'users',
      summary: 'Reset the password: a new one-time password, shown once; every session of the account ends (audit-logged)',
      response: PasswordAnswer,
    },
    async (c, { principal }) => {
      const unit = await authorizeUnit(ctx, principal, param(c), 'users.manage');
      const u = await target(unit, param(c, 'userId'));
      if (!u) return c.json(errorBody('userId', notFound), 404);
      if (!manageable(principal, u)) throw new ForbiddenError(m('brukeren har roller du ikke forvalter; spør en administrator', 'the user holds roles you do not manage; ask an administrator'));
      if (u.id === principal.userId) return c.json(errorBody('userId', m('bytt ditt eget passord under «Bytt passord»', 'change your own password under "Change password"')), 400);
      const password = generatePassword();
      await users.setPasswordHash(u.id, await hashPassword(password), true);
      await users.deleteSessionsOfUser(u.id);
      await audit(c.get('actor'), 'user.password.reset', u.id, { unit: unit.id });
      return c.json({ user: await view(principal, unit, (await users.get(u.id))!), password });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/api/units/:id/users/:userId/status',
      tag: 'users',
      summary: 'Deactivate (every session ends) or reactivate an account (audit-logged)',
      body: StatusBody,
      response: z.object({ user: UserView }),
    },
    async (c, { principal, body }) => {
      const unit = await authorizeUnit(ctx, principal, param(c), 'users.manage');
      const u = await target(unit, param(c, 'userId'));
      if (!u) return c.json(errorBody('userId', notFound), 404);
      if (!manageable(principal, u)) throw new ForbiddenError(m('brukeren har roller du ikke forvalter; spør en administrator', 'the user holds roles you do not manage; ask an administrator'));
      if (u.id === principal.userId) return c.json(errorBody('body.disabled', m('du kan ikke deaktivere deg selv', 'you cannot deactivate yourself')), 400);
      await users.setDisabled(u.id, body.disabled);
      await audit(c.get('actor'), body.disabled ? 'user.disable' : 'user.enable', u.id, { unit: unit.id });
      return c.json({ user: await view(principal, unit, (await users.get(u.id))!) });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/api/me/password',
      tag: 'users',
      summary: 'Choose a new password (after a one-time password, or any time); the other sessions end',
      body: ChangePasswordBody,
      response: z.object({ ok: z.boolean() }),
    },
    async (c, { principal, body }) => {
      const hash = await users.passwordHash(principal.userId);
      if (!hash || !(await verifyPassword(hash, body.currentPassword)))
        return c.json(errorBody('body.currentPassword', m('feil nåværende passord', 'wrong current password')), 400);
      if (body.newPassword === body.currentPassword) return c.json(errorBody('body.newPassword', m('velg et annet passord enn det nåværende', 'choose a password other than the current one')), 400);
      await users.setPasswordHash(principal.userId, await hashPassword(body.newPassword), false);
      await users.deleteSessionsOfUser(principal.userId, c.get('session')?.tokenHash);
      await audit(c.get('actor'), 'user.password.change', principal.userId, {});
      return c.json({ ok: true });
    },
  );
}
