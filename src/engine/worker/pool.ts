/**
 * Rota generation off the calling thread: a portfolio of seeded searches, one per worker
 * thread (default: one per core), with merged progress, cancellation, a hard deadline
 * (the time limit plus one second; on a machine too loaded to have built even a first rota by
 * then, until the first one arrives), and a crash in one worker reported — the others' best
 * rota is still returned; if every worker fails, the promise rejects with the reason.
 */
import type { Worker } from 'node:worker_threads';
import { spawnWorker } from './spawn.js';
import { availableParallelism } from 'node:os';
import type { Plan } from '../../core/model/plan.js';
import type { SearchProgress } from '../search.js';
import { finishFromRows, type GenerateResult } from '../generate.js';
import { compareScores } from '../types.js';
import type { PlanJob, WorkerMessage } from './protocol.js';

export interface ParallelOptions {
  seconds: number;
  seed?: number;
  threads?: number;
  maxIterations?: number;
  fullAssert?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: SearchProgress & { workers: number }) => void;
  /** Test hook: crash worker 0 after this many ms. */
  crashWorker0AfterMs?: number;
}

export interface ParallelResult extends GenerateResult {
  worker: number;
  workers: number;
  errors: string[];
  cancelled: boolean;
}

const RUNNER = new URL('./entry.mjs', import.meta.url);
/** How long past the hard deadline to wait for a first rota when no worker has one yet. */
const LATE_MS = 30_000;
const RUNNER_MODULE = new URL('./runner.ts', import.meta.url);

export function generateInWorkers(plan: Plan, opts: ParallelOptions): Promise<ParallelResult> {
  const threads = Math.max(1, opts.threads ?? Math.min(2, availableParallelism()));
  const seed = opts.seed ?? 1;
  const stopBuf = new SharedArrayBuffer(4);
  const stop = new Int32Array(stopBuf);
  const latest = new Map<number, SearchProgress>();
  const deadline = Date.now() + opts.seconds * 1000;
  const results: Array<{ worker: number; result: GenerateResult }> = [];
  const bestRows = new Map<number, { rows: Int16Array[]; score: { hard: number; soft: number } }>();
  let terminated = false;
  const errors: string[] = [];
  let cancelled = false;

  return new Promise<ParallelResult>((resolve, reject) => {
    const workers: Worker[] = [];
    let alive = threads;
    const stopAll = () => Atomics.store(stop, 0, 1);
    const onAbort = () => {
      cancelled = true;
      stopAll();
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    // The search stops itself at the deadline (worker start-up included); a quarter of a
    // second later the workers are asked to stop, and at one second past the time limit any
    // still running is terminated and its best rota so far is used.
    const soft = setTimeout(stopAll, opts.seconds * 1000 + 250);
    const terminateAll = () => {
      terminated = true;
      workers.forEach((w) => void w.terminate());
    };
    // A machine so loaded that no worker has even a constructed rota at the hard deadline:
    // rather than fail, wait for the first one (the search is already told to stop), at most
    // LATE_MS more. Cancelling is not waiting: a cancelled run ends at once.
    let waitForFirst = false;
    let late: ReturnType<typeof setTimeout> | undefined;
    const hard = setTimeout(() => {
      if (bestRows.size === 0 && results.length === 0 && !cancelled) {
        waitForFirst = true;
        late = setTimeout(terminateAll, LATE_MS);
      } else terminateAll();
    }, opts.seconds * 1000 + 1000);

    const finish = () => {
      clearTimeout(soft);
      clearTimeout(hard);
      clearTimeout(late);
      opts.signal?.removeEventListener('abort', onAbort);
      if (results.length === 0 && bestRows.size > 0) {
        // Anytime: no worker finished in time, but they had posted their best rota so far.
        const [worker, b] = [...bestRows.entries()].reduce((a, x) => (compareScores(x[1].score, a[1].score) < 0 ? x : a));
        results.push({ worker, result: finishFromRows(plan, b.rows, Date.now() - (deadline - opts.seconds * 1000)) });
      }
      if (results.length === 0) {
        reject(new Error(`rota generation failed in every worker: ${errors.join('; ') || 'no result'}`));
        return;
      }
      const best = results.reduce((a, b) => (compareScores(b.result.score, a.result.score) < 0 ? b : a));
      resolve({ ...best.result, worker: best.worker, workers: threads, errors, cancelled });
    };

    for (let i = 0; i < threads; i++) {
      const job: PlanJob = {
        kind: 'plan',
        plan,
        seconds: opts.seconds,
        deadline,
        seed: seed + i * 7919,
        maxIterations: opts.maxIterations,
        fullAssert: opts.fullAssert,
        stop: stopBuf,
        crashAfterMs: i === 0 ? opts.crashWorker0AfterMs : undefined,
      };
      const spawned = spawnWorker(RUNNER, { job, worker: i }, RUNNER_MODULE);
      const w = spawned.worker;
      workers.push(w);
      let done = false;
      w.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') {
          latest.set(m.worker, m.progress);
          if (opts.onProgress) {
            const all = [...latest.values()];
            const best = all.reduce((a, b) => (compareScores(b.best, a.best) < 0 ? b : a));
            opts.onProgress({ ...best, workers: threads });
          }
        } else if (m.type === 'best') {
          bestRows.set(m.worker, { rows: m.rows, score: m.score });
          if (waitForFirst) {
            waitForFirst = false;
            terminateAll();
          }
        } else if (m.type === 'result') {
          done = true;
          results.push({ worker: m.worker, result: m.result });
        } else {
          done = true;
          errors.push(`worker ${m.worker}: ${m.message}`);
        }
      });
      w.on('error', (err) => {
        if (!done) errors.push(`worker ${i}: ${err.message}`);
        done = true;
      });
      w.on('exit', (code) => {
        if (!done)
          errors.push(
            terminated
              ? `worker ${i} was stopped at the deadline before it had finished (its best rota so far is used)`
              : `worker ${i} exited with code ${code} before it had a result${spawned.stderr() ? `: ${spawned.stderr().trim()}` : ''}`,
          );
        done = true;
        if (--alive === 0) finish();
      });
    }
  });
}
