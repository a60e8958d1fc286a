/**
 * Sessions: a random 256-bit token in an HttpOnly, SameSite=Strict cookie (Secure behind
 * https); only its SHA-256 is stored. CSRF: every call that is not GET/HEAD must carry the
 * session's CSRF token in `X-CSRF-Token`, and a cross-origin `Origin` is refused outright.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { UserRepository } from '../../db/userRepository.js';
import { errorBody } from '../errors.js';
import type { AppEnv } from '../env.js';
import { principalOf } from './permissions.js';

export const SESSION_COOKIE = 'bemanna_session';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const TOUCH_AFTER_MS = 5 * 60 * 1000;

export interface SessionOptions {
  /** Always set Secure (default: when the request came over https, or X-Forwarded-Proto says so and trustProxy is on). */
  secureCookies?: boolean;
  trustProxy?: boolean;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

function isHttps(c: Context, opts: SessionOptions): boolean {
  if (opts.secureCookies) return true;
  if (new URL(c.req.url).protocol === 'https:') return true;
  return !!opts.trustProxy && c.req.header('x-forwarded-proto') === 'https';
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function ownOrigin(c: Context, opts: SessionOptions): string {
  const url = new URL(c.req.url);
  if (opts.trustProxy) {
    const proto = c.req.header('x-forwarded-proto');
    const host = c.req.header('x-forwarded-host');
    if (proto || host) return `${proto ?? url.protocol.replace(':', '')}://${host ?? url.host}`;
  }
  return url.origin;
}

export function sessionMiddleware(users: UserRepository, opts: SessionOptions = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('principal', null);
    c.set('session', null);
    c.set('actor', 'anonym');
    const token = getCookie(c, SESSION_COOKIE);
    if (token && token.length < 200) {
      const tokenHash = hashToken(token);
      const s = await users.getSession(tokenHash);
      if (s) {
        c.set('principal', principalOf(s.user));
        c.set('session', { tokenHash, csrfToken: s.csrfToken });
        c.set('actor', s.user.username);
        if (Date.now() - Date.parse(s.lastSeenAt) > TOUCH_AFTER_MS) await users.touchSession(tokenHash, new Date(Date.now() + SESSION_TTL_MS));
      }
    }
    const method = c.req.method;
    if (c.req.path.startsWith('/api/') && method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
      const origin = c.req.header('origin');
      if (origin && origin !== ownOrigin(c, opts)) return c.json(errorBody('(rot)', 'forespørsel fra annet nettsted avvist / cross-origin request refused'), 403);
      const session = c.get('session');
      const json = (c.req.header('content-type') ?? '').startsWith('application/json');
      if (c.req.path === '/api/login') {
        // No session token exists yet: a cross-site form cannot send JSON, and Origin was checked above.
        if (!json) return c.json(errorBody('(rot)', 'forventer JSON / expected application/json'), 415);
      } else if (session) {
        const sent = c.req.header(CSRF_HEADER) ?? '';
        if (!sameToken(sent, session.csrfToken)) return c.json(errorBody('(rot)', 'mangler eller feil CSRF-token / missing or wrong CSRF token'), 403);
      } else if (!json) {
        // Not signed in: the route answers 401; a form post never reaches a handler.
        return c.json(errorBody('(rot)', 'ikke innlogget / not signed in'), 401);
      }
    }
    await next();
  };
}

/** Starts a session for a user and sets the cookie; returns the CSRF token. */
export async function startSession(c: Context<AppEnv>, users: UserRepository, userId: string, opts: SessionOptions = {}): Promise<string> {
  const old = c.get('session');
  if (old) await users.deleteSession(old.tokenHash);
  const token = newToken();
  const csrfToken = newToken();
  await users.createSession({ tokenHash: hashToken(token), userId, csrfToken, expiresAt: new Date(Date.now() + SESSION_TTL_MS) });
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/', secure: isHttps(c, opts), maxAge: Math.floor(SESSION_TTL_MS / 1000) });
  return csrfToken;
}

export async function endSession(c: Context<AppEnv>, users: UserRepository, opts: SessionOptions = {}): Promise<void> {
  const s = c.get('session');
  if (s) await users.deleteSession(s.tokenHash);
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict', secure: isHttps(c, opts) });
}

/** Failed logins per user name: after 8 failures within 15 minutes, refuse for the rest of the window. */
export class LoginThrottle {
  private fails = new Map<string, number[]>();
  constructor(
    private readonly max = 8,
    private readonly windowMs = 15 * 60 * 1000,
  ) {}
  private recent(key: string): number[] {
    const now = Date.now();
    const list = (this.fails.get(key) ?? []).filter((t) => now - t < this.windowMs);
    this.fails.set(key, list);
    return list;
  }
  blocked(key: string): boolean {
    return this.recent(key).length >= this.max;
  }
  fail(key: string): void {
    this.recent(key).push(Date.now());
    if (this.fails.size > 10_000) this.fails.clear();
  }
  succeed(key: string): void {
    this.fails.delete(key);
  }
}
