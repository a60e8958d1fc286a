import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { parsePlan } from '../core/model/validatePlan.js';
import { ageOn, addDays, toEpochDay, weekday, WEEKDAY_KEYS } from '../core/time/localDate.js';
import { absenceRates, absenceTruth, generateDemo, resolveOptions, trueAbsenceRate, unitFigures, type DemoDataset } from './index.js';

const t0 = performance.now();
const ds = generateDemo();
const elapsedMs = performance.now() - t0;
const opts = resolveOptions();
const ward = ds.units.find((u) => u.kind === 'sykehjem')!;

test('generation is fast', () => {
  // The first call includes the lazy set-up of the holiday library.
  assert.ok(elapsedMs < 2000, `first call took ${elapsedMs.toFixed(0)} ms`);
  const t = performance.now();
  generateDemo({ seed: 99 });
  const warm = performance.now() - t;
  assert.ok(warm < 1000, `warm call took ${warm.toFixed(0)} ms`);
});

test('same seed gives byte-identical JSON, another seed a different dataset', () => {
  const a = JSON.stringify(ds);
  assert.equal(JSON.stringify(generateDemo()), a);
  assert.equal(JSON.stringify(generateDemo({ seed: 2027, start: '2027-01-04', weeks: 6, historyYears: 3 })), a);
  const b = JSON.stringify(generateDemo({ seed: 7 }));
  assert.notEqual(b, a);
  assert.equal(JSON.stringify(generateDemo({ seed: 7 })), b);
});

test('the generator uses no ambient randomness or clock', () => {
  const dir = dirname(fileURLToPath(import.meta.url));
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts') && !x.endsWith('.test.ts'))) {
    const src = readFileSync(join(dir, f), 'utf8');
    assert.ok(!/Math\.random|Date\.now|new Date\(\)/.test(src), `${f} uses Math.random, Date.now or new Date()`);
  }
});

test('organisation and units', () => {
  assert.match(ds.organisation.name, /kommune$/);
  assert.ok(ds.units.length >= 3);
  const kinds = ds.units.map((u) => u.kind);
  for (const k of ['sykehjem', 'hjemmetjeneste', 'bofellesskap'] as const) assert.ok(kinds.includes(k), k);
  assert.equal(ward.name, 'Solsiden sykehjem 2. etg');
  assert.equal(ward.beds, 24);
  assert.equal(new Set(ds.units.map((u) => u.id)).size, ds.units.length);
  const ids = ds.units.flatMap((u) => u.plan.employees.map((e) => e.id));
  assert.equal(new Set(ids).size, ids.length, 'employee ids are unique across units');
  const names = ds.units.flatMap((u) => u.plan.employees.map((e) => e.name));
  assert.equal(new Set(names).size, names.length, 'names are unique');
});

function assertPlansValid(d: DemoDataset, start: string, weeks: number) {
  for (const u of d.units) {
    const r = parsePlan(JSON.parse(JSON.stringify(u.plan)));
    assert.ok(r.ok, `${u.id}: ${r.ok ? '' : JSON.stringify(r.problems.slice(0, 5))}`);
    assert.equal(u.plan.planningForm, 'calendar');
    assert.equal(u.plan.start, start);
    assert.equal(u.plan.end, addDays(start, weeks * 7 - 1));
    assert.deepEqual(u.plan.assignments, []);
    assert.equal(u.staffProfiles?.length, u.plan.employees.length);
    for (const e of u.plan.employees) {
      assert.equal(e.homeUnit, u.id);
      assert.ok(e.competences && e.competences.length >= 1);
      assert.ok(e.birthDate);
      const age = ageOn(e.birthDate, start);
      assert.ok(age >= 17 && age <= 66, `${e.id} is ${age}`);
      if (ageOn(e.birthDate, u.plan.end) < 18) assert.equal(e.canWorkNights, false, `${e.id} is under 18 and must not work nights`);
      if (e.desiredPositionPercent !== undefined) assert.ok(e.desiredPositionPercent > e.positionPercent);
    }
    // No two absences of one person overlap; no wish on an absent day; one wish per person and day.
    const byEmp = new Map<string, Array<[number, number]>>();
    for (const a of u.plan.absences) {
      const list = byEmp.get(a.employee) ?? [];
      list.push([toEpochDay(a.from), toEpochDay(a.to)]);
      byEmp.set(a.employee, list);
    }
    for (const [emp, list] of byEmp) {
      list.sort((x, y) => x[0] - y[0]);
      for (let i = 1; i < list.length; i++) assert.ok(list[i][0] > list[i - 1][1], `${emp} has overlapping absences`);
    }
    const seen = new Set<string>();
    for (const w of u.plan.wishes) {
      const k = `${w.employee}|${w.date}`;
      assert.ok(!seen.has(k), `two wishes ${k}`);
      seen.add(k);
      const abs = byEmp.get(w.employee) ?? [];
      const d = toEpochDay(w.date);
      assert.ok(!abs.some(([a, b]) => d >= a && d <= b), `wish on an absent day ${k}`);
    }
  }
}

test('every unit plan passes parsePlan (default options)', () => {
  assertPlansValid(ds, '2027-01-04', 6);
  for (const u of ds.units) {
    const emps = u.plan.employees.length;
    const perEmp = u.plan.wishes.length / emps;
    assert.ok(perEmp >= 1, `${u.id} has few wishes`);
  }
});

test('plans over Easter are valid and staff weekday holidays like Sundays', () => {
  const d = generateDemo({ start: '2027-03-22', weeks: 4, seed: 11 });
  assertPlansValid(d, '2027-03-22', 4);
  const w = d.units.find((u) => u.kind === 'sykehjem')!;
  const lines = w.plan.demand.filter((l) => l.dates?.includes('2027-03-25')); // skjærtorsdag
  assert.ok(lines.some((l) => l.shift === 'L' && l.min >= 2 && !l.competence), 'langvakter on Maundy Thursday');
  assert.ok(lines.some((l) => l.shift === 'D' && !l.competence && l.min === 1), 'weekend D level on Maundy Thursday');
  assert.ok(!w.plan.demand.some((l) => l.dates?.includes('2027-03-28')), 'Easter Sunday needs no date line');
});

test('the ward: size, positions, competence mix, weekend-only and youth', () => {
  const f = unitFigures(ward);
  assert.ok(f.employees >= 23 && f.employees <= 27, `${f.employees} employees`);
  assert.ok(f.averagePosition >= 50 && f.averagePosition <= 62, `average position ${f.averagePosition}`);
  for (const c of ['sykepleier', 'helsefagarbeider', 'assistent']) assert.ok((f.competences[c] ?? 0) >= 1, c);
  assert.ok(f.competences.sykepleier >= 5 && f.competences.helsefagarbeider >= 8);
  assert.ok(f.fullTimeShare > 0 && f.fullTimeShare < 0.25, 'a few full-time positions');
  assert.ok(f.wantMore >= 5, 'many part-timers want a larger position');
  const emps = new Map(ward.plan.employees.map((e) => [e.id, e]));
  const weekendOnly = ward.staffProfiles!.filter((p) => p.pattern === 'weekendOnly').map((p) => emps.get(p.employee)!);
  assert.ok(weekendOnly.length >= 2);
  for (const e of weekendOnly) {
    assert.ok(e.positionPercent <= 25, `${e.id} has ${e.positionPercent} %`);
    // Their wish forms mark the weekdays as unavailable.
    const weekdayAvoids = ward.plan.wishes.filter((w) => w.employee === e.id && w.kind === 'avoid' && w.shift === null && weekday(w.date) < 5);
    assert.ok(weekdayAvoids.length >= 20, `${e.id} avoids weekdays`);
  }
  const youth = ward.plan.employees.filter((e) => ageOn(e.birthDate!, ward.plan.start) < 18);
  assert.equal(youth.length, 1);
  assert.equal(youth[0].canWorkNights, false);
  assert.equal(youth[0].canWorkLongShifts, false);
  assert.ok(ward.plan.employees.some((e) => e.canWorkNights === false && ageOn(e.birthDate!, ward.plan.start) >= 18));
  assert.ok(ward.plan.employees.some((e) => e.contract === 'temporary') && ward.plan.employees.some((e) => e.contract === 'hourly'));
  const positions = new Set(ward.plan.employees.map((e) => e.positionPercent));
  assert.ok(positions.has(100) && positions.has(15) && positions.has(62.5));
});

test('the ward: shift templates and staffing plan (RULES §§ 7–8)', () => {
  const codes = Object.fromEntries(ward.plan.shiftTypes.map((s) => [s.code, `${s.start}-${s.end}`]));
  assert.deepEqual(codes, { D: '07:00-15:00', K: '14:30-22:30', N: '22:00-07:30', L: '08:00-20:30' });
  const total = (shift: string, day: (typeof WEEKDAY_KEYS)[number], comp?: string) =>
    ward.plan.demand
      .filter((l) => l.shift === shift && !l.dates && (l.competence ?? undefined) === comp && (l.days ?? WEEKDAY_KEYS).includes(day))
      .reduce((a, l) => ({ min: a.min + l.min, target: a.target + (l.target ?? l.min) }), { min: 0, target: 0 });
  for (const day of WEEKDAY_KEYS) {
    for (const s of ['D', 'K', 'N']) assert.ok(total(s, day).min >= 1, `${s} on ${day}`);
    assert.equal(total('N', day).min, 2);
    assert.equal(total('N', day, 'sykepleier').min, 1);
  }
  for (const day of WEEKDAY_KEYS.slice(0, 5)) {
    assert.equal(total('D', day).target, 5);
    assert.equal(total('K', day).target, 4);
    assert.ok(total('D', day, 'sykepleier').min >= 1 && total('K', day, 'sykepleier').min >= 1);
  }
  for (const day of ['sat', 'sun'] as const) {
    // Weekend: 4 on the day at target (RULES § 8), as langvakter plus one D; K tops up the evening.
    assert.equal(total('L', day).target + total('D', day).target, 4);
    assert.equal(total('L', day).target + total('K', day).target, 5);
    assert.ok(total('L', day, 'sykepleier').min >= 1);
  }
  const f = unitFigures(ward);
  assert.ok(f.demandHoursPerWeek.min <= f.contractedHoursPerWeek, 'the minimum staffing fits the contracted hours');
  assert.ok(f.demandHoursPerWeek.target > f.contractedHoursPerWeek, 'the target needs extra shifts (helgefloken)');
});

test('home care has no nights; the bofellesskap has long shifts and a local agreement', () => {
  const hc = ds.units.find((u) => u.kind === 'hjemmetjeneste')!;
  assert.ok(hc.plan.employees.length >= 15 && hc.plan.employees.length <= 21);
  assert.ok(!hc.plan.shiftTypes.some((s) => s.end < s.start));
  assert.ok(hc.plan.absences.some((a) => a.kind === 'parental_leave'));
  assert.ok(hc.staffProfiles!.some((p) => p.substituteFor));
  for (const c of ['sykepleier', 'vernepleier', 'helsefagarbeider', 'assistent']) assert.ok(hc.plan.employees.some((e) => e.competences![0] === c), c);

  const bof = ds.units.find((u) => u.kind === 'bofellesskap')!;
  assert.ok(bof.plan.employees.length >= 12 && bof.plan.employees.length <= 16);
  assert.equal(bof.plan.rules.longShifts.maxInRow, 2);
  assert.equal(bof.plan.rules.weekend.frequency, 3);
  const f = unitFigures(bof);
  assert.ok(f.competences.vernepleier + f.competences.helsefagarbeider >= 0.7 * f.employees);
  assert.ok(bof.plan.employees.filter((e) => e.canWorkLongShifts).length >= 0.7 * f.employees);
  assert.ok(bof.plan.shiftTypes.some((s) => s.start === '08:00' && s.end === '20:30'));
});

test('no diagnosis anywhere', () => {
  assert.ok(!/diagnos/i.test(JSON.stringify(ds)));
});

function historyChecks(d: DemoDataset, years: number, start: string) {
  const o = resolveOptions({ historyYears: years, start });
  const hs = toEpochDay(o.historyStart);
  const last = toEpochDay(start) - 1;
  const homes = new Map(d.units.flatMap((u) => u.plan.employees.map((e) => [e.id, u.id] as const)));
  const byEmp = new Map<string, typeof d.absenceHistory>();
  let minFrom = Infinity;
  let maxTo = -Infinity;
  for (const r of d.absenceHistory) {
    assert.equal(homes.get(r.employee), r.unit, `${r.employee} belongs to ${r.unit}`);
    const a = toEpochDay(r.from);
    const b = toEpochDay(r.to);
    assert.ok(a <= b && a >= hs && b <= last, `record in the window: ${JSON.stringify(r)}`);
    minFrom = Math.min(minFrom, a);
    maxTo = Math.max(maxTo, b);
    const len = b - a + 1;
    if (r.kind === 'self_certified') assert.ok(len <= 8, 'self-certified ≤ 8 days');
    if (r.kind === 'sick_child') assert.ok(len <= 3);
    if (r.kind === 'doctor_certified' && a !== hs && b !== last) assert.ok(len >= 4 && len <= 364);
    assert.deepEqual(Object.keys(r).sort(), ['employee', 'from', 'kind', 'to', 'unit']);
    const list = byEmp.get(r.employee) ?? [];
    list.push(r);
    byEmp.set(r.employee, list);
  }
  for (const [emp, list] of byEmp) {
    list.sort((x, y) => (x.from < y.from ? -1 : 1));
    for (let i = 1; i < list.length; i++) assert.ok(list[i].from > list[i - 1].to, `${emp}: ${list[i - 1].to} overlaps ${list[i].from}`);
  }
  assert.ok(minFrom <= hs + 31, 'history starts at the window start');
  assert.ok(maxTo >= last - 31, 'history reaches the day before the plans');
  assert.ok(last - hs + 1 >= years * 365);
}

test('absence history: window, no overlaps, spell lengths', () => {
  historyChecks(ds, 3, '2027-01-04');
  const employees = ds.units.flatMap((u) => u.plan.employees);
  const withHistory = new Set(ds.absenceHistory.map((r) => r.employee));
  assert.ok(withHistory.size >= 0.75 * employees.length, 'most employees have some absence');
  const kinds = new Set(ds.absenceHistory.map((r) => r.kind));
  for (const k of ['self_certified', 'doctor_certified', 'sick_child', 'leave']) assert.ok(kinds.has(k as never), k);
  const one = generateDemo({ historyYears: 1, seed: 3 });
  historyChecks(one, 1, '2027-01-04');
});

test('absence history: Monday excess, winter excess, heterogeneity, realistic rates', () => {
  const hs = opts.historyStart;
  const starts = [0, 0, 0, 0, 0, 0, 0];
  let winterDays = 0;
  let julyDays = 0;
  const perPerson = new Map<string, number>();
  for (const r of ds.absenceHistory) {
    if (r.kind === 'leave') continue;
    if (r.from !== hs) starts[weekday(r.from)]++;
    for (let d = toEpochDay(r.from); d <= toEpochDay(r.to); d++) {
      const m = new Date(d * 86_400_000).getUTCMonth();
      if (m <= 2) winterDays++;
      if (m === 6) julyDays++;
    }
    perPerson.set(r.employee, (perPerson.get(r.employee) ?? 0) + toEpochDay(r.to) - toEpochDay(r.from) + 1);
  }
  assert.ok(starts[0] > 1.2 * starts[4], `Monday ${starts[0]} vs Friday ${starts[4]}`);
  // Jan–Mar has ~3 × 90 days in the window, July 3 × 31.
  assert.ok(winterDays / 270 > 1.15 * (julyDays / 93), `winter ${winterDays} vs July ${julyDays}`);
  const all = ds.units.flatMap((u) => u.plan.employees.map((e) => perPerson.get(e.id) ?? 0)).sort((a, b) => b - a);
  const top = all.slice(0, Math.round(all.length / 5)).reduce((a, b) => a + b, 0);
  const sum = all.reduce((a, b) => a + b, 0);
  assert.ok(top / sum > 0.4, `top 20 % carry ${((100 * top) / sum).toFixed(0)} % of the absence`);

  const rates = absenceRates(ds);
  let pd = 0;
  let sick = 0;
  let self = 0;
  for (const r of rates) {
    pd += r.personDays;
    sick += r.absentDays.self_certified + r.absentDays.sick_child + r.absentDays.doctor_certified;
    self += r.absentDays.self_certified;
  }
  assert.ok(sick / pd > 0.06 && sick / pd < 0.12, `sickness rate ${sick / pd}`);
  assert.ok(self / pd > 0.01 && self / pd < 0.03, `self-certified rate ${self / pd}`);
});

test('known long-term sick leave continues from the history into the plan', () => {
  for (const u of ds.units) {
    for (const a of u.plan.absences.filter((x) => x.kind === 'doctor_certified')) {
      assert.equal(a.from, u.plan.start);
      const prev = ds.absenceHistory.find((r) => r.employee === a.employee && r.to === addDays(u.plan.start, -1));
      assert.ok(prev && prev.kind === 'doctor_certified', `${a.employee} was already on sick leave`);
    }
  }
});

test('the true model reproduces the generated spell starts and has the right shape', () => {
  const truth = absenceTruth();
  const hs = toEpochDay(opts.historyStart);
  const s = toEpochDay(opts.start);
  let expected = 0;
  for (const u of ds.units) for (let d = hs + 1; d < s; d++) expected += truth.expectedNewSpells(u.id, new Date(d * 86_400_000).toISOString().slice(0, 10), 'any');
  const observed = ds.absenceHistory.filter((r) => r.from !== opts.historyStart).length;
  assert.ok(Math.abs(observed / expected - 1) < 0.1, `observed ${observed} vs expected ${expected.toFixed(0)}`);

  const feb = trueAbsenceRate(ward.id, '2027-02-01');
  const jul = trueAbsenceRate(ward.id, '2026-07-15');
  assert.ok(feb > jul, `February ${feb} vs July ${jul}`);
  assert.ok(feb > 0.04 && feb < 0.2);
  const e = ward.plan.employees[0].id;
  const mon = truth.onsetProbability(e, '2027-01-11', 'self_certified');
  const fri = truth.onsetProbability(e, '2027-01-15', 'self_certified');
  assert.ok(mon > fri);
  const p = truth.absenceProbability(e, '2027-01-20');
  assert.ok(p >= 0 && p <= 1);
  assert.throws(() => truth.absenceProbability('nobody', '2027-01-20'));
});
