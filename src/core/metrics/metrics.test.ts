import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPlan } from '../eval/checker.js';
import { figuresOf, metricsAsOf, MetricsInputError, MetricsInputSchema, type Actual, type Figure, type MetricsInput } from './index.js';
import { organisation, plan, solsidenJanuary } from './testkit.js';

const U1 = { kind: 'unit', id: 'u1' } as const;

function value(f: Figure): number | null {
  return f.value;
}

function isNull(f: Figure, code: string): void {
  assert.equal(f.value, null, `${f.key} should be null`);
  assert.equal(f.reason?.code, code, `${f.key}: reason ${f.reason?.code} ≠ ${code}`);
  assert.ok(f.reason!.nb.length > 0 && f.reason!.en.length > 0);
}

test('every figure has a key, a unit and a definition in bokmål and English, and the keys are unique', () => {
  const m = metricsAsOf(organisation(), '2027-01-31', { kind: 'organisation' });
  const fs = figuresOf(m);
  assert.equal(new Set(fs.map((f) => f.key)).size, fs.length);
  for (const f of fs) {
    assert.ok(f.definition.nb.length > 20 && f.definition.en.length > 20, f.key);
    assert.notEqual(f.definition.nb, f.definition.en, f.key);
    if (f.value === null) assert.ok(f.reason, `${f.key} is null without a reason`);
    else assert.ok(Number.isFinite(f.value), f.key);
  }
});

test('positions of one unit on a date: headcount, FTE, average, by competence, full-time shares, distribution', () => {
  // Solsiden on 31 Jan 2027: a 100, b 80, c 75 (from 1 Jan; 50 before), d 15 (weekend-only); e hourly.
  const m = metricsAsOf(organisation(), '2027-01-31', U1).positions;
  assert.equal(m.headcount.value, 4);
  assert.equal(m.hourlyHeadcount.value, 1);
  assert.equal(m.fte.value, 2.7);
  assert.equal(m.averagePosition.value, 67.5); // 270 / 4
  assert.equal(m.averagePosition.numerator, 270);
  assert.equal(m.averagePosition.denominator, 4);
  assert.deepEqual(
    Object.fromEntries(Object.entries(m.averagePositionByCompetence).map(([k, f]) => [k, f.value])),
    { assistent: 15, helsefagarbeider: 75, sykepleier: 90 },
  );
  assert.equal(m.fullTimeShare.percent100.value, 25); // a
  assert.equal(m.fullTimeShare.atLeast80.value, 50); // a, b
  assert.equal(m.fullTimeShare.above90.value, 25); // a
  assert.deepEqual(m.distribution.map((d) => [d.bucket.key, d.count.value, d.share.value]), [
    ['under20', 1, 25],
    ['20to49', 0, 0],
    ['50to79', 1, 25],
    ['80to99', 1, 25],
    ['100', 1, 25],
  ]);
  assert.equal(m.weekendOnly.value, 1);
  assert.equal(m.small.value, 1);

  // Half a year earlier c had 50 %: 245 / 4.
  const before = metricsAsOf(organisation(), '2026-06-30', U1).positions;
  assert.equal(before.averagePosition.value, 61.25);
  assert.equal(before.fte.value, 2.45);
});

test('a service area and the organisation: a person with positions in two units counts once, with both added', () => {
  const input = organisation();
  // Sykehjem = Solsiden + Fjordtun: a 100, b 80, c 75, d 15, f 60, h 19 (temporary, no competence).
  const sa = metricsAsOf(input, '2027-01-31', { kind: 'serviceArea', id: 'Sykehjem' }).positions;
  assert.equal(sa.headcount.value, 6);
  assert.equal(sa.averagePosition.value, 58.17); // 349 / 6
  assert.equal(sa.fte.value, 3.49);
  assert.equal(sa.fullTimeShare.percent100.value, 16.67); // 1 / 6
  assert.equal(sa.fullTimeShare.atLeast80.value, 33.33); // 2 / 6
  assert.equal(sa.weekendOnly.value, 2); // d, h
  assert.equal(sa.small.value, 2); // d 15, h 19
  assert.equal(sa.averagePositionByCompetence.unknown.value, 19);

  // The organisation: f holds 60 % in Fjordtun and 40 % in Hjemmetjenesten Nord = 100 %; g 92 %.
  const org = metricsAsOf(input, '2027-01-31', { kind: 'organisation' }).positions;
  assert.equal(org.headcount.value, 7);
  assert.equal(org.fte.value, 4.81);
  assert.equal(org.averagePosition.value, 68.71); // 481 / 7
  assert.equal(org.fullTimeShare.percent100.value, 28.57); // a, f
  assert.equal(org.fullTimeShare.atLeast80.value, 57.14); // a, b, f, g
  assert.equal(org.fullTimeShare.above90.value, 42.86); // a, f, g
  assert.equal(org.averagePositionByCompetence.helsefagarbeider.value, 87.5); // c 75, f 100
  assert.equal(org.averagePositionByCompetence.sykepleier.value, 90.67); // (100 + 80 + 92) / 3
});

test('positions: no data is null with a reason, never a silent 0', () => {
  const input = organisation();
  // A unit nobody is registered in.
  const u4 = metricsAsOf(input, '2027-01-31', { kind: 'unit', id: 'u4' }).positions;
  isNull(u4.headcount, 'noEmployees');
  isNull(u4.fte, 'noEmployees');
  isNull(u4.averagePosition, 'noPositions');
  isNull(u4.fullTimeShare.percent100, 'noPositions');
  isNull(u4.distribution[0].count, 'noPositions');
  isNull(u4.weekendOnly, 'noPositions');
  // A unit with staff, but nobody yet on the date: 0 people, but no average.
  const u3 = metricsAsOf(input, '2026-01-01', { kind: 'unit', id: 'u3' }).positions;
  assert.equal(u3.headcount.value, 0);
  isNull(u3.averagePosition, 'noPositions');
  isNull(u3.fullTimeShare.atLeast80, 'noPositions');
  // Weekend-only not registered for anyone.
  const noFlags: MetricsInput = { ...input, employees: input.employees.map(({ weekendOnly: _w, ...e }) => e) };
  isNull(metricsAsOf(noFlags, '2027-01-31', U1).positions.weekendOnly, 'weekendOnlyNotRegistered');
});

test('weekend hours per person per year: real Saturday–Sunday hours of the planned shifts, scaled by the period', () => {
  const input = organisation();
  // a: L Sat + L Sun = 25 h; b: N Fri→Sat 7 h + N Sun→Mon 2 h = 9 h; 34 h over 2 persons × 14 days.
  const w = metricsAsOf(input, '2027-01-17', U1).weekendHoursPerPersonYear;
  assert.equal(w.value, 443.21); // 34 / 28 × 365
  assert.equal(w.numerator, 34);
  // From Sunday 10 January: a's L Sun 12.5 h + b's N Sun 2 h over 2 × 8 days.
  assert.equal(metricsAsOf(input, '2027-01-17', U1, { windowFrom: '2027-01-10' }).weekendHoursPerPersonYear.value, 330.78);
  // Fjordtun (the plan names the unit by name): the DST night is 8 real hours, the H shift 8 h less
  // a 30-minute unpaid break; 15.5 h over 1 person × 7 days.
  assert.equal(metricsAsOf(input, '2027-03-28', { kind: 'unit', id: 'u2' }, { windowDays: 7 }).weekendHoursPerPersonYear.value, 808.21);
  // No plan, or a plan without people.
  isNull(metricsAsOf(input, '2027-01-31', { kind: 'unit', id: 'u3' }).weekendHoursPerPersonYear, 'noPlans');
  const empty = { ...input, plans: [plan({ unit: 'u3', start: '2027-01-04', end: '2027-01-10' })] };
  isNull(metricsAsOf(empty, '2027-01-31', { kind: 'unit', id: 'u3' }).weekendHoursPerPersonYear, 'noPlanPeople');
  // A plan of no known unit is left out and said so.
  const stray = { ...input, plans: [...input.plans, plan({ unit: 'Ukjent', start: '2027-01-04', end: '2027-01-10' })] };
  assert.ok(metricsAsOf(stray, '2027-01-31', U1).warnings.some((x) => x.code === 'planUnit'));
});

test('hired hours, extra shifts and overtime from the hired records in the window', () => {
  const input: MetricsInput = {
    ...organisation(),
    hired: [
      { date: '2027-01-05', unitId: 'u1', hours: 7.5, kind: 'agency' },
      { date: '2027-01-06', unitId: 'u1', hours: 8, kind: 'agency' },
      { date: '2027-01-07', unitId: 'u1', hours: 7.5, kind: 'extra' },
      { date: '2027-01-20', unitId: 'u1', hours: 2, kind: 'overtime' },
      { date: '2027-01-05', unitId: 'u2', hours: 100, kind: 'agency' },
      { date: '2025-12-01', unitId: 'u1', hours: 50, kind: 'agency' }, // before the year's window
    ],
  };
  const h = metricsAsOf(input, '2027-01-31', U1).hired;
  assert.equal(h.agencyHours.value, 15.5);
  assert.equal(h.extraHours.value, 7.5);
  assert.equal(h.extraShifts.value, 1);
  assert.equal(h.overtimeHours.value, 2);
  assert.equal(metricsAsOf(input, '2027-01-31', { kind: 'organisation' }).hired.agencyHours.value, 115.5);
  // Registered, none in the window: a real 0.
  assert.equal(metricsAsOf(input, '2027-01-31', { kind: 'unit', id: 'u3' }).hired.agencyHours.value, 0);
  // Not registered: null.
  const none = metricsAsOf(organisation(), '2027-01-31', U1).hired;
  isNull(none.agencyHours, 'hiredMissing');
  isNull(none.extraShifts, 'hiredMissing');
  isNull(none.overtimeHours, 'hiredMissing');
});

test('sick-leave rate: sick person-days weighted by position over available person-days, vacation and leave left out', () => {
  const input: MetricsInput = {
    ...organisation(),
    absences: [
      { employee: 'a', from: '2027-01-11', to: '2027-01-15', kind: 'doctor_certified' }, // 5 × 1.0
      { employee: 'a', from: '2027-01-14', to: '2027-01-16', kind: 'vacation' }, // only the 16th counts as vacation: −1.0
      { employee: 'b', from: '2027-01-20', to: '2027-01-21', kind: 'self_certified' }, // 2 × 0.8
      { employee: 'b', from: '2027-01-25', to: '2027-01-29', kind: 'vacation' }, // −5 × 0.8
      { employee: 'c', from: '2027-01-05', to: '2027-01-05', kind: 'sick_child' }, // 0.75, apart
      { employee: 'f', from: '2027-01-10', to: '2027-01-12', kind: 'doctor_certified' }, // another unit
    ],
  };
  // Available: 31 × (1 + 0.8 + 0.75 + 0.15) = 83.7, less 1 + 4 = 78.7. Sick: 5 + 1.6 = 6.6.
  const s = metricsAsOf(input, '2027-01-31', U1, { windowFrom: '2027-01-01' }).sickLeave;
  assert.equal(s.rate.value, 8.39); // 6.6 / 78.7
  assert.equal(s.rate.numerator, 6.6);
  assert.equal(s.rate.denominator, 78.7);
  assert.equal(s.selfCertified.value, 2.03); // 1.6 / 78.7
  assert.equal(s.doctorCertified.value, 6.35); // 5 / 78.7
  assert.equal(s.sickChild.value, 0.95); // 0.75 / 78.7
  assert.match(s.rate.definition.nb, /egenmeldt, legemeldt/);
  // With sick child counted: 7.35 / 78.7.
  assert.equal(metricsAsOf(input, '2027-01-31', U1, { windowFrom: '2027-01-01', sickKinds: ['self_certified', 'doctor_certified', 'sick_child'] }).sickLeave.rate.value, 9.34);
  // No absence in the window: a real 0; no register: null; nobody to be absent: null.
  assert.equal(metricsAsOf(input, '2026-12-31', U1, { windowFrom: '2026-12-01' }).sickLeave.rate.value, 0);
  isNull(metricsAsOf(organisation(), '2027-01-31', U1).sickLeave.rate, 'absencesMissing');
  isNull(metricsAsOf(input, '2027-01-31', { kind: 'unit', id: 'u4' }).sickLeave.rate, 'noAvailableDays');
});

const ACTUALS: Actual[] = [
  { date: '2027-01-09', shift: 'L', unitId: 'u1', plannedEmployee: 'a', actualEmployee: 'a', actualCompetence: 'sykepleier', coverKind: 'planned' },
  { date: '2027-01-10', shift: 'L', unitId: 'u1', plannedEmployee: 'a', actualEmployee: 'a', actualCompetence: 'sykepleier', coverKind: 'planned' },
  // a (sykepleier) covered by own staff of another competence.
  { date: '2027-01-11', shift: 'D', unitId: 'u1', plannedEmployee: 'a', actualEmployee: 'c', actualCompetence: 'helsefagarbeider', coverKind: 'own' },
  // b (sykepleier) covered by a's prediction shift, same competence.
  { date: '2027-01-13', shift: 'D', unitId: 'u1', plannedEmployee: 'b', actualEmployee: 'a', actualCompetence: 'Sykepleier', coverKind: 'prediction' },
  // An outside substitute without formal competence.
  { date: '2027-01-08', shift: 'N', unitId: 'u1', plannedEmployee: 'b', actualEmployee: null, actualCompetence: null, coverKind: 'substitute' },
  { date: '2027-01-17', shift: 'N', unitId: 'u1', plannedEmployee: 'b', actualEmployee: null, actualCompetence: null, coverKind: 'uncovered' },
  // The planned person is unknown: not judged.
  { date: '2027-01-16', shift: 'D', unitId: 'u1', plannedEmployee: 'zz', actualEmployee: 'p1', actualCompetence: 'sykepleier', coverKind: 'pool' },
  { date: '2027-03-27', shift: 'N', unitId: 'u2', plannedEmployee: 'f', actualEmployee: 'f', actualCompetence: 'helsefagarbeider', coverKind: 'planned' },
];

test('planned vs actual staffing and the same-competence cover rate', () => {
  const s = metricsAsOf({ ...organisation(), actuals: ACTUALS }, '2027-01-31', U1).staffing;
  assert.equal(s.plannedShifts.value, 7);
  assert.equal(s.workedShifts.value, 6);
  assert.equal(s.uncoveredShifts.value, 1);
  assert.equal(s.actualVsPlanned.value, 85.71); // 6 / 7
  assert.equal(s.asPlanned.value, 28.57); // 2 / 7
  assert.deepEqual(Object.fromEntries(Object.entries(s.byCoverKind).map(([k, f]) => [k, value(f)])), { planned: 2, prediction: 1, own: 1, pool: 1, substitute: 1, uncovered: 1 });
  // Covers judged: own (other), prediction (same), substitute (none) → 1 / 3; the pool cover's planned person is unknown.
  assert.equal(s.sameCompetenceCover.value, 33.33);
  assert.equal(s.sameCompetenceCover.numerator, 1);
  assert.equal(s.sameCompetenceCover.denominator, 3);

  isNull(metricsAsOf(organisation(), '2027-01-31', U1).staffing.actualVsPlanned, 'actualsMissing');
  isNull(metricsAsOf({ ...organisation(), actuals: ACTUALS }, '2027-01-31', { kind: 'unit', id: 'u3' }).staffing.plannedShifts, 'noActuals');
  const onlyUnknown = metricsAsOf({ ...organisation(), actuals: ACTUALS.filter((a) => a.coverKind === 'pool' || a.coverKind === 'planned') }, '2027-01-31', U1).staffing;
  isNull(onlyUnknown.sameCompetenceCover, 'unknownCompetence');
  const noCovers = metricsAsOf({ ...organisation(), actuals: ACTUALS.filter((a) => a.coverKind === 'planned') }, '2027-01-31', U1).staffing;
  isNull(noCovers.sameCompetenceCover, 'noCovers');
});

test('prediction shifts: planned in the rota, used in the actuals, unused', () => {
  const p = metricsAsOf({ ...organisation(), actuals: ACTUALS }, '2027-01-31', U1).predictionShifts;
  assert.equal(p.planned.value, 2); // a PD Tue 12, b PD Thu 14
  assert.equal(p.used.value, 1);
  assert.equal(p.unused.value, 1);
  assert.equal(p.useRate.value, 50);
  // Without actuals the planned ones are still known.
  const noActuals = metricsAsOf(organisation(), '2027-01-31', U1).predictionShifts;
  assert.equal(noActuals.planned.value, 2);
  isNull(noActuals.used, 'actualsMissing');
  isNull(noActuals.useRate, 'actualsMissing');
  // Fjordtun plans none: 0 planned, and no rate.
  const fj = metricsAsOf({ ...organisation(), actuals: ACTUALS }, '2027-03-31', { kind: 'unit', id: 'u2' }).predictionShifts;
  assert.equal(fj.planned.value, 0);
  isNull(fj.useRate, 'noPredictionPlanned');
  isNull(metricsAsOf(organisation(), '2027-01-31', { kind: 'unit', id: 'u3' }).predictionShifts.planned, 'noPlans');
});

test('wish fulfilment and its fairness, with the WISH-01 logic', () => {
  const w = metricsAsOf(organisation(), '2027-01-31', U1).wishes;
  // a: 1 of 2 met (50 %); b: weight 1 of 3 met (33.3 %); overall 2 of 5.
  assert.equal(w.fulfilment.value, 40);
  assert.equal(w.meanPersonShare.value, 41.67);
  assert.equal(w.minPersonShare.value, 33.33);
  assert.equal(w.belowHalfShare.value, 50); // b only: 50 % is not below half
  assert.equal(w.persons.value, 2);
  // The same per-person shares as the checker's WISH-01 findings.
  const measured = checkPlan(solsidenJanuary).violations.filter((v) => v.rule === 'WISH-01').map((v) => v.measured);
  assert.equal(Math.min(...measured), w.minPersonShare.value);
  // Only the wishes dated in the window: a's Mon 11 (not met), b's Sun 10 (met).
  const late = metricsAsOf(organisation(), '2027-01-31', U1, { windowFrom: '2027-01-10' }).wishes;
  assert.equal(late.fulfilment.value, 50);
  assert.equal(late.minPersonShare.value, 0);
  assert.equal(late.belowHalfShare.value, 50);
  // No wishes / no plans.
  const none = metricsAsOf(organisation(), '2027-03-31', { kind: 'unit', id: 'u2' }).wishes;
  isNull(none.fulfilment, 'noWishes');
  assert.equal(none.persons.value, 0);
  isNull(metricsAsOf(organisation(), '2027-01-31', { kind: 'unit', id: 'u3' }).wishes.meanPersonShare, 'noPlans');
});

test('bad scope and dates are refused with reasons', () => {
  assert.throws(() => metricsAsOf(organisation(), '2027-01-31', { kind: 'unit', id: 'nope' }), MetricsInputError);
  assert.throws(() => metricsAsOf(organisation(), '2027-01-31', { kind: 'serviceArea', id: 'nope' }), MetricsInputError);
  assert.throws(() => metricsAsOf(organisation(), '2027-02-30', U1), MetricsInputError);
  assert.throws(() => metricsAsOf(organisation(), '2027-01-31', U1, { windowFrom: '2027-02-01' }), MetricsInputError);
  assert.throws(() => metricsAsOf(organisation(), '2027-01-31', U1, { windowDays: 0 }), MetricsInputError);
});

test('warnings: a person above 100 % in the scope and overlapping plans of one unit', () => {
  const input = organisation();
  input.employees.push({ id: 'a', unitId: 'u1', competence: 'sykepleier', positionPercent: 20 });
  input.plans.push(plan({ unit: 'Solsiden', start: '2027-01-11', end: '2027-01-24' }));
  const codes = metricsAsOf(input, '2027-01-31', U1).warnings.map((w) => w.code);
  assert.ok(codes.includes('above100'));
  assert.ok(codes.includes('plansOverlap'));
});

test('a window the plans cover only a small part of is flagged: the yearly weekend hours are scaled from few days', () => {
  // The default year's window holds only the 14 days of Solsiden's plan.
  assert.ok(metricsAsOf(organisation(), '2027-01-31', U1).warnings.some((w) => w.code === 'shortPlanCoverage'));
  assert.ok(!metricsAsOf(organisation(), '2027-01-17', U1, { windowDays: 14 }).warnings.some((w) => w.code === 'shortPlanCoverage'));
});

test('the input schema validates at the boundary', () => {
  const ok = MetricsInputSchema.safeParse({ ...organisation(), hired: [], actuals: ACTUALS });
  assert.ok(ok.success);
  const bad = MetricsInputSchema.safeParse({
    ...organisation(),
    employees: [{ id: 'x', unitId: 'u1', positionPercent: 120, validFrom: '2027-02-01', validTo: '2027-01-01' }],
    hired: [{ date: '2027-01-01', unitId: 'u1', hours: 5, kind: 'bonus' }],
  });
  assert.ok(!bad.success);
  const paths = bad.error.issues.map((i) => i.path.join('.'));
  assert.ok(paths.includes('employees.0.positionPercent'));
  assert.ok(paths.includes('hired.0.kind'));
});
