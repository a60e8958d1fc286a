/**
 * Worker threads start from one bundled ES module instead of compiling the TypeScript sources
 * in every new thread (the tsx loader takes one to two seconds per thread; on a loaded 2-core
 * machine more, all of it out of a generation's time limit). The bundle is built with esbuild
 * once per process, keyed by its content, into node_modules/.cache so the packages it leaves
 * external still resolve. If bundling fails, the caller falls back to the tsx bootstrap.
 */
import { buildSync } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { repoRootFrom } from './root.js';

const built = new Map<string, URL | null>();

/** The bundled worker module for a TypeScript entry, or null when it cannot be built. */
export function bundledWorker(tsModule: URL): URL | null {
  const key = tsModule.href;
  if (built.has(key)) return built.get(key)!;
  let url: URL | null = null;
  try {
    const file = fileURLToPath(tsModule);
    const out = buildSync({
      entryPoints: [file],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      write: false,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0].contents;
    const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
    const dir = join(repoRootFrom(file), 'node_modules', '.cache', 'bemanna-workers');
    const target = join(dir, `${basename(file, '.ts')}-${hash}.mjs`);
    if (!existsSync(target)) {
      mkdirSync(dir, { recursive: true });
      const tmp = `${target}.${process.pid}.tmp`;
      writeFileSync(tmp, code);
      renameSync(tmp, target); // atomic: a parallel process never sees half a file
    }
    url = pathToFileURL(target);
  } catch {
    url = null;
  }
  built.set(key, url);
  return url;
}
