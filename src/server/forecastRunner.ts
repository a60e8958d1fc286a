/**
 * Runs absence forecasts off the request thread: each in its own worker thread (started with
 * the engine's spawner, which bootstraps tsx), with a time limit, at most `maxConcurrent` at a
 * time, and the last few results cached by a key that names the history they came from (the
 * same request on the same history is answered at once, and two identical requests share one
 * worker).
 */
import { spawnWorker } from '../engine/worker/spawn.js';
import type { ForecastJob, ForecastJobResult, ForecastWorkerMessage } from './forecastJob.js';

const ENTRY = new URL('./forecastWorker-entry.mjs', import.meta.url);
const MODULE = new URL('./forecastWorker.ts', import.meta.url);

/** The forecast did not finish within the time limit (the worker was stopped). */
export class ForecastTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`prognosen tok mer enn ${Math.round(ms / 1000)} s og ble stoppet / the forecast took more than ${Math.round(ms / 1000)} s and was stopped`);
    this.name = 'ForecastTimeoutError';
  }
}

/** The forecast failed; `inputError` when the history cannot give a forecast (ForecastInputError). */
export class ForecastFailedError extends Error {
  constructor(
    message: string,
    readonly inputError: boolean,
  ) {
    super(message);
    this.name = 'ForecastFailedError';
  }
}

export interface ForecastRunnerOptions {
  /** Time limit per forecast (default BEMANNA_FORECAST_TIMEOUT_MS or 60 s). */
  timeoutMs?: number;
  /** Forecasts running at once (default 2). */
  maxConcurrent?: number;
  /** Results kept (default 32). */
  cacheSize?: number;
}

/** Runs one job in a fresh worker thread. */
export function forecastInWorker(job: ForecastJob, timeoutMs: number): Promise<ForecastJobResult> {
  return new Promise((resolve, reject) => {
    const { worker, stderr } = spawnWorker(ENTRY, job, MODULE);
    worker.unref();
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(() => settle(() => {
      void worker.terminate();
      reject(new ForecastTimeoutError(timeoutMs));
    }), timeoutMs);
    worker.once('message', (m: ForecastWorkerMessage) =>
      settle(() => {
        void worker.terminate();
        if (m.ok) resolve(m.result);
        else reject(new ForecastFailedError(m.message, m.inputError));
      }),
    );
    worker.once('error', (e) => settle(() => reject(new ForecastFailedError(`forecast worker failed: ${e.message}`, false))));
    worker.once('exit', (code) =>
      settle(() => reject(new ForecastFailedError(`forecast worker exited with code ${code} before it had a result${stderr() ? `: ${stderr().trim()}` : ''}`, false))),
    );
  });
}

export class ForecastRunner {
  private readonly timeoutMs: number;
  private readonly maxConcurrent: number;
  private readonly cacheSize: number;
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly cache = new Map<string, Promise<ForecastJobResult>>();

  constructor(
    opts: ForecastRunnerOptions = {},
    private readonly exec: (job: ForecastJob, timeoutMs: number) => Promise<ForecastJobResult> = forecastInWorker,
  ) {
    const envTimeout = Number(process.env.BEMANNA_FORECAST_TIMEOUT_MS);
    this.timeoutMs = opts.timeoutMs ?? (envTimeout > 0 ? envTimeout : 60_000);
    this.maxConcurrent = Math.max(1, opts.maxConcurrent ?? 2);
    this.cacheSize = Math.max(0, opts.cacheSize ?? 32);
  }

  /** The result for `key` (computed by `job()` only when not cached or running already). */
  run(key: string, job: () => ForecastJob): Promise<ForecastJobResult> {
    const hit = this.cache.get(key);
    if (hit) {
      // Most recently used last.
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const p = this.limited(() => this.exec(job(), this.timeoutMs));
    this.cache.set(key, p);
    p.catch(() => {
      if (this.cache.get(key) === p) this.cache.delete(key);
    });
    while (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
    return p;
  }

  private async limited<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running >= this.maxConcurrent) await new Promise<void>((r) => this.waiting.push(r));
    this.running++;
    try {
      return await fn();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
