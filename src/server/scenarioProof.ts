/**
 * Proving a heltid scenario off the request thread: `computeScenario` + `proveScenario` (the rota
 * engine) in a worker thread of its own, with a time limit, one proof at a time per server (the
 * machine's cores are shared with the rota generation jobs).
 */
import type { Plan } from '../core/model/plan.js';
import { computeScenario, ScenarioInputError, type Message, type ScenarioOptions } from '../core/heltid/index.js';
import { proveScenario } from '../engine/proveScenario.js';
import { spawnWorker } from '../engine/worker/spawn.js';

export interface ProofJob {
  plan: Plan;
  options: Omit<ScenarioOptions, 'pool'>;
  seconds: number;
  seed: number;
}

export interface ProofSummary {
  scenario: { nb: string; en: string };
  demandMet: boolean;
  rulesKept: boolean;
  proven: boolean;
  hardCount: number;
  softCount: number;
  missingShifts: number;
  people: number;
  hours: { maxAbsDeviation: number; meanAbsDeviation: number; tolerance: number; withinTolerance: number };
  weekends: { maxWorked: number; allowed: number; over: number };
  summary: Message;
  notes: Message[];
  hardViolations: Array<{ rule: string; message: string }>;
  period: { start: string; end: string };
}

export type ProofMessage = { ok: true; result: ProofSummary } | { ok: false; message: string; problems?: Message[] };

export function runProofMessage(job: ProofJob): ProofMessage {
  try {
    const scenario = computeScenario(job.plan, job.options);
    const p = proveScenario(job.plan, scenario, { seconds: job.seconds, seed: job.seed });
    return {
      ok: true,
      result: {
        scenario: p.scenario,
        demandMet: p.demandMet,
        rulesKept: p.rulesKept,
        proven: p.proven,
        hardCount: p.hardCount,
        softCount: p.softCount,
        missingShifts: p.shortfall.lines.reduce((s, l) => s + l.missingShifts, 0),
        people: p.people.length,
        hours: p.hours,
        weekends: p.weekends,
        summary: p.summary,
        notes: p.notes,
        hardViolations: p.hardViolations.slice(0, 20).map((v) => ({ rule: v.rule, message: v.message })),
        period: { start: job.plan.start, end: job.plan.end },
      },
    };
  } catch (e) {
    if (e instanceof ScenarioInputError) return { ok: false, message: e.message, problems: e.problems };
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

export class ProofFailedError extends Error {
  constructor(
    message: string,
    readonly problems?: Message[],
  ) {
    super(message);
    this.name = 'ProofFailedError';
  }
}

const ENTRY = new URL('./scenarioProofWorker-entry.mjs', import.meta.url);
const MODULE = new URL('./scenarioProofWorker.ts', import.meta.url);

/** Runs one proof in a fresh worker thread (terminated `graceMs` past the engine's time). */
export function proveInWorker(job: ProofJob, graceMs = 30_000): Promise<ProofSummary> {
  return new Promise((resolve, reject) => {
    const { worker, stderr } = spawnWorker(ENTRY, job, MODULE);
    worker.unref();
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(() => settle(() => reject(new ProofFailedError(`beviset tok for lang tid / the proof took too long (${job.seconds} s + ${graceMs / 1000} s)`))), job.seconds * 1000 + graceMs);
    worker.once('message', (m: ProofMessage) => settle(() => (m.ok ? resolve(m.result) : reject(new ProofFailedError(m.message, m.problems)))));
    worker.once('error', (e) => settle(() => reject(new ProofFailedError(`proof worker failed: ${e.message}`))));
    worker.once('exit', (code) => settle(() => reject(new ProofFailedError(`proof worker exited with code ${code}${stderr() ? `: ${stderr().trim()}` : ''}`))));
  });
}

/** One proof at a time; the others wait their turn. */
export class ProofQueue {
  private tail: Promise<unknown> = Promise.resolve();
  constructor(private readonly run: (job: ProofJob) => Promise<ProofSummary> = proveInWorker) {}
  submit(job: ProofJob): Promise<ProofSummary> {
    const next = this.tail.then(() => this.run(job));
    this.tail = next.catch(() => undefined);
    return next;
  }
}
