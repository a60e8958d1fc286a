/**
 * `npm run bench:heltid` – the full-time culture benchmark (issue #6): a year of the demo nursing
 * home ward's absence (the demo's true absence process continued past the history) replayed day by
 * day on two rotas of the same ward:
 *
 *   (a) baseline – the staffing as is: today's people and position sizes, a rolling rota, normal
 *       day + evening shifts at weekends (the ward's weekend long shifts split into D + K), no
 *       prediction shifts; absence covered by own staff or substitutes at short notice; vacation
 *       is not in the rota (the demo's vacation weeks are absences to be filled from outside).
 *   (b) Bemanna's plan – the heltid scenario (RULES § 8) with long weekend shifts sizes the
 *       positions (every k-th weekend, annual rota, 5 vacation weeks planned in with own staff):
 *       the weekend D/K demand becomes long shifts `L` (one per person on duty at the same time),
 *       the scenario's headcount per competence is taken from today's people who want the
 *       largest positions and their positions are set to the scenario's sizes; prediction shifts
 *       from the forecast on the history before the start (newsvendor) are added.
 *
 * Both rotas are made by the rota engine (worker threads), then `replayAbsence` covers each
 * absent shift each morning.
 *
 *   npm run bench:heltid -- [--seconds 60] [--weeks 52] [--weekend-every 3] [--long-shift-hours 12.5]
 *                           [--threads 2] [--seed 1] [--no-write]
 */
import { parseArgs } from 'node:util';
import { generateDemo, futureAbsences } from '../src/demo/index.js';
import type { Plan, Demand } from '../src/core/model/plan.js';
import { computeScenario, ANY, type ScenarioResult } from '../src/core/heltid/index.js';
import { buildContext } from '../src/core/eval/context.js';
import { forecastAbsence } from '../src/forecast/unitForecast.js';
import { recommendPredictionShifts } from '../src/forecast/predictionShifts.js';
import { withPredictionShifts } from '../src/engine/predictionShifts.js';
import { generateInWorkers } from '../src/engine/worker/pool.js';
import { replayAbsence, type ReplayResult, type ReplaySpell } from '../src/engine/replay.js';
import { writeSection } from './docs.js';

const { values } = parseArgs({
  options: {
    weeks: { type: 'string', default: '52' },
    start: { type: 'string', default: '2027-01-04' },
    seconds: { type: 'string', default: '60' },
    threads: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    'weekend-every': { type: 'string', default: '3' },
    'long-shift-hours': { type: 'string', default: '12.5' },
    'unused-cost': { type: 'string', default: '0.5' },
    'short-notice-cost': { type: 'string', default: '0.75' },
    'no-write': { type: 'boolean' },
  },
});

const weeks = Number(values.weeks);
const start = values.start!;
const seconds = Number(values.seconds);
const seed = Number(values.seed);
const threads = Number(values.threads);
const k = Number(values['weekend-every']);
const longHours = Number(values['long-shift-hours']);
const days = weeks * 7;
const costs = { unusedCost: Number(values['unused-cost']), shortNoticeCost: Number(values['short-notice-cost']) };

const ds = generateDemo({ weeks, start });
const unit = ds.units.find((u) => u.kind === 'sykehjem');
if (!unit) throw new Error('the demo has no nursing-home unit');
const base = unit.plan;
const WEEKEND = new Set(['sat', 'sun']);
const isWeekendLine = (l: Demand) => (l.days ? l.days.every((d) => WEEKEND.has(d)) : false) || (l.dates !== undefined && l.dates.length > 0);
const keyOf = (l: Demand) => `${l.days ? l.days.join(',') : (l.dates ?? []).join(',')}|${l.competence ?? ''}`;

// ---------- (a) baseline: weekend long shifts split into a day and an evening shift ----------
function baselinePlan(p: Plan): Plan {
  const demand: Demand[] = [];
  for (const l of p.demand) {
    if (l.shift !== 'L') demand.push(l);
    else demand.push({ ...l, shift: 'D' }, { ...l, shift: 'K' });
  }
  // Merge lines of the same shift, days and competence (D from L + the existing weekend D).
  const merged = new Map<string, Demand>();
  for (const l of demand) {
    const key = `${l.shift}|${keyOf(l)}`;
    const m = merged.get(key);
    if (m) merged.set(key, { ...m, min: m.min + l.min, target: (m.target ?? m.min) + (l.target ?? l.min) });
    else merged.set(key, { ...l });
  }
  return { ...p, planningForm: 'rolling', shiftTypes: p.shiftTypes.filter((s) => s.code !== 'L'), demand: [...merged.values()] };
}

// ---------- (b) long weekend shifts: D + K at weekends → long shifts, one per person on duty at the same time ----------
function longShiftDemand(p: Plan): Demand[] {
  const out: Demand[] = [];
  const weekendGroups = new Map<string, Demand[]>();
  for (const l of p.demand) {
    if (!isWeekendLine(l) || l.shift === 'N') out.push(l);
    else weekendGroups.set(keyOf(l), [...(weekendGroups.get(keyOf(l)) ?? []), l]);
  }
  for (const lines of weekendGroups.values()) {
    const sum = (code: string, f: (l: Demand) => number) => lines.filter((l) => l.shift === code).reduce((s, l) => s + f(l), 0);
    const min = sum('L', (l) => l.min) + Math.max(sum('D', (l) => l.min), sum('K', (l) => l.min));
    const target = sum('L', (l) => l.target ?? l.min) + Math.max(sum('D', (l) => l.target ?? l.min), sum('K', (l) => l.target ?? l.min));
    const { shift: _s, min: _m, target: _t, ...rest } = lines[0];
    out.push({ ...rest, shift: 'L', min, target: Math.max(min, target) });
  }
  return out;
}

const groupOf = (e: Plan['employees'][number], groups: Record<string, unknown>) => {
  const c = e.competence ?? e.competences?.[0];
  return c && c in groups ? c : ANY;
};

/**
 * The scenario's people: per competence group, today's people who want the largest positions get
 * the scenario's sizes (desired 100 %); then, for the prediction shifts' hours, more of today's
 * people (largest wishes first, at today's positions, desired size kept) until the positions
 * carry the scenario's hours plus the prediction shifts'. The rest are not in the plan.
 */
function bemannaPlan(p: Plan, sc: ScenarioResult, predictionHoursPerWeek: number): { plan: Plan; left: string[]; extra: string[] } {
  const employees: Plan['employees'] = [];
  const rest: Plan['employees'] = [];
  const want = (e: Plan['employees'][number]) => Math.max(e.desiredPositionPercent ?? 0, e.positionPercent);
  for (const g of Object.values(sc.byCompetence)) {
    const people = p.employees
      .filter((e) => groupOf(e, sc.byCompetence) === g.group)
      .sort((a, b) => want(b) - want(a) || b.positionPercent - a.positionPercent || a.id.localeCompare(b.id));
    const sizes = [...g.positions].sort((a, b) => b - a);
    people.forEach((e, i) => {
      if (i < sizes.length) employees.push({ ...e, positionPercent: Math.max(0.01, Math.min(100, sizes[i])), desiredPositionPercent: 100, canWorkLongShifts: true });
      else rest.push(e);
    });
  }
  // Room for the prediction shifts: what the kept people can still grow into, then more people.
  let room = employees.reduce((s, e) => s + ((100 - e.positionPercent) / 100) * sc.weeklyNorm, 0);
  const extra: string[] = [];
  rest.sort((a, b) => want(b) - want(a) || a.id.localeCompare(b.id));
  const left: string[] = [];
  for (const e of rest) {
    if (room + 1e-9 < predictionHoursPerWeek) {
      employees.push({ ...e, desiredPositionPercent: Math.max(want(e), e.positionPercent), canWorkLongShifts: true });
      room += (want(e) / 100) * sc.weeklyNorm;
      extra.push(e.id);
    } else left.push(e.id);
  }
  const plan: Plan = {
    ...p,
    planningForm: 'annual',
    employees,
    demand: longShiftDemand(p),
    absences: p.absences.filter((a) => a.kind !== 'vacation' && employees.some((e) => e.id === a.employee)),
    rules: { ...p.rules, weekend: { ...p.rules.weekend, frequency: k } },
  };
  return { plan, left, extra };
}

const planA = baselinePlan(base);
const scenario = computeScenario(base, { weekendEvery: k, longShiftHours: longHours, planningForm: 'annual' });
console.log(`Unit ${unit.name} (${unit.id}): today ${base.employees.length} people; scenario «${scenario.name.nb}»: ${scenario.headcount} people, average ${scenario.averagePositionPercent.toFixed(1)} %${scenario.staffable ? '' : ' (NOT staffable: ' + scenario.reasons.map((r) => r.nb).join('; ') + ')'}`);

let t = Date.now();
const history = ds.absenceHistory.map((a) => ({ employee: a.employee, unit: a.unit, from: a.from, to: a.to, type: a.kind }));
const scenarioOnly = bemannaPlan(base, scenario, 0).plan;
const fc = forecastAbsence(history, { unit: unit.id, from: start, days, staff: scenario.headcount });
const rec = recommendPredictionShifts({ days: fc.days, demand: scenarioOnly.demand, employed: scenario.headcount, costs, pooling: 'shift', calibrator: fc.calibrator });
const predHoursPerWeek = (withPredictionShifts(scenarioOnly, rec.slots).hours / days) * 7;
const { plan: planB0, left, extra } = bemannaPlan(base, scenario, predHoursPerWeek);
const pp = withPredictionShifts(planB0, rec.slots);
const planB = pp.plan;
console.log(`forecast + newsvendor: ${pp.shifts} prediction shifts (${pp.hours.toFixed(0)} h, ${predHoursPerWeek.toFixed(1)} h/week), ${extra.length} more people for them, ${pp.positionChanges.length} positions raised, unabsorbed ${pp.unabsorbedHours.toFixed(0)} h, ${((Date.now() - t) / 1000).toFixed(1)} s`);

const future: ReplaySpell[] = futureAbsences({ weeks, start }, days)
  .filter((a) => a.unit === unit.id)
  .map((a) => ({ employee: a.employee, from: a.from, to: a.to, kind: a.kind }));
console.log(`replayed absence: ${future.length} spells on the unit`);

interface Row extends ReplayResult {
  name: string;
  people: number;
  avgPosition: number;
  fte: number;
  fullTime: number;
  weekendHoursPerPerson: number;
  shortNoticeSubHours: number;
  shortfallShifts: number;
  lawHard: number;
  absentHours: number;
}

async function run(name: string, p: Plan): Promise<Row> {
  t = Date.now();
  const g = await generateInWorkers(p, { seconds, seed, threads });
  const lawHard = g.check.violations.filter((v) => v.severity === 'hard' && v.rule !== 'PRA-11').length;
  const ids = new Set(g.plan.employees.map((e) => e.id));
  const spells = future.filter((s) => ids.has(s.employee));
  const r = replayAbsence(g.plan, spells, { seed });
  // Hours: weekend hours (Sat 00:00–Mon 00:00) of every worked shift; the hours of the absent shifts at short notice.
  const ctx = buildContext(g.plan);
  const code = new Map(ctx.shiftTypes.map((s, i) => [s.code, i]));
  const dayIdx = new Map(ctx.days.map((d, i) => [d.date, i]));
  let weekendMin = 0;
  const byCell = new Map<string, number>();
  for (const a of g.plan.assignments) {
    const d = dayIdx.get(a.date);
    const s = code.get(a.shift);
    if (d === undefined || s === undefined) continue;
    const inst = ctx.instance(d, s);
    weekendMin += Math.min(inst.weekendMin, inst.workMin);
    if (ctx.shiftTypes[s].predictionFor < 0) byCell.set(`${a.employee}|${a.date}`, inst.workMin / 60);
  }
  let shortH = 0;
  let shortN = 0;
  let absentHours = 0;
  const seen = new Set<string>();
  for (const sp of spells)
    for (const d of ctx.days) {
      if (d.date < sp.from || d.date > sp.to) continue;
      const key = `${sp.employee}|${d.date}`;
      const h = byCell.get(key);
      if (h === undefined || seen.has(key)) continue;
      seen.add(key);
      absentHours += h;
      if (sp.kind !== 'leave' && (Date.parse(d.date) - Date.parse(sp.from)) / 864e5 < 3) {
        shortH += h;
        shortN++;
      }
    }
  const positions = g.plan.employees.map((e) => e.positionPercent);
  const people = positions.length;
  const row: Row = {
    ...r,
    name,
    people,
    avgPosition: positions.reduce((a, b) => a + b, 0) / people,
    fte: positions.reduce((a, b) => a + b, 0) / 100,
    fullTime: positions.filter((x) => x >= 100 - 1e-9).length / people,
    weekendHoursPerPerson: ((weekendMin / 60) * (52 / weeks)) / people,
    // Substitutes at short notice × the mean hours of the shifts vacated at short notice.
    shortNoticeSubHours: shortN ? (r.shortNoticeSubstitutes * shortH) / shortN : 0,
    shortfallShifts: g.shortfall.lines.reduce((s, l) => s + l.missingShifts, 0),
    lawHard,
    absentHours,
  };
  console.log(`${name}: generated in ${((Date.now() - t) / 1000).toFixed(1)} s (law/agreement violations ${lawHard}), replayed`);
  return row;
}

const a = await run('(a) baseline', planA);
const b = await run('(b) Bemanna', planB);

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const better = (x: number, y: number, lowerIsBetter: boolean) => (Math.abs(x - y) < 1e-9 ? ' (same)' : (lowerIsBetter ? y < x : y > x) ? ' (better)' : ' (**worse**)');
const rows: Array<[string, (r: Row) => string, ((x: Row, y: Row) => string)?]> = [
  ['people (headcount)', (r) => String(r.people), (x, y) => better(x.people, y.people, true)],
  ['full-time equivalents (positions)', (r) => r.fte.toFixed(1)],
  ['**average position size**', (r) => `**${r.avgPosition.toFixed(1)} %**`, (x, y) => better(x.avgPosition, y.avgPosition, false)],
  ['share in 100 % positions', (r) => pct(r.fullTime), (x, y) => better(x.fullTime, y.fullTime, false)],
  ['**weekend hours per person per year**', (r) => `**${r.weekendHoursPerPerson.toFixed(0)} h**`, (x, y) => better(x.weekendHoursPerPerson, y.weekendHoursPerPerson, true)],
  ['shifts below the staffing-plan minimum in the rota', (r) => String(r.shortfallShifts), (x, y) => better(x.shortfallShifts, y.shortfallShifts, true)],
  ['law/agreement violations in the rota', (r) => String(r.lawHard)],
  ['absent shifts to cover (hours)', (r) => `${r.absentShifts} (${r.absentHours.toFixed(0)} h)`],
  ['covered by prediction shift / own staff / substitute', (r) => `${r.coveredBy.prediction} / ${r.coveredBy.own} / ${r.coveredBy.substitute}`],
  ['**same-competence cover rate**', (r) => `**${pct(r.sameCompetenceRate)}**`, (x, y) => better(x.sameCompetenceRate, y.sameCompetenceRate, false)],
  ['**short-notice substitute shifts**', (r) => `**${r.shortNoticeSubstitutes}**`, (x, y) => better(x.shortNoticeSubstitutes, y.shortNoticeSubstitutes, true)],
  ['**short-notice substitute hours** (≈ shifts × mean hours of shifts vacated at short notice)', (r) => `**${r.shortNoticeSubHours.toFixed(0)} h**`, (x, y) => better(x.shortNoticeSubHours, y.shortNoticeSubHours, true)],
  ['prediction shifts planned / used / unused', (r) => `${r.predictionPlanned} / ${r.predictionUsed} / ${r.predictionUnused}`],
  ['**cost of absence** (shift wages: covers + prediction shifts net of their value)', (r) => `**${r.cost.toFixed(1)}**`, (x, y) => better(x.cost, y.cost, true)],
  ['cost per absent shift', (r) => r.costPerAbsentShift.toFixed(3), (x, y) => better(x.costPerAbsentShift, y.costPerAbsentShift, true)],
];
const table = [
  '| | (a) baseline: rolling rota, D + K at weekends, today\'s positions | (b) Bemanna: long weekend shifts, scenario positions, annual rota, prediction shifts |',
  '| --- | --- | --- |',
  ...rows.map(([label, f, cmp]) => `| ${label} | ${f(a)} | ${f(b)}${cmp ? cmp(a, b) : ''} |`),
].join('\n');
console.log(`\n${table}\n`);

const date = new Date().toISOString().slice(0, 10);
const body = `Command: \`npm run bench:heltid -- --weeks ${weeks} --seconds ${seconds} --weekend-every ${k} --long-shift-hours ${longHours}\` (${date}). Unit: ${unit.name}, ${base.start}–${base.end} (${weeks} weeks), rota engine ${seconds} s per rota on ${threads} threads.

- **(a) baseline**: today's ${base.employees.length} people and positions, rolling rota, the ward's weekend long shifts split into a day and an evening shift (normal D/K weekends), weekend frequency ${base.rules.weekend.frequency}, no prediction shifts; the demo's vacation weeks are absences in the rota (filled from outside with notice — counted in "shifts below the minimum", not in the replay).
- **(b) Bemanna**: scenario «${scenario.name.nb}» (RULES § 8): ${scenario.headcount} people (${Object.values(scenario.byCompetence).map((g) => `${g.group === ANY ? 'any competence' : g.group} ${g.headcount}`).join(', ')}), average ${scenario.averagePositionPercent.toFixed(1)} %; weekend D/K demand as long shifts L (one per person on duty at the same time); the ${scenario.headcount} of today's people who want the largest positions get the scenario's positions, ${extra.length} more of today's people (largest wishes first) carry the prediction shifts with them (${left.length} others are not in the plan — natural turnover, or other units; their absence is not replayed); annual rota with 5 vacation weeks placed by the engine; ${pp.shifts} prediction shifts (${pp.hours.toFixed(0)} h; ${pp.positionChanges.length} positions raised towards the size asked for) from the forecast on the history before ${start} (newsvendor per shift and day, Cu ${costs.shortNoticeCost} / Co ${costs.unusedCost}).
- Absence: the demo's true process continued past the history (${future.length} spells on the unit), replayed day by day with \`replayAbsence\` (the leader calls up to 3 colleagues, each says yes with p = 0.3; substitutes have the needed competence 30 % of the time). Cost in shift wages as in the replay bench (one shift is one wage whatever its length, so (b)'s covered long weekend shifts are if anything undercounted). "(better)"/"(**worse**)" compare (b) with (a).

${table}`;
if (!values['no-write']) {
  writeSection(`Heltid: ${weeks} weeks, baseline vs long weekend shifts + scenario positions + prediction shifts`, body);
  console.log('written to docs/benchmarks.md');
}
