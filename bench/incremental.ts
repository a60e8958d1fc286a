/**
 * `npm run bench:incremental` – how fast the rule catalogue evaluates a change of one
 * assignment, for a 25-person, 6-week nursing-home rota: incremental `set`, `peek`
 * (evaluate and undo, what a search move costs) and a full recompute for comparison.
 */
import { PlanSchema } from '../src/core/model/plan.js';
import { buildContext } from '../src/core/eval/context.js';
import { ScoreDirector } from '../src/core/eval/score.js';
import { FREE } from '../src/core/eval/line.js';

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = mulberry32(42);
const comps = ['sykepleier', 'helsefagarbeider', 'helsefagarbeider', 'assistent'];
const positions = [100, 80, 75, 60, 50, 40, 20, 15];
const employees = Array.from({ length: 25 }, (_, i) => ({
  id: `e${i + 1}`,
  name: `Ansatt ${i + 1}`,
  competence: comps[i % comps.length],
  positionPercent: positions[i % positions.length],
}));
const plan = PlanSchema.parse({
  unit: 'Benk sykehjem',
  start: '2027-01-04',
  end: '2027-02-14',
  shiftTypes: [
    { code: 'D', start: '07:00', end: '15:00' },
    { code: 'K', start: '14:30', end: '22:30' },
    { code: 'N', start: '22:00', end: '07:30' },
    { code: 'L', start: '08:00', end: '20:30' },
  ],
  employees,
  demand: [
    { shift: 'D', days: ['mon', 'tue', 'wed', 'thu', 'fri'], min: 5, target: 6 },
    { shift: 'D', days: ['mon', 'tue', 'wed', 'thu', 'fri'], min: 1, competence: 'sykepleier' },
    { shift: 'K', min: 4 },
    { shift: 'K', min: 1, competence: 'sykepleier' },
    { shift: 'N', min: 2 },
    { shift: 'L', days: ['sat', 'sun'], min: 4 },
  ],
});
const ctx = buildContext(plan);
const S = ctx.shiftTypes.length;
const rows = ctx.employees.map((e) => {
  const row = new Int16Array(ctx.D).fill(FREE);
  for (let d = 0; d < ctx.D; d++) if (rnd() < e.p * 0.6) row[d] = Math.floor(rnd() * S);
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

console.log(`Incremental evaluation – 25 employees × ${ctx.D} days, ${S} shift types, rule catalogue of ${sd.rawViolations().length >= 0 ? 'all active' : ''} rules`);
console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
console.log('');
console.log('| operation | n | ms | per second |');
console.log('|---|---:|---:|---:|');
for (const r of results) console.log(`| ${r.name} | ${r.n} | ${r.ms.toFixed(0)} | ${r.perSec.toLocaleString('en-US')} |`);
const speedup = results[1].perSec / results[2].perSec;
console.log('');
console.log(`peek vs full recompute: ${speedup.toFixed(1)}× faster`);
