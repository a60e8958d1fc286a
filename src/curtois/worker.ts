/** Worker-thread entry of the Curtois portfolio: runs one seeded solver, posts the result. */
import { parentPort, workerData } from 'node:worker_threads';
import { solveCurtois, type CurtoisSolveResult } from './solve.js';
import { loadHighs, solveCurtoisMip } from './mip.js';
import { CurtoisScorer } from './scorer.js';
import type { CurtoisJob, CurtoisWorkerMessage } from './parallel.js';

const { job, worker } = workerData as { job: CurtoisJob; worker: number };
const stop = new Int32Array(job.stop);
const post = (m: CurtoisWorkerMessage) => parentPort!.postMessage(m);

try {
  const saSeconds = job.mipAfter !== undefined ? job.seconds * job.mipAfter : job.seconds;
  // The exact large neighbourhood (submip.ts) needs HiGHS loaded; the full model path loads it later.
  const highs = job.mipAfter === undefined && job.subMipAfter !== undefined ? await loadHighs() : undefined;
  const result: CurtoisSolveResult = solveCurtois(job.instance, {
    seconds: highs ? Math.max(0.05, (job.deadline - Date.now()) / 1000) : saSeconds,
    seed: job.seed,
    highs,
    subMipAfter: job.subMipAfter,
    dive: job.dive,
    onAnnealed: (r) => post({ type: 'result', worker, result: r }),
    maxIterations: job.maxIterations,
    shouldStop: () => Atomics.load(stop, 0) === 1,
    onFirstFeasible: () => post({ type: 'feasible', worker }),
    onProgress: (p) => post({ type: 'progress', worker, best: p.best, elapsedMs: p.elapsedMs }),
  });
  post({ type: 'result', worker, result });
  if (job.mipAfter !== undefined && Atomics.load(stop, 0) === 0) {
    // The exact model, started from the local search's best rota, for the rest of the time. The
    // search's result is already posted, so a model that overruns and is terminated loses nothing.
    await loadHighs();
    const left = (job.deadline - Date.now()) / 1000 - Math.max(1, job.seconds * 0.05);
    if (left > 0.5) {
      const mip = await solveCurtoisMip(job.instance, { seconds: left, start: result.rows });
      let { rows, score } = result;
      if (mip.rows) {
        const check = new CurtoisScorer(job.instance, mip.rows).scoreFromScratch();
        if (check.hard === 0 && (score.hard > 0 || check.soft < score.soft)) {
          rows = mip.rows;
          score = check;
        }
      }
      post({ type: 'result', worker, result: { ...result, rows, score, mip: { status: mip.status, bound: mip.bound } } });
    }
  }
} catch (e) {
  post({ type: 'error', worker, message: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) });
}
