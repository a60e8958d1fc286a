/**
 * Rota moves. Each returns the cell changes it would make; the search scores them with
 * peekMany and applies them only when accepted. Cells the problem fixes (absence, days off)
 * are never touched, and nobody is given a shift they may not work.
 */
import { FREE, type Change, type IncrementalScorer } from './types.js';
import type { Rng } from './random.js';

export const MOVE_KINDS = ['change', 'swap', 'block', 'weekend', 'ruin'] as const;
export type MoveKind = (typeof MOVE_KINDS)[number];

export interface Move {
  kind: MoveKind;
  changes: Change[];
}

export interface MoveContext {
  scorer: IncrementalScorer;
  rng: Rng;
  weekendStarts: number[];
}

function changeMove({ scorer, rng }: MoveContext): Move | null {
  const e = rng.int(scorer.E);
  const d = rng.int(scorer.D);
  if (scorer.isFixed(e, d)) return null;
  const cur = scorer.get(e, d);
  const s = rng.int(scorer.S + 1) - 1;
  if (s === cur || (s !== FREE && !scorer.canWork(e, s))) return null;
  return { kind: 'change', changes: [[e, d, s]] };
}

function swapCells(scorer: IncrementalScorer, e1: number, e2: number, days: number[], out: Change[]): boolean {
  for (const d of days) {
    if (d < 0 || d >= scorer.D) return false;
    if (scorer.isFixed(e1, d) || scorer.isFixed(e2, d)) return false;
    const a = scorer.get(e1, d);
    const b = scorer.get(e2, d);
    if (a === b) continue;
    if ((b !== FREE && !scorer.canWork(e1, b)) || (a !== FREE && !scorer.canWork(e2, a))) return false;
    out.push([e1, d, b], [e2, d, a]);
  }
  return out.length > 0;
}

function swapMove({ scorer, rng }: MoveContext): Move | null {
  const e1 = rng.int(scorer.E);
  const e2 = rng.int(scorer.E);
  if (e1 === e2) return null;
  const changes: Change[] = [];
  return swapCells(scorer, e1, e2, [rng.int(scorer.D)], changes) ? { kind: 'swap', changes } : null;
}

/** Swap a run of 2–7 days between two employees (moves whole runs and patterns). */
function blockMove({ scorer, rng }: MoveContext): Move | null {
  const e1 = rng.int(scorer.E);
  const e2 = rng.int(scorer.E);
  if (e1 === e2) return null;
  const k = 2 + rng.int(6);
  const d0 = rng.int(Math.max(1, scorer.D - k + 1));
  const days = Array.from({ length: Math.min(k, scorer.D - d0) }, (_, i) => d0 + i);
  const changes: Change[] = [];
  return swapCells(scorer, e1, e2, days, changes) ? { kind: 'block', changes } : null;
}

/** Give one employee's weekend (Saturday and Sunday) to another, taking theirs in return. */
function weekendMove({ scorer, rng, weekendStarts }: MoveContext): Move | null {
  if (weekendStarts.length === 0) return null;
  const sat = rng.pick(weekendStarts);
  const e1 = rng.int(scorer.E);
  const e2 = rng.int(scorer.E);
  if (e1 === e2) return null;
  const changes: Change[] = [];
  return swapCells(scorer, e1, e2, [sat, sat + 1], changes) ? { kind: 'weekend', changes } : null;
}

/** Clear a window of 2–5 days for 2–6 employees; `recreate` rebuilds it. */
function ruinMove({ scorer, rng }: MoveContext): Move | null {
  const w = 2 + rng.int(4);
  const d0 = rng.int(Math.max(1, scorer.D - w + 1));
  const m = Math.min(scorer.E, 2 + rng.int(5));
  const emps = new Set<number>();
  while (emps.size < m) emps.add(rng.int(scorer.E));
  const changes: Change[] = [];
  for (const e of emps)
    for (let d = d0; d < Math.min(scorer.D, d0 + w); d++) if (!scorer.isFixed(e, d)) changes.push([e, d, FREE]);
  return changes.length ? { kind: 'ruin', changes } : null;
}

/** Greedy rebuild of ruined cells, in random order, each to its best value given the rest. */
export function recreate({ scorer, rng }: MoveContext, cells: readonly Change[]): void {
  const order = rng.shuffle(cells.map((c) => [c[0], c[1]] as const));
  for (const [e, d] of order) {
    let bestS = FREE;
    let best = scorer.score();
    for (let s = 0; s < scorer.S; s++) {
      if (!scorer.canWork(e, s)) continue;
      const sc = scorer.peekMany([[e, d, s]]);
      if (sc.hard < best.hard || (sc.hard === best.hard && sc.soft < best.soft)) {
        best = sc;
        bestS = s;
      }
    }
    if (bestS !== FREE) scorer.setMany([[e, d, bestS]]);
  }
}

export function pickMove(ctx: MoveContext): Move | null {
  const r = ctx.rng.next();
  if (r < 0.45) return changeMove(ctx);
  if (r < 0.75) return swapMove(ctx);
  if (r < 0.88) return blockMove(ctx);
  if (r < 0.97) return weekendMove(ctx);
  return ruinMove(ctx);
}
