/**
 * Starting a worker thread. Workers inherit the loader flags (tsx) but not a test runner's
 * flags or its child marker (a worker under `--test` would exit), and the first few kilobytes
 * of their stderr are kept so a crash can be reported with its reason.
 *
 * With `module` (the TypeScript module the bootstrap `entry` loads), the worker runs the
 * bundled module instead (see bundle.ts) and needs no loader; `entry` is the fallback.
 */
import { Worker } from 'node:worker_threads';
import { bundledWorker } from './bundle.js';

export interface SpawnedWorker {
  worker: Worker;
  /** What the worker wrote to stderr so far (at most ~4 kB). */
  stderr(): string;
}

/** The parent's flags without the test runner's and, for a bundle, without the tsx loader. */
function workerArgv(bundled: boolean): string[] {
  const out: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--test')) continue;
    if (bundled && (a === '--import' || a === '--require' || a === '--loader') && /tsx/.test(argv[i + 1] ?? '')) {
      i++;
      continue;
    }
    if (bundled && /^--(import|require|loader)=.*tsx/.test(a)) continue;
    out.push(a);
  }
  return out;
}

export function spawnWorker(entry: URL, workerData: unknown, module?: URL): SpawnedWorker {
  const bundle = module && process.env.BEMANNA_NO_WORKER_BUNDLE !== '1' ? bundledWorker(module) : null;
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  const worker = new Worker(bundle ?? entry, { workerData, execArgv: workerArgv(bundle !== null), env, stderr: true });
  let text = '';
  worker.stderr.on('data', (d: Buffer) => {
    if (text.length < 4000) text += d.toString();
  });
  return { worker, stderr: () => text };
}
