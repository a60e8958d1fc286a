/** Messages between the main thread and a search worker. */
import type { Plan } from '../../core/model/plan.js';
import type { SearchProgress } from '../search.js';
import type { GenerateResult } from '../generate.js';

export interface PlanJob {
  kind: 'plan';
  plan: Plan;
  seconds: number;
  /** Epoch ms by which the result must be ready (the caller's start + seconds). */
  deadline: number;
  seed: number;
  maxIterations?: number;
  fullAssert?: boolean;
  /** Int32Array over a SharedArrayBuffer; [0] = 1 asks the worker to stop. */
  stop: SharedArrayBuffer;
  /** Test hook: make the worker crash after this many ms. */
  crashAfterMs?: number;
}

export type WorkerMessage =
  | { type: 'progress'; worker: number; progress: SearchProgress }
  | { type: 'result'; worker: number; result: GenerateResult }
  | { type: 'best'; worker: number; rows: Int16Array[]; score: { hard: number; soft: number } }
  | { type: 'error'; worker: number; message: string };
