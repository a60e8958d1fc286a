/** Worker-thread entry of the Curtois portfolio: runs one seeded solver, posts the result. */
import { parentPort, workerData } from 'node:worker_threads';
import { solveCurtois } from './solve.js';
import type { CurtoisJob, CurtoisWorkerMessage } from './parallel.js';

const { job, worker } = workerData as { job: CurtoisJob; worker: number };
const stop = new Int32Array(job.stop);
const post = (m: CurtoisWorkerMessage) => parentPort!.postMessage(m);

try {
  const result = solveCurtois(job.instance, {
    seconds: job.seconds,
    seed: job.seed,
    maxIterations: job.maxIterations,
    shouldStop: () => Atomics.load(stop, 0) === 1,
    onFirstFeasible: () => post({ type: 'feasible', worker }),
    onProgress: (p) => post({ type: 'progress', worker, best: p.best, elapsedMs: p.elapsedMs }),
  });
  post({ type: 'result', worker, result });
} catch (e) {
  post({ type: 'error', worker, message: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) });
}
