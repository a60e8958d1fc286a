/**
 * Serves the built single-page app (dist/web, made by `vite build`): files under assets/
 * are content-hashed and cached for a year; every other path that is not /api/ gets
 * index.html, so deep links (/plans/…) work. Without a build, a short page says how to make one.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Hono } from 'hono';
import type { AppEnv } from './env.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
};

const NOT_BUILT = `<!doctype html><html lang="nb"><meta charset="utf-8"><title>Bemanna</title>
<body style="font-family:system-ui;max-width:40rem;margin:3rem auto"><h1>Bemanna</h1>
<p>Nettgrensesnittet er ikke bygget. Kjør <code>npm run build:web</code> (eller <code>npm start</code>, som bygger det først).</p>
<p>The web front end is not built: run <code>npm run build:web</code>. The API is at <a href="/api/openapi.json">/api/openapi.json</a>.</p></body></html>`;

export function serveWeb(app: Hono<AppEnv>, webRoot: string | null): void {
  const root = webRoot ? resolve(webRoot) : null;
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api') return next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.header(k, v);
    if (!root) return c.html(NOT_BUILT);
    let rel: string;
    try {
      rel = normalize(decodeURIComponent(c.req.path)).replace(/^([/\\])+/, '');
    } catch {
      return c.text('bad path', 400);
    }
    const file = join(root, rel);
    if (rel && (file === root || file.startsWith(root + sep))) {
      try {
        const st = await stat(file);
        if (st.isFile()) {
          const body = await readFile(file);
          const immutable = rel.startsWith('assets' + sep) || rel.startsWith('assets/');
          return c.body(body, 200, {
            'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
            'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
          });
        }
      } catch {
        /* fall through to the app */
      }
    }
    if (extname(rel) && !rel.endsWith('.html')) return c.text('finnes ikke / not found', 404);
    try {
      const html = await readFile(join(root, 'index.html'), 'utf8');
      c.header('cache-control', 'no-cache');
      return c.html(html);
    } catch {
      return c.html(NOT_BUILT);
    }
  });
}
