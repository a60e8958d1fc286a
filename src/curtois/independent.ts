/**
 * Test support: the independent Curtois checker (tools/curtois-check/check.mjs, which shares no
 * code with the engine), loaded once, and a helper that scores a rota of a numbered instance with it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { instancePath, loadInstance, repoRoot } from './files.js';
import { toSolutionJson } from './scorer.js';

export interface IndependentChecker {
  parseInstance(text: string): unknown;
  parseSolution(instance: unknown, json: unknown): unknown;
  evaluate(instance: unknown, assignment: unknown): { objective: number; feasible: boolean; violations: unknown[] };
}

export const checker = (await import(pathToFileURL(join(repoRoot, 'tools', 'curtois-check', 'check.mjs')).href)) as IndependentChecker;

/** The independent checker's verdict on rows (shift indices, -1 = off) for Instance n. */
export function independent(n: number, rows: readonly Int16Array[]) {
  const inst = checker.parseInstance(readFileSync(instancePath(n), 'utf8'));
  return checker.evaluate(inst, checker.parseSolution(inst, toSolutionJson(loadInstance(n), rows)));
}
