/**
 * Speed of CurtoisScorer: `node --import tsx src/curtois/bench.ts [instance numbers...]`
 * (default 10 and 24). Single-cell moves on a random roster (60 % of cells worked), drawn in
 * advance so that only the scorer is timed.
 */
import { FREE, type Change } from '../engine/types.js';
import { loadInstance } from './files.js';
import { CurtoisScorer } from './scorer.js';
import { mulberry32, randomRows } from './testing.js';

function bench(name: string, n: number, fn: (i: number) => void) {
  for (let i = 0; i < Math.min(n, 20000); i++) fn(i); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn(i);
  const ms = performance.now() - t0;
  console.log(`  ${name.padEnd(44)} ${String(Math.round((n / ms) * 1000)).padStart(10)} /s   (${n} in ${ms.toFixed(0)} ms)`);
}

const which = process.argv.slice(2).map(Number);
for (const n of which.length ? which : [10, 24]) {
  const inst = loadInstance(n);
  const rnd = mulberry32(n);
  const sc = new CurtoisScorer(inst, randomRows(inst, rnd, 0.6));
  const M = 1 << 16;
  const moves: Change[] = Array.from({ length: M }, () => [Math.floor(rnd() * sc.E), Math.floor(rnd() * sc.D), Math.floor(rnd() * (sc.S + 1)) - 1] as const);
  const pairs: Change[][] = Array.from({ length: M }, () => {
    const d = Math.floor(rnd() * sc.D);
    return [
      [Math.floor(rnd() * sc.E), d, Math.floor(rnd() * (sc.S + 1)) - 1],
      [Math.floor(rnd() * sc.E), d, FREE],
    ];
  });
  const singles: Change[][] = moves.map((m) => [m]);
  let sink = 0;
  console.log(`Instance${n}: ${sc.E} staff x ${sc.D} days x ${sc.S} shift types`);
  bench('peekMany([one cell])', 2_000_000, (i) => (sink += sc.peekMany(singles[i & (M - 1)]).soft));
  bench('peek(e, d, s)', 2_000_000, (i) => {
    const m = moves[i & (M - 1)];
    sink += sc.peek(m[0], m[1], m[2]).soft;
  });
  bench('peekMany([two cells, same day]) (swap-like)', 1_000_000, (i) => (sink += sc.peekMany(pairs[i & (M - 1)]).soft));
  bench('setMany([one cell])', 1_000_000, (i) => sc.setMany(singles[i & (M - 1)]));
  bench('scoreFromScratch()', n === 24 ? 20 : 500, () => (sink += sc.scoreFromScratch().soft));
  sc.assertConsistent();
  if (sink === 0.5) console.log(sink);
}
