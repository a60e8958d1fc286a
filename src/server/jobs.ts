/**
 * Background rota generation: one job per plan, run in worker threads (src/engine), with
 * progress a browser can poll, cancellation, and the result saved as a new plan version when
 * it finishes. The jobs live in the server process; a leader can leave the page and come back.
 */
import { randomUUID } from 'node:crypto';
import type { Plan } from '../core/model/plan.js';

export type JobStatus = 'running' | 'saving' | 'done' | 'cancelled' | 'failed';

export interface JobState {
  id: string;
  planId: string;
  status: JobStatus;
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
  seconds: number;
  /** 0..1 of the time budget. */
  fraction: number;
  elapsedMs: number;
  iterations: number;
  /** Best score found so far (hard = breaches of law and agreements, weighted; soft = quality). */
  best: { hard: number; soft: number } | null;
  /** After saving: the new plan version and the checker's counts. */
  version: number | null;
  hardCount: number | null;
  softCount: number | null;
  error: string | null;
}

export interface GenerateOutcome {
  plan: Plan;
  cancelled: boolean;
  hardCount: number;
  softCount: number;
}

export type GenerateFn = (
  plan: Plan,
  opts: { seconds: number; signal: AbortSignal; onProgress: (p: { fraction: number; elapsedMs: number; iteration: number; best: { hard: number; soft: number } }) => void },
) => Promise<GenerateOutcome>;

/** Saves a finished rota; returns the new plan version. */
export type SaveResult = (job: JobState, plan: Plan) => Promise<number>;

export class GenerateJobs {
  private jobs = new Map<string, { state: JobState; abort: AbortController; done: Promise<void> }>();

  constructor(
    private readonly generate: GenerateFn,
    private readonly save: SaveResult,
  ) {}

  get(planId: string): JobState | null {
    const j = this.jobs.get(planId);
    return j ? { ...j.state } : null;
  }

  isRunning(planId: string): boolean {
    const s = this.jobs.get(planId)?.state.status;
    return s === 'running' || s === 'saving';
  }

  start(planId: string, plan: Plan, seconds: number, startedBy: string): JobState {
    if (this.isRunning(planId)) throw new Error('already running');
    const abort = new AbortController();
    const state: JobState = {
      id: randomUUID(),
      planId,
      status: 'running',
      startedBy,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      seconds,
      fraction: 0,
      elapsedMs: 0,
      iterations: 0,
      best: null,
      version: null,
      hardCount: null,
      softCount: null,
      error: null,
    };
    const t0 = Date.now();
    const done = (async () => {
      try {
        const out = await this.generate(plan, {
          seconds,
          signal: abort.signal,
          onProgress: (p) => {
            state.fraction = Math.min(1, Math.max(state.fraction, p.fraction));
            state.elapsedMs = p.elapsedMs;
            state.iterations = p.iteration;
            state.best = { hard: p.best.hard, soft: p.best.soft };
          },
        });
        state.elapsedMs = Date.now() - t0;
        if (abort.signal.aborted || out.cancelled) {
          state.status = 'cancelled';
        } else {
          state.status = 'saving';
          state.fraction = 1;
          state.hardCount = out.hardCount;
          state.softCount = out.softCount;
          state.version = await this.save(state, out.plan);
          state.status = 'done';
        }
      } catch (e) {
        state.status = abort.signal.aborted ? 'cancelled' : 'failed';
        state.error = e instanceof Error ? e.message : String(e);
      } finally {
        state.finishedAt = new Date().toISOString();
      }
    })();
    this.jobs.set(planId, { state, abort, done });
    return { ...state };
  }

  /** Cancels a running job: nothing is saved and the plan is left as it was. */
  cancel(planId: string): JobState | null {
    const j = this.jobs.get(planId);
    if (!j) return null;
    if (j.state.status === 'running') j.abort.abort();
    return { ...j.state };
  }

  /** Waits for every job (tests, shutdown). */
  async settle(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((j) => j.done));
  }

  cancelAll(): void {
    for (const j of this.jobs.values()) if (j.state.status === 'running') j.abort.abort();
  }
}
