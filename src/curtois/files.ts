/**
 * Where the Curtois & Qu instance files live and how to read them. The shared folder is
 * `$BEMANNA_SHARED`, or `../shared` beside the repository root when the variable is unset.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCurtois, type CurtoisInstance } from './parse.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function sharedDir(): string {
  const env = process.env.BEMANNA_SHARED;
  return env && env !== '' ? resolve(env) : resolve(repoRoot, '..', 'shared');
}

export function curtoisDir(): string {
  return join(sharedDir(), 'benchmarks', 'curtois-qu');
}

/** Path of InstanceN.txt (N = 1..24). */
export function instancePath(n: number): string {
  return join(curtoisDir(), `Instance${n}.txt`);
}

export function loadInstance(n: number): CurtoisInstance {
  const p = instancePath(n);
  let text: string;
  try {
    text = readFileSync(p, 'utf8');
  } catch (err) {
    throw new Error(`cannot read ${p} (set BEMANNA_SHARED to the shared folder): ${(err as Error).message}`);
  }
  try {
    return parseCurtois(text);
  } catch (err) {
    throw new Error(`${p}: ${(err as Error).message}`);
  }
}

export interface BestKnown {
  instance: string;
  bestKnownUpper: number;
  lowerBound: number;
  status: string;
}

/** best-known.csv, keyed by instance name ("Instance1"). */
export function loadBestKnown(): Map<string, BestKnown> {
  const text = readFileSync(join(curtoisDir(), 'best-known.csv'), 'utf8');
  const out = new Map<string, BestKnown>();
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (line.trim() === '') continue;
    const [instance, upper, lower, ...status] = line.split(',');
    out.set(instance, { instance, bestKnownUpper: Number(upper), lowerBound: Number(lower), status: status.join(',') });
  }
  return out;
}
