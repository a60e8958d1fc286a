import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlan } from '../core/model/validatePlan.js';
import { checkPlan } from '../core/eval/checker.js';
import { toEpochDay, weekday } from '../core/time/localDate.js';
import { ANY, computeScenario, ScenarioInputError, staffingPlan } from '../core/heltid/index.js';
import { proveScenario, scenarioPlan, weekendRotation } from './proveScenario.js';

const WD = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const WE = ['sat', 'sun'] as const;

/** A small bofellesskap: weekdays 2 D (one vernepleier) + 2 K, weekends 1 D (vernepleier) + 1 K. */
const small = () =>
  staffingPlan({
    unit: 'Lille bofellesskap',
    shiftTypes: [
      { code: 'D', start: '07:30', end: '15:00' },
      { code: 'K', start: '15:00', end: '22:00' },
    ],
    demand: [
      { shift: 'D', days: [...WD], min: 2 },
      { shift: 'D', min: 1, competence: 'vernepleier' },
      { shift: 'K', days: [...WD], min: 2 },
      { shift: 'D', days: [...WE], min: 1 },
      { shift: 'K', days: [...WE], min: 1 },
    ],
    weeks: 4,
  });

// An iteration budget (with a generous time cap) keeps the proofs deterministic and quick.
const BUDGET = { seconds: 20, seed: 1, maxIterations: 4000 };

test('proof: a rota generated for the every-3rd-weekend scenario meets the staffing plan and keeps the hard rules', () => {
  const plan = small();
  const sc = computeScenario(plan, { weekendEvery: 3 });
  assert.equal(sc.headcount, 7);
  const p = proveScenario(plan, sc, BUDGET);
  assert.equal(p.demandMet, true, p.shortfall.lines.map((l) => l.messageEn).join('; '));
  assert.equal(p.rulesKept, true, p.hardViolations.map((v) => v.messageEn).join('; '));
  assert.equal(p.proven, true);
  assert.equal(p.people.length, 7);
  assert.deepEqual(
    p.people.map((x) => x.positionPercent).sort((a, b) => b - a),
    Object.values(sc.byCompetence).flatMap((g) => g.positions).sort((a, b) => b - a),
  );
  // Every k-th weekend kept: no one above ⌈4 weekends / 3⌉ = 2.
  assert.equal(p.weekends.allowed, 2);
  assert.equal(p.weekends.over, 0);
  // Hours near the positions: within one shift over the 4 weeks for everyone.
  assert.ok(p.hours.maxAbsDeviation <= 7.5, `max deviation ${p.hours.maxAbsDeviation}`);
  // The generated plan checks clean with the same checker a leader uses.
  assert.equal(checkPlan(p.plan).hardCount, 0);
  assert.match(p.summary.nb, /bemanningsplanen oppfylt, 0 harde brudd/);
});

test('proof with 12.5 h weekend long shifts: the long shift type is added and staffed', () => {
  const plan = small();
  const sc = computeScenario(plan, { weekendEvery: 3, longShiftHours: 12.5 });
  const p = proveScenario(plan, sc, BUDGET);
  assert.equal(p.proven, true, `${p.summary.en} ${p.hardViolations.map((v) => v.messageEn).join('; ')}`);
  const lv = p.plan.assignments.filter((a) => a.shift === 'LV');
  // 1 long shift per weekend day (the vernepleier lane covers the K lane too): 8 weekend days.
  assert.equal(lv.length, 8);
  assert.ok(lv.every((a) => weekday(a.date) >= 5));
  assert.ok(!p.plan.assignments.some((a) => weekday(a.date) >= 5 && (a.shift === 'D' || a.shift === 'K')));
});

test('the scenario plan: synthetic staff, converted staffing plan, weekend frequency k, a valid plan file', () => {
  const plan = small();
  const sc = computeScenario(plan, { weekendEvery: 2, longShiftHours: 13 });
  const { plan: sp, notes } = scenarioPlan(plan, sc);
  assert.equal(sp.employees.length, sc.headcount);
  assert.equal(sp.rules.weekend.frequency, 2);
  assert.equal(sp.rules.weekend.severity, 'hard');
  assert.equal(sp.rules.hours.weeklyNorm, 35.5);
  const lv = sp.shiftTypes.find((s) => s.code === 'LV')!;
  assert.deepEqual([lv.start, lv.end, lv.category], ['08:00', '21:00', 'long']);
  // 13 h is above the 12.5 h local limit: the proof assumes a central agreement and says so.
  assert.equal(sp.rules.averaging.tier, 'central');
  assert.ok(notes.some((n) => n.code === 'assumedCentral'));
  const weekendLines = sp.demand.filter((d) => d.dates!.some((x) => weekday(x) >= 5));
  assert.ok(weekendLines.every((d) => d.shift === 'LV'));
  const nurseLv = sp.demand.find((d) => d.shift === 'LV' && d.competence === 'vernepleier');
  assert.equal(nurseLv?.min, 1);
  assert.equal(nurseLv?.dates?.length, 8);
  assert.ok(sp.employees.filter((e) => e.competence === 'vernepleier').length === sc.byCompetence.vernepleier.headcount);
  assert.ok(sp.employees.filter((e) => e.competence === undefined).length === sc.byCompetence[ANY].headcount);
  const parsed = parsePlan(JSON.parse(JSON.stringify(sp)));
  assert.equal(parsed.ok, true, parsed.ok ? '' : JSON.stringify(parsed.problems));
});

test('the weekend rotation deals each group into k teams: nobody above ⌈weekends / k⌉, never two weekends in a row', () => {
  const plan = staffingPlan({
    shiftTypes: [
      { code: 'D', start: '07:30', end: '15:00' },
      { code: 'K', start: '15:00', end: '22:00' },
    ],
    demand: [
      { shift: 'D', min: 4 },
      { shift: 'K', min: 4 },
    ],
    weeks: 6,
  });
  const sc = computeScenario(plan, { weekendEvery: 3 });
  const { plan: sp } = scenarioPlan(plan, sc, { seedWeekends: false });
  const rota = weekendRotation(sp, sc);
  const sats = new Map<string, Set<number>>();
  for (const a of rota) {
    const d = toEpochDay(a.date);
    const sat = weekday(a.date) === 5 ? d : d - 1;
    sats.set(a.employee, (sats.get(a.employee) ?? new Set()).add(sat));
  }
  for (const [, s] of sats) {
    assert.ok(s.size <= 2);
    const list = [...s].sort((a, b) => a - b);
    for (let i = 1; i < list.length; i++) assert.ok(list[i] - list[i - 1] >= 14);
  }
  // Every weekend day fully covered: 4 D + 4 K on 12 weekend days.
  assert.equal(rota.length, 12 * 8);
});

test('a pooled scenario is proven unit by unit', () => {
  const sc = computeScenario(small(), { weekendEvery: 3, pool: small() });
  assert.throws(() => proveScenario(small(), sc, BUDGET), (e: unknown) => e instanceof ScenarioInputError && e.problems[0].code === 'provePool');
});
