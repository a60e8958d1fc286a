/**
 * Accounts, roles and sessions (migration 002). Passwords arrive here already hashed
 * (argon2id, by the server); session tokens arrive as their SHA-256 hex digest, so the
 * database never holds anything that logs a person in.
 */
import type { Queryable } from './db.js';
import { ConflictError, NotFoundError } from './errors.js';
import { pgErrorInfo } from './db.js';
import { iso } from './sql.js';

export const ROLES = ['admin', 'leader', 'planner', 'employee', 'union_rep', 'safety_rep'] as const;
export type Role = (typeof ROLES)[number];

export interface RoleGrant {
  role: Role;
  /** null only for admin (the whole organisation). */
  unitId: string | null;
}

export interface UserRecord {
  id: string;
  organisationId: string;
  username: string;
  displayName: string;
  employeeId: string | null;
  disabled: boolean;
  /** The password was set by someone else (a new account, a reset): choose a new one (migration 008). */
  passwordChangeRequired: boolean;
  roles: RoleGrant[];
}

export interface NewUser {
  organisationId: string;
  username: string;
  displayName: string;
  passwordHash: string;
  employeeId?: string | null;
  roles: RoleGrant[];
  /** A one-time password set by a leader or an admin (default false). */
  passwordChangeRequired?: boolean;
}

export interface SessionRecord {
  user: UserRecord;
  csrfToken: string;
  expiresAt: string;
  lastSeenAt: string;
}

interface UserRow {
  id: string;
  organisation_id: string;
  username: string;
  display_name: string;
  employee_id: string | null;
  disabled: boolean;
  password_change_required: boolean;
}

const USER_COLUMNS = 'id, organisation_id, username, display_name, employee_id, disabled, password_change_required';

export class UserRepository {
  constructor(private readonly q: Queryable) {}

  async create(u: NewUser): Promise<UserRecord> {
    return this.q.transaction(async (tx) => {
      let id: string;
      try {
        const r = await tx.query<{ id: string }>(
          `insert into users (organisation_id, username, display_name, password_hash, employee_id, password_change_required) values ($1, $2, $3, $4, $5, $6) returning id`,
          [u.organisationId, u.username.trim().toLowerCase(), u.displayName, u.passwordHash, u.employeeId ?? null, u.passwordChangeRequired ?? false],
        );
        id = r.rows[0].id;
      } catch (e) {
        if (pgErrorInfo(e).code === '23505') throw new ConflictError(`brukernavnet «${u.username}» finnes allerede / username already exists`, 'users_username_key');
        throw e;
      }
      for (const g of u.roles) await tx.query('insert into user_roles (user_id, role, unit_id) values ($1, $2, $3)', [id, g.role, g.unitId]);
      return (await new UserRepository(tx).get(id))!;
    });
  }

  private async withRoles(rows: UserRow[]): Promise<UserRecord[]> {
    if (rows.length === 0) return [];
    const grants = await this.q.query<{ user_id: string; role: Role; unit_id: string | null }>(
      'select user_id, role, unit_id from user_roles where user_id = any($1::text[]) order by id',
      [rows.map((r) => r.id)],
    );
    return rows.map((r) => ({
      id: r.id,
      organisationId: r.organisation_id,
      username: r.username,
      displayName: r.display_name,
      employeeId: r.employee_id,
      disabled: r.disabled,
      passwordChangeRequired: r.password_change_required,
      roles: grants.rows.filter((g) => g.user_id === r.id).map((g) => ({ role: g.role, unitId: g.unit_id })),
    }));
  }

  async get(id: string): Promise<UserRecord | null> {
    const r = await this.q.query<UserRow>(`select ${USER_COLUMNS} from users where id = $1`, [id]);
    return (await this.withRoles(r.rows))[0] ?? null;
  }

  /** The user and the stored password hash, for login. */
  async findForLogin(username: string): Promise<{ user: UserRecord; passwordHash: string } | null> {
    const r = await this.q.query<UserRow & { password_hash: string }>(
      `select ${USER_COLUMNS}, password_hash from users where username = $1`,
      [username.trim().toLowerCase()],
    );
    if (!r.rows.length) return null;
    const [user] = await this.withRoles(r.rows);
    return { user, passwordHash: r.rows[0].password_hash };
  }

  async list(organisationId?: string): Promise<UserRecord[]> {
    const r = await this.q.query<UserRow>(
      `select ${USER_COLUMNS} from users
       where ($1::text is null or organisation_id = $1) order by username`,
      [organisationId ?? null],
    );
    return this.withRoles(r.rows);
  }

  /** Sets the password hash; `changeRequired` marks it a one-time password (default: the holder chose it). */
  async setPasswordHash(userId: string, passwordHash: string, changeRequired = false): Promise<void> {
    const r = await this.q.query('update users set password_hash = $2, password_change_required = $3 where id = $1', [userId, passwordHash, changeRequired]);
    if (r.rowCount === 0) throw new NotFoundError('bruker / user', userId);
  }

  /** The stored password hash of a user (to check the current password before a change). */
  async passwordHash(userId: string): Promise<string | null> {
    const r = await this.q.query<{ password_hash: string }>('select password_hash from users where id = $1', [userId]);
    return r.rows[0]?.password_hash ?? null;
  }

  /** Users holding any role in the unit, by user name (with all their roles). */
  async listForUnit(unitId: string): Promise<UserRecord[]> {
    const r = await this.q.query<UserRow>(
      `select ${USER_COLUMNS} from users u where exists (select 1 from user_roles g where g.user_id = u.id and g.unit_id = $1) order by username`,
      [unitId],
    );
    return this.withRoles(r.rows);
  }

  /** Accounts linked to an employee record. */
  async listForEmployee(employeeId: string): Promise<UserRecord[]> {
    const r = await this.q.query<UserRow>(`select ${USER_COLUMNS} from users where employee_id = $1 order by username`, [employeeId]);
    return this.withRoles(r.rows);
  }

  /** Grants a role (nothing happens when it is held already). */
  async addRole(userId: string, grant: RoleGrant): Promise<void> {
    await this.q.query(
      `insert into user_roles (user_id, role, unit_id) select $1, $2, $3
       where not exists (select 1 from user_roles where user_id = $1 and role = $2 and coalesce(unit_id, '') = coalesce($3::text, ''))`,
      [userId, grant.role, grant.unitId],
    );
  }

  /** Removes a role; false when it was not held. */
  async removeRole(userId: string, grant: RoleGrant): Promise<boolean> {
    const r = await this.q.query(`delete from user_roles where user_id = $1 and role = $2 and coalesce(unit_id, '') = coalesce($3::text, '')`, [userId, grant.role, grant.unitId]);
    return r.rowCount > 0;
  }

  /** Links the account to an employee record (or unlinks it with null). */
  async setEmployee(userId: string, employeeId: string | null): Promise<void> {
    const r = await this.q.query('update users set employee_id = $2 where id = $1', [userId, employeeId]);
    if (r.rowCount === 0) throw new NotFoundError('bruker / user', userId);
  }

  /** Deactivates (or reactivates) an account; deactivating ends every session of it. */
  async setDisabled(userId: string, disabled: boolean): Promise<void> {
    await this.q.transaction(async (tx) => {
      const r = await tx.query('update users set disabled = $2 where id = $1', [userId, disabled]);
      if (r.rowCount === 0) throw new NotFoundError('bruker / user', userId);
      if (disabled) await tx.query('delete from sessions where user_id = $1', [userId]);
    });
  }

  /** Ends every session of a user (after a password reset or a role change); the number ended. */
  async deleteSessionsOfUser(userId: string, exceptTokenHash?: string): Promise<number> {
    return (await this.q.query('delete from sessions where user_id = $1 and token_hash <> $2', [userId, exceptTokenHash ?? ''])).rowCount;
  }

  async createSession(s: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date }): Promise<void> {
    await this.q.query('insert into sessions (token_hash, user_id, csrf_token, expires_at) values ($1, $2, $3, $4)', [s.tokenHash, s.userId, s.csrfToken, s.expiresAt]);
  }

  /** The live session for a token hash (null when unknown, expired or the user is disabled). */
  async getSession(tokenHash: string): Promise<SessionRecord | null> {
    const r = await this.q.query<{ user_id: string; csrf_token: string; expires_at: Date; last_seen_at: Date }>(
      `select s.user_id, s.csrf_token, s.expires_at, s.last_seen_at from sessions s join users u on u.id = s.user_id
       where s.token_hash = $1 and s.expires_at > now() and not u.disabled`,
      [tokenHash],
    );
    if (!r.rows.length) return null;
    const user = await this.get(r.rows[0].user_id);
    if (!user) return null;
    return { user, csrfToken: r.rows[0].csrf_token, expiresAt: iso(r.rows[0].expires_at), lastSeenAt: iso(r.rows[0].last_seen_at) };
  }

  /** Sliding expiry: moves the session's end to `expiresAt`. */
  async touchSession(tokenHash: string, expiresAt: Date): Promise<void> {
    await this.q.query('update sessions set last_seen_at = now(), expires_at = $2 where token_hash = $1', [tokenHash, expiresAt]);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.q.query('delete from sessions where token_hash = $1', [tokenHash]);
  }

  async deleteExpiredSessions(): Promise<number> {
    return (await this.q.query('delete from sessions where expires_at <= now()')).rowCount;
  }
}
