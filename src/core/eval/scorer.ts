/**
 * What the rota search (src/engine) needs from a problem: an incremental scorer over a grid of
 * employees × days holding a shift index or FREE (-1). The Norwegian rule catalogue's
 * ScoreDirector (src/core/eval/score.ts) and the Curtois & Qu benchmark scorer both implement
 * it, so one search engine serves both.
 */

export interface Score {
  hard: number;
  soft: number;
}

/** One cell change: employee e, day d, shift s (FREE = -1). */
export type Change = readonly [e: number, d: number, s: number];

export interface IncrementalScorer {
  /** Employees, days, shift types. */
  readonly E: number;
  readonly D: number;
  readonly S: number;
  get(e: number, d: number): number;
  score(): Score;
  /** Score after the changes, leaving the rota and caches as they were. */
  peekMany(changes: readonly Change[]): Score;
  setMany(changes: readonly Change[]): void;
  /** A cell the search must not change (a fixed day off, a registered absence, a locked cell). */
  isFixed(e: number, d: number): boolean;
  /** Whether employee e may ever work shift type s (qualification; MaxShifts = 0). */
  canWork(e: number, s: number): boolean;
  /** The score computed from nothing, for the full-assert mode. */
  scoreFromScratch(): Score;
  /** A copy of the rota: one row of shift indices per employee. */
  snapshot(): Int16Array[];
}

export const FREE = -1;

export function compareScores(a: Score, b: Score): number {
  if (a.hard !== b.hard) return a.hard - b.hard;
  return a.soft - b.soft;
}
