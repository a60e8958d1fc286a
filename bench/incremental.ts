/**
 * `npm run bench:incremental` – how fast the rule catalogue evaluates a change of one
 * assignment, for a 25-person, 6-week nursing-home rota: incremental `set`, `peek`
 * (evaluate and undo, what a search move costs) and a full recompute for comparison.
 */
import { PlanSchema } from '../src/core/model/plan.js';
import { buildContext } from '../src/core/eval/context.js';
import { ScoreDirector } from '../src/core/eval/score.js';
import { FREE } from '../src/core/eval/line.js';
import { generateDemo } from '../src/demo/index.js';
import { writeSection } from './docs.js';
import { Rng } from '../src/engine/random.js';

const rng = new Rng(42);
const rnd = () => rng.next();
// The demo nursing-home ward: 26 employees, 6 weeks, its staffing plan, vacations and wishes.
const ward = generateDemo({ weeks: 6 }).units.find((u) => u.kind === 'sykehjem')!;
const plan = PlanSchema.parse(ward.plan);
const ctx = buildContext(plan);
const S = ctx.shiftTypes.length;
const rows = ctx.employees.map((e) => {
  const row = new Int16Array(ctx.D).fill(FREE);
  for (let d = 0; d < ctx.D; d++) if (ctx.absence[e.idx][d] === 0 && rnd() < e.p * 0.6) row[d] = Math.floor(rnd() * S);
  return row;
});
const sd = new ScoreDirector(ctx, rows);

function bench(name: string, n: number, fn: () => void) {
  for (let i = 0; i < Math.min(200, n); i++) fn(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn();
  const ms = performance.now() - t0;
  return { name, n, ms, perSec: Math.round((n / ms) * 1000) };
}

const randMove = () => [Math.floor(rnd() * 25), Math.floor(rnd() * ctx.D), Math.floor(rnd() * (S + 1)) - 1] as const;
const results = [
  bench('set (incremental, committed change)', 20000, () => {
    const [e, d, s] = randMove();
    sd.set(e, d, s);
  }),
  bench('peek (evaluate a change and undo)', 20000, () => {
    const [e, d, s] = randMove();
    sd.peek(e, d, s);
  }),
  bench('full recompute of the whole rota', 200, () => {
    sd.scoreFromScratch();
  }),
];
sd.assertConsistent();

const lines = [
  `Unit: ${plan.unit}, ${ctx.employees.length} employees × ${ctx.D} days, ${S} shift types, random rota of ${rows.reduce((n, r) => n + r.filter((x) => x !== FREE).length, 0)} shifts; the whole rule catalogue.`,
  '',
  '| operation | n | ms | per second |',
  '|---|---:|---:|---:|',
  ...results.map((r) => `| ${r.name} | ${r.n} | ${r.ms.toFixed(0)} | ${r.perSec.toLocaleString('en-US')} |`),
  '',
  `peek vs full recompute: ${(results[1].perSec / results[2].perSec).toFixed(1)}× faster`,
];
console.log(lines.join('\n'));
if (!process.argv.includes('--no-write'))
  writeSection('Incremental rule evaluation', `Command: \`npm run bench:incremental\` — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}.\n\n${lines.join('\n')}\n`);
