/** Worker-thread entry: runs one seeded search and posts progress and the result. */
import { parentPort, workerData } from 'node:worker_threads';
import { generateRota } from '../generate.js';
import type { PlanJob, WorkerMessage } from './protocol.js';

const { job, worker } = workerData as { job: PlanJob; worker: number };
const stop = new Int32Array(job.stop);
const post = (m: WorkerMessage) => parentPort!.postMessage(m);

// Test hook: a crash before anything was posted.
if (job.crashAfterMs === 0) process.exit(70);
const started = Date.now();
// Test hook: die abruptly mid-search, as a crashing worker would (wall time since the
// thread started, so a slow start on a loaded machine still crashes).
const maybeCrash = () => {
  if (job.crashAfterMs !== undefined && Date.now() - started >= job.crashAfterMs) process.exit(70);
};

try {
  const result = generateRota(job.plan, {
    seconds: job.seconds,
    seed: job.seed,
    maxIterations: job.maxIterations,
    fullAssert: job.fullAssert,
    shouldStop: () => Atomics.load(stop, 0) === 1,
    deadline: job.deadline,
    onBestRows: (rows, score) => {
      post({ type: 'best', worker, rows, score });
      maybeCrash();
    },
    onProgress: (progress) => {
      maybeCrash();
      post({ type: 'progress', worker, progress });
    },
  });
  post({ type: 'result', worker, result });
} catch (e) {
  post({ type: 'error', worker, message: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) });
}
