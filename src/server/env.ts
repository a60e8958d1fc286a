/** Hono's per-request variables, set by the session middleware. */
import type { Principal } from './auth/permissions.js';

export interface AppEnv {
  Variables: {
    /** Who is acting, for the audit log: the user name, or "anonym". */
    actor: string;
    /** The signed-in user, or null. */
    principal: Principal | null;
    /** The session's token hash and CSRF token, when signed in. */
    session: { tokenHash: string; csrfToken: string } | null;
  };
}
