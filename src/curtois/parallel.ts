/**
 * A portfolio of Curtois solvers in worker threads (default one per core, at most 2): each
 * runs `solveCurtois` with its own seed; the best rota wins. Every worker stops itself at the
 * deadline; a worker still running a second after it is terminated. A crash in one worker is
 * reported and the others' result is still returned. With one thread the solver runs in the
 * calling thread (no worker start-up).
 */
import { mipSuits } from './mip.js';
import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../engine/worker/spawn.js';
import { availableParallelism } from 'node:os';
import { compareScores, type Score } from '../engine/types.js';
import type { CurtoisInstance } from './parse.js';
import { diveShare, solveCurtois, subMipShare, type CurtoisSolveResult } from './solve.js';
import { loadHighs } from './mip.js';

export interface CurtoisJob {
  instance: CurtoisInstance;
  seconds: number;
  seed: number;
  maxIterations?: number;
  /** Share of the time for the local search before the exact model (HiGHS) takes its best rota as a start. */
  mipAfter?: number;
  /** Share of the time for the annealing before the exact large neighbourhood (submip.ts) takes over. */
  subMipAfter?: number;
  /** Share of the time for column generation with diving (colgen.ts) first; see solveCurtois. */
  dive?: number;
  /** Wall-clock deadline (Date.now() epoch ms) of the whole run: worker start-up counts against it. */
  deadline: number;
  /** Int32Array over a SharedArrayBuffer; [0] = 1 asks the worker to stop. */
  stop: SharedArrayBuffer;
}

export type CurtoisWorkerMessage =
  | { type: 'feasible'; worker: number }
  | { type: 'progress'; worker: number; best: Score; elapsedMs: number }
  | { type: 'result'; worker: number; result: CurtoisSolveResult }
  | { type: 'error'; worker: number; message: string };

export interface ParallelCurtoisOptions {
  seconds: number;
  seed?: number;
  threads?: number;
  maxIterations?: number;
  /** Let the second worker run the exact model on small instances (default true). */
  mip?: boolean;
  onProgress?: (p: { best: Score; elapsedMs: number }) => void;
}

export interface ParallelCurtoisResult extends CurtoisSolveResult {
  /** Ms from the call until any worker first held a feasible rota (null if none did). */
  firstFeasibleMs: number | null;
  worker: number;
  workers: number;
  errors: string[];
}

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);
const MODULE = new URL('./worker.ts', import.meta.url);

function subMipFor(instance: CurtoisInstance, worker: number): number | undefined {
  const share = subMipShare(instance);
  // The second worker anneals almost to the end and only polishes with the exact neighbourhood:
  // on cover-dominated instances (8) the long annealing wins, on others (9, 12) the early hand-over.
  return share === undefined ? undefined : worker % 2 === 0 ? share : Math.min(0.9, share + 0.45);
}

export function seedFor(seed: number, worker: number): number {
  return (seed + worker * 7919) >>> 0;
}

export async function solveCurtoisParallel(instance: CurtoisInstance, opts: ParallelCurtoisOptions): Promise<ParallelCurtoisResult> {
  const threads = Math.max(1, opts.threads ?? Math.min(2, availableParallelism()));
  const seed = opts.seed ?? 1;
  const t0 = performance.now();
  if (threads === 1) {
    let first: number | null = null;
    const share = opts.maxIterations === undefined && opts.mip !== false ? subMipShare(instance) : undefined;
    const highs = share !== undefined ? await loadHighs() : undefined;
    const r = solveCurtois(instance, {
      seconds: Math.max(0.05, opts.seconds - (performance.now() - t0) / 1000),
      highs,
      subMipAfter: share,
      dive: share !== undefined ? diveShare(instance) : undefined,
      seed: seedFor(seed, 0),
      maxIterations: opts.maxIterations,
      onFirstFeasible: () => (first ??= performance.now() - t0),
      onProgress: opts.onProgress ? (p) => opts.onProgress!({ best: p.best, elapsedMs: p.elapsedMs }) : undefined,
    });
    return { ...r, firstFeasibleMs: first, worker: 0, workers: 1, errors: [] };
  }
  const stopBuf = new SharedArrayBuffer(4);
  const stop = new Int32Array(stopBuf);
  const results: Array<{ worker: number; result: CurtoisSolveResult }> = [];
  const errors: string[] = [];
  const latest = new Map<number, Score>();
  let firstFeasibleMs: number | null = null;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let alive = threads;
    const soft = setTimeout(() => Atomics.store(stop, 0, 1), opts.seconds * 1000 + 500);
    const hard = setTimeout(() => workers.forEach((w) => void w.terminate()), opts.seconds * 1000 + 1500);
    const finish = () => {
      clearTimeout(soft);
      clearTimeout(hard);
      if (results.length === 0) {
        reject(new Error(`Curtois solver failed in every worker: ${errors.join('; ') || 'no result'}`));
        return;
      }
      const best = results.reduce((a, b) => (compareScores(b.result.score, a.result.score) < 0 ? b : a));
      resolve({
        ...best.result,
        mip: results.find((r) => r.result.mip)?.result.mip,
        // A worker may post twice (the annealing's rota, then the exact neighbourhood's): count each once.
        iterations: [...new Map(results.map((r) => [r.worker, r.result.iterations])).values()].reduce((n, k) => n + k, 0),
        firstFeasibleMs,
        worker: best.worker,
        workers: threads,
        errors,
      });
    };
    for (let i = 0; i < threads; i++) {
      const job: CurtoisJob = {
        instance,
        // Worker start-up (loading tsx) comes out of the budget.
        seconds: Math.max(0.05, opts.seconds - (performance.now() - t0) / 1000),
        seed: seedFor(seed, i),
        maxIterations: opts.maxIterations,
        // On a small instance the second worker hands its best rota to the exact model after a
        // third of the time (not in the repeatable iteration-budget mode).
        mipAfter: i === 1 && opts.maxIterations === undefined && opts.mip !== false && mipSuits(instance) ? 1 / 3 : undefined,
        // The others hand over to the exact large neighbourhood where it pays; the workers differ
        // in how long they anneal first (diversity: some instances want the longer annealing).
        subMipAfter: opts.maxIterations === undefined && opts.mip !== false ? subMipFor(instance, i) : undefined,
        // The first worker starts with column generation and a dive where it is used; the second
        // anneals (the two approaches win on different instances).
        dive: i === 0 && opts.maxIterations === undefined && opts.mip !== false ? diveShare(instance) : undefined,
        deadline: Date.now() - (performance.now() - t0) + opts.seconds * 1000,
        stop: stopBuf,
      };
      const spawned = spawnWorker(ENTRY, { job, worker: i }, MODULE);
      const w = spawned.worker;
      workers.push(w);
      let done = false;
      w.on('message', (m: CurtoisWorkerMessage) => {
        if (m.type === 'feasible') {
          if (firstFeasibleMs === null) firstFeasibleMs = performance.now() - t0;
        } else if (m.type === 'progress') {
          latest.set(m.worker, m.best);
          if (opts.onProgress) {
            const best = [...latest.values()].reduce((a, b) => (compareScores(b, a) < 0 ? b : a));
            opts.onProgress({ best, elapsedMs: performance.now() - t0 });
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
        if (!done) errors.push(`worker ${i} exited with code ${code} before it had a result${spawned.stderr() ? `: ${spawned.stderr().trim()}` : ''}`);
        done = true;
        if (--alive === 0) finish();
      });
    }
  });
}
