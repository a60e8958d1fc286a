import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateDemo } from '../demo/index.js';
import { parsePlan } from '../core/model/validatePlan.js';
import { generateRota } from './generate.js';
import { withPredictionShifts } from './predictionShifts.js';

const ward = generateDemo({ weeks: 6, start: '2027-02-01' }).units.find((u) => u.kind === 'sykehjem')!.plan;
const weekdays = (from: number, n: number) => Array.from({ length: n }, (_, i) => `2027-02-${String(from + i).padStart(2, '0')}`);
const slots = [...weekdays(1, 5), ...weekdays(8, 5), ...weekdays(15, 5)].map((date) => ({ date, shift: 'D', competence: null, count: 1 }));

test('prediction shifts become a shift type of their own, target lines and raised positions', () => {
  const pp = withPredictionShifts(ward, slots);
  assert.deepEqual(pp.codes, { D: 'PD' });
  const pd = pp.plan.shiftTypes.find((s) => s.code === 'PD')!;
  const d = ward.shiftTypes.find((s) => s.code === 'D')!;
  assert.equal(pd.predictionFor, 'D');
  assert.equal(pd.start, d.start);
  assert.equal(pd.end, d.end);
  const lines = pp.plan.demand.filter((x) => x.shift === 'PD');
  assert.equal(lines.length, 1);
  assert.equal(lines[0].min, 0, 'a prediction shift is a target, never a minimum');
  assert.equal(lines[0].target, 1);
  assert.equal(lines[0].dates!.length, 15);
  assert.equal(pp.shifts, 15);
  assert.ok(pp.hours > 15 * 6 && pp.hours < 15 * 9);
  // Raised only those who asked for more, never beyond what they asked for.
  for (const c of pp.positionChanges) {
    const e = ward.employees.find((x) => x.id === c.employee)!;
    assert.equal(c.from, e.positionPercent);
    assert.ok(c.to > c.from && c.to <= e.desiredPositionPercent!);
  }
  assert.ok(pp.positionChanges.length >= 1);
  assert.ok(pp.unabsorbedHours < 1e-6);
  // The result is a valid plan file.
  const parsed = parsePlan(JSON.parse(JSON.stringify(pp.plan)));
  assert.ok(parsed.ok, parsed.ok ? '' : JSON.stringify(parsed.problems));
  // The input plan is not changed.
  assert.ok(!ward.shiftTypes.some((s) => s.code === 'PD'));
});

test('a plan that names an unknown base shift for a prediction shift is refused', () => {
  const bad = { ...JSON.parse(JSON.stringify(ward)), shiftTypes: [...ward.shiftTypes, { code: 'PX', start: '07:00', end: '15:00', predictionFor: 'X' }] };
  const parsed = parsePlan(bad);
  assert.ok(!parsed.ok);
  assert.ok(parsed.problems.some((p) => p.path.endsWith('.predictionFor')));
});

test('the engine places prediction shifts on own staff within all rules, first on those who want a larger position', () => {
  const pp = withPredictionShifts(ward, slots);
  const res = generateRota(pp.plan, { seconds: 60, seed: 3, maxIterations: 40_000 });
  assert.equal(res.check.hardCount, 0);
  const placed = res.plan.assignments.filter((a) => a.shift === 'PD');
  const wants = new Set(pp.plan.employees.filter((e) => e.desiredPositionPercent !== undefined && e.desiredPositionPercent >= e.positionPercent).map((e) => e.id));
  const toWanting = placed.filter((a) => wants.has(a.employee)).length;
  assert.ok(placed.length >= 8, `placed ${placed.length} of 15`);
  assert.ok(toWanting >= placed.length * 0.75, `${toWanting} of ${placed.length} to those who want a larger position`);
  // PRED-01 names every one that is not.
  assert.equal(res.check.violations.filter((v) => v.rule === 'PRED-01').length, placed.length - toWanting);
  // Prediction shifts do not count towards the base shift's staffing.
  const ds = res.plan.assignments.filter((a) => a.date === '2027-02-01' && a.shift === 'D').length;
  const short = res.check.violations.some((v) => v.rule === 'PRA-11' && v.dates.includes('2027-02-01'));
  assert.ok(ds >= 4 || short);
});
