/**
 * Starting a search worker thread. Workers inherit the loader flags (tsx) but not a test
 * runner's flags or its child marker (a worker under `--test` would exit), and the first
 * few kilobytes of their stderr are kept so a crash can be reported with its reason.
 */
import { Worker } from 'node:worker_threads';

export interface SpawnedWorker {
  worker: Worker;
  /** What the worker wrote to stderr so far (at most ~4 kB). */
  stderr(): string;
}

export function spawnWorker(entry: URL, workerData: unknown): SpawnedWorker {
  const execArgv = process.execArgv.filter((a) => !a.startsWith('--test'));
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  const worker = new Worker(entry, { workerData, execArgv, env, stderr: true });
  let text = '';
  worker.stderr.on('data', (d: Buffer) => {
    if (text.length < 4000) text += d.toString();
  });
  return { worker, stderr: () => text };
}
