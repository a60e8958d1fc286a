/**
 * `npm run bench:replay` – replays a year of a demo unit's (synthetic) absence day by day on its
 * rota, with and without prediction shifts, and reports short-notice substitute shifts,
 * same-competence cover, unused prediction shifts and cost. The absences are the continuation of
 * the process the demo history was drawn from (the truth the forecast never sees); the
 * prediction shifts come from the forecast on the history before the start, the newsvendor rule
 * and the rota engine.
 *
 *   npm run bench:replay -- [--unit solsiden-2] [--weeks 52] [--seconds 60] [--threads 2] [--seed 1]
 *                           [--unused-cost 0.5] [--short-notice-cost 0.75] [--no-write]
 */
import { parseArgs } from 'node:util';
import { generateDemo, futureAbsences } from '../src/demo/index.js';
import { forecastAbsence } from '../src/forecast/unitForecast.js';
import { recommendPredictionShifts } from '../src/forecast/predictionShifts.js';
import { withPredictionShifts } from '../src/engine/predictionShifts.js';
import { generateInWorkers } from '../src/engine/worker/pool.js';
import { replayAbsence, type ReplayResult } from '../src/engine/replay.js';
import { writeSection } from './docs.js';

const { values } = parseArgs({
  options: {
    unit: { type: 'string' },
    weeks: { type: 'string', default: '52' },
    start: { type: 'string', default: '2027-01-04' },
    seconds: { type: 'string', default: '60' },
    threads: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    'unused-cost': { type: 'string', default: '0.5' },
    'short-notice-cost': { type: 'string', default: '0.75' },
    pooling: { type: 'string', default: 'shift' },
    'no-write': { type: 'boolean' },
  },
});

const weeks = Number(values.weeks);
const start = values.start!;
const seconds = Number(values.seconds);
const seed = Number(values.seed);
const ds = generateDemo({ weeks, start });
const unit = values.unit ? ds.units.find((u) => u.id === values.unit) : ds.units.find((u) => u.kind === 'sykehjem');
if (!unit) {
  console.error(`unknown unit ${values.unit}; units: ${ds.units.map((u) => u.id).join(', ')}`);
  process.exit(2);
}
// A year is planned as an annual rota (årsturnus): the engine places each person's vacation
// (5 weeks, 3 in the summer, lengthened to the full working-day entitlement).
const plan = weeks === 52 ? { ...unit.plan, planningForm: 'annual' as const, absences: unit.plan.absences.filter((a) => a.kind !== 'vacation') } : unit.plan;
const days = weeks * 7;
const costs = { unusedCost: Number(values['unused-cost']), shortNoticeCost: Number(values['short-notice-cost']) };

console.log(`Unit ${unit.name} (${unit.id}): ${plan.employees.length} employees, ${plan.start}–${plan.end} (${weeks} weeks, ${plan.planningForm})`);
let t = Date.now();
const spells = ds.absenceHistory.map((a) => ({ employee: a.employee, unit: a.unit, from: a.from, to: a.to, type: a.kind }));
const fc = forecastAbsence(spells, { unit: unit.id, from: start, days, staff: plan.employees.length });
const rec = recommendPredictionShifts({ days: fc.days, demand: plan.demand, employed: plan.employees.length, costs, pooling: values.pooling as 'shift' | 'day' | 'slot', calibrator: fc.calibrator });
const pp = withPredictionShifts(plan, rec.slots);
console.log(`forecast + newsvendor (ratio ${rec.ratio.toFixed(2)}, pooling ${values.pooling}): ${pp.shifts} prediction shifts (${pp.hours.toFixed(0)} h), ${pp.positionChanges.length} positions raised, ${((Date.now() - t) / 1000).toFixed(1)} s`);

const future = futureAbsences({ weeks, start }, days).filter((a) => a.unit === unit.id);
console.log(`replayed absence: ${future.length} spells (${future.filter((a) => a.kind !== 'leave').length} sickness)`);

async function run(name: string, p: typeof plan): Promise<ReplayResult & { name: string; hard: number; genSeconds: number }> {
  t = Date.now();
  const g = await generateInWorkers(p, { seconds, seed, threads: Number(values.threads) });
  const genSeconds = (Date.now() - t) / 1000;
  const lawHard = g.check.violations.filter((v) => v.severity === 'hard' && v.rule !== 'PRA-11').length;
  const r = replayAbsence(g.plan, future, { seed, costs: undefined });
  console.log(`${name}: generated in ${genSeconds.toFixed(1)} s (law/agreement violations ${lawHard}), replayed`);
  return { ...r, name, hard: lawHard, genSeconds };
}

const without = await run('without prediction shifts', plan);
const withP = await run('with prediction shifts', pp.plan);

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const rows: Array<[string, (r: typeof without) => string]> = [
  ['absent shifts to cover', (r) => String(r.absentShifts)],
  ['  of which short notice (first 3 days of a spell)', (r) => String(r.shortNoticeShifts)],
  ['covered by a prediction shift', (r) => String(r.coveredBy.prediction)],
  ['covered by own staff (extra shift)', (r) => `${r.coveredBy.own} (overtime ${r.overtimeShifts})`],
  ['covered by an outside substitute', (r) => String(r.coveredBy.substitute)],
  ['**short-notice substitute shifts**', (r) => `**${r.shortNoticeSubstitutes}**`],
  ['**same-competence cover rate**', (r) => `**${pct(r.sameCompetenceRate)}**`],
  ['prediction shifts planned / used / unused / holder absent', (r) => `${r.predictionPlanned} / ${r.predictionUsed} / ${r.predictionUnused} / ${r.predictionLost}`],
  ['**cost** (shift wages: covers + prediction shifts net of their value)', (r) => `**${r.cost.toFixed(1)}**`],
  ['cost per absent shift', (r) => r.costPerAbsentShift.toFixed(3)],
  ['law/agreement violations in the generated rota', (r) => String(r.hard)],
];
const table = [
  '| | without prediction shifts | with prediction shifts |',
  '| --- | --- | --- |',
  ...rows.map(([label, f]) => `| ${label} | ${f(without)} | ${f(withP)} |`),
].join('\n');
console.log(`\n${table}\n`);

const date = new Date().toISOString().slice(0, 10);
const body = `Command: \`npm run bench:replay -- --weeks ${weeks} --seconds ${seconds} --pooling ${values.pooling} --short-notice-cost ${costs.shortNoticeCost} --unused-cost ${costs.unusedCost}\` (${date}). Unit: ${unit.name} (${plan.employees.length} employees), ${plan.start}–${plan.end}.
Absence: the demo's true process continued past the history (${future.length} spells; the forecast saw only the history before ${start}).
Prediction shifts: forecast (NB model, calibrated) → newsvendor per ${values.pooling === 'shift' ? 'shift and day' : values.pooling === 'day' ? 'pooled day' : 'slot'} at Cu ${costs.shortNoticeCost} / Co ${costs.unusedCost} (ratio ${rec.ratio.toFixed(2)}) → ${pp.shifts} shifts, ${pp.positionChanges.length} part-time positions raised towards the size their holders asked for → the rota engine (${seconds} s per rota).
Cover each morning: prediction shift of the right competence → own staff (rule-safe, competence, hours, fairness; the leader calls up to 3, each says yes at short notice with p = 0.3) → outside substitute (30 % with the needed competence). Costs in shift wages: extra hours 1, overtime 1.5, substitute at short notice 1.75, with notice 1; an unused prediction shift keeps half its value (v = 0.5).

${table}`;
if (!values['no-write']) {
  writeSection(`Replay: ${weeks} weeks of absence with and without prediction shifts (pooling ${values.pooling}, Cu ${costs.shortNoticeCost}, Co ${costs.unusedCost})`, body);
  console.log('written to docs/benchmarks.md');
}
