import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPlan } from '../eval/checker.js';
import { plan, run, violationsOf, type Row } from '../rules/testkit.js';
import { assessRisk } from './assess.js';

const AGREEMENT = 'Lokal avtale om hvile 2026-03';
const KARI = { id: 'e1', name: 'Kari Nordmann', competence: 'sykepleier', positionPercent: 100 };
const OLA = { id: 'e2', name: 'Ola Hansen', competence: 'helsefagarbeider', positionPercent: 80 };

test('quick returns: an 8.5 h rest under an 8 h local agreement is listed as an agreement use, and the exception counts it', () => {
  const rows: Row[] = [['e1', '2027-01-05', 'K'], ['e1', '2027-01-06', 'D'], ['e1', '2027-01-07', 'D']];
  const p = plan({ rows, rules: { dailyRest: { minHours: 8, agreementRef: AGREEMENT } } });
  const r = assessRisk(p);
  const q = r.sections.quickReturns;
  assert.equal(q.events.length, 1);
  assert.deepEqual(
    { ...q.events[0], source: undefined },
    { employee: 'e1', employeeName: 'Kari Nordmann', fromDate: '2027-01-05', fromShift: 'K', toDate: '2027-01-06', toShift: 'D', restHours: 8.5, kind: 'agreement', eveningToDay: true, pra01: true, source: undefined },
  );
  assert.match(q.events[0].source, /AML § 10-8 \(1\), \(3\) – Lokal avtale om hvile 2026-03/);
  assert.deepEqual(q.totals, { count: 1, agreementUses: 1, breaches: 0, eveningToDay: 1, pra01: 1, persons: 1 });
  assert.equal(q.persons[0].shortestRestHours, 8.5);
  assert.equal(q.minRestHours, 8);
  assert.equal(q.agreementRef, AGREEMENT);
  assert.equal(q.level, 'yellow');
  assert.match(q.explanation.nb, /1 hviletid under 11 t etter lokal avtale \(Lokal avtale om hvile 2026-03\)/);
  // Not a breach for the checker: LAW-06 is quiet, PRA-01 (soft) notes the evening → day.
  assert.equal(violationsOf(p, 'LAW-06').length, 0);
  assert.equal(violationsOf(p, 'PRA-01').length, q.totals.pra01);

  const ex = r.sections.agreements.exceptions.find((x) => x.path === 'dailyRest.minHours');
  assert.ok(ex, 'the daily-rest agreement is listed');
  assert.deepEqual({ value: ex.value, defaultValue: ex.defaultValue, direction: ex.direction, uses: ex.uses, agreementRef: ex.agreementRef, law: ex.law }, {
    value: 8,
    defaultValue: 11,
    direction: 'relaxed',
    uses: 1,
    agreementRef: AGREEMENT,
    law: 'AML § 10-8 (1) og (3)',
  });
  assert.equal(r.sections.agreements.level, 'yellow');
});

test('quick returns: without a local agreement the same rest is a breach (red), in step with LAW-06; a rota without short rests lists none', () => {
  const rows: Row[] = [['e1', '2027-01-05', 'K'], ['e1', '2027-01-06', 'D'], ['e1', '2027-01-12', 'K'], ['e1', '2027-01-13', 'D']];
  const p = plan({ rows });
  const q = assessRisk(p).sections.quickReturns;
  assert.equal(q.events.length, 2);
  assert.ok(q.events.every((e) => e.kind === 'breach'));
  assert.equal(q.totals.breaches, violationsOf(p, 'LAW-06').length);
  assert.equal(q.level, 'red');
  assert.equal(q.agreementRef, null);
  assert.equal(assessRisk(p).sections.agreements.exceptions.length, 0);

  const calm = assessRisk(plan({ rows: [...run('e1', '2027-01-04', 3, 'D'), ['e1', '2027-01-08', 'K']] }));
  assert.deepEqual(calm.sections.quickReturns.events, []);
  assert.equal(calm.sections.quickReturns.level, 'green');
  assert.ok(!calm.sections.agreements.exceptions.some((x) => x.path === 'dailyRest.minHours'));
});

test('quick returns: under a 10 h agreement an 8.5 h rest is a breach and a 10.5 h rest an agreement use', () => {
  const shiftTypes = [
    { code: 'D', start: '07:00', end: '15:00' },
    { code: 'K', start: '14:30', end: '22:30' },
    { code: 'S', start: '15:00', end: '20:30' },
  ];
  const rows: Row[] = [['e1', '2027-01-05', 'K'], ['e1', '2027-01-06', 'D'], ['e1', '2027-01-11', 'S'], ['e1', '2027-01-12', 'D']];
  const p = plan({ shiftTypes, rows, rules: { dailyRest: { minHours: 10, agreementRef: AGREEMENT } } });
  const q = assessRisk(p).sections.quickReturns;
  assert.deepEqual(q.events.map((e) => [e.fromDate, e.restHours, e.kind]), [['2027-01-05', 8.5, 'breach'], ['2027-01-11', 10.5, 'agreement']]);
  assert.equal(violationsOf(p, 'LAW-06').length, 1);
  assert.equal(q.level, 'red');
  assert.equal(assessRisk(p).sections.agreements.exceptions.find((x) => x.path === 'dailyRest.minHours')!.uses, 1);
});

test('competence: gaps per date × shift × competence, below the minimum and below the target, agree with PRA-11/PRA-13', () => {
  const p = plan({
    start: '2027-01-04',
    end: '2027-01-10',
    employees: [KARI, OLA],
    demand: [
      { shift: 'D', min: 1, target: 2, competence: 'sykepleier', days: ['mon', 'tue'] },
      { shift: 'D', min: 1, target: 2, days: ['mon', 'tue'] },
    ],
    absences: [{ employee: 'e1', from: '2027-01-05', to: '2027-01-05', kind: 'self_certified' }],
    rows: [['e1', '2027-01-04', 'D'], ['e2', '2027-01-04', 'D'], ['e1', '2027-01-05', 'D']],
  });
  const c = assessRisk(p).sections.competence;
  assert.deepEqual(
    c.gaps.map((g) => [g.date, g.shift, g.competence, g.actual, g.min, g.target, g.missingMin, g.missingTarget, g.belowMin]),
    [
      // Monday: 1 nurse of 2 wanted (target), 2 people in all (target met).
      ['2027-01-04', 'D', 'sykepleier', 1, 1, 2, 0, 1, false],
      // Tuesday: the nurse is absent, so nobody counts.
      ['2027-01-05', 'D', null, 0, 1, 2, 1, 2, true],
      ['2027-01-05', 'D', 'sykepleier', 0, 1, 2, 1, 2, true],
    ],
  );
  assert.deepEqual(c.totals, { cellsBelowMin: 2, missingMin: 2, cellsBelowTarget: 1, missingTarget: 1 });
  assert.equal(c.totals.cellsBelowMin, violationsOf(p, 'PRA-11').length);
  assert.equal(c.totals.cellsBelowTarget, violationsOf(p, 'PRA-13').length);
  assert.deepEqual(c.byCompetence.map((x) => [x.competence, x.cellsBelowMin, x.cellsBelowTarget]), [[null, 1, 0], ['sykepleier', 1, 1]]);
  assert.equal(c.level, 'red');
  assert.match(c.explanation.nb, /2 vakter .* under minimumsbemanningen/);
  assert.match(c.gaps[1].source, /helsepersonelloven § 4/);

  const none = assessRisk(plan({ rows: [['e1', '2027-01-04', 'D']] })).sections.competence;
  assert.equal(none.hasDemand, false);
  assert.equal(none.level, 'yellow');
});

test('long shifts: the longest series per person, and runs above the local agreement as LOC-01 counts them', () => {
  const p = plan({ employees: [KARI, OLA], rows: [...run('e1', '2027-01-04', 4, 'L'), ...run('e2', '2027-01-04', 2, 'L'), ['e2', '2027-01-08', 'L']] });
  const l = assessRisk(p).sections.longShifts;
  const kari = l.persons.find((x) => x.employee === 'e1')!;
  const ola = l.persons.find((x) => x.employee === 'e2')!;
  assert.deepEqual([kari.longShifts, kari.series, kari.longestSeries, kari.longestFrom, kari.longestTo, kari.overLimit], [4, 1, 4, '2027-01-04', '2027-01-07', 1]);
  assert.deepEqual([ola.longShifts, ola.series, ola.longestSeries, ola.overLimit], [3, 1, 2, 0]);
  assert.equal(l.totals.overLimit, violationsOf(p, 'LOC-01').filter((v) => v.measured === 4).length);
  assert.equal(l.maxInRow, 3);
  assert.equal(l.level, 'red');

  const within = assessRisk(plan({ rows: run('e1', '2027-01-04', 2, 'L') })).sections.longShifts;
  assert.equal(within.level, 'yellow');
  assert.equal(within.totals.longestSeries, 2);
  assert.equal(assessRisk(plan({ rows: [['e1', '2027-01-04', 'D']] })).sections.longShifts.level, 'green');
});

test('nights: the longest run per person and the runs above the limit agree with PRA-04', () => {
  const p = plan({ employees: [KARI, OLA], rows: [...run('e1', '2027-01-04', 5, 'N'), ...run('e2', '2027-01-04', 3, 'N'), ...run('e2', '2027-01-11', 2, 'N')] });
  const n = assessRisk(p).sections.nights;
  const kari = n.persons.find((x) => x.employee === 'e1')!;
  const ola = n.persons.find((x) => x.employee === 'e2')!;
  assert.deepEqual([kari.nights, kari.runs, kari.longestRun, kari.runsOverLimit], [5, 1, 5, 1]);
  assert.deepEqual([ola.nights, ola.runs, ola.longestRun, ola.runsOverLimit], [5, 2, 3, 0]);
  assert.equal(n.totals.runsOverLimit, violationsOf(p, 'PRA-04').length);
  assert.equal(n.totals.longestRun, 5);
  assert.equal(n.level, 'yellow');
});

test('hours: planned against position per person is TAR-04’s own figure', () => {
  const p = plan({ start: '2027-01-04', end: '2027-01-17', employees: [KARI, OLA], rows: [...run('e1', '2027-01-04', 5, 'D'), ...run('e2', '2027-01-04', 5, 'D'), ...run('e2', '2027-01-11', 3, 'D')] });
  const h = assessRisk(p).sections.hours;
  const tar = violationsOf(p, 'TAR-04');
  assert.equal(h.totals.over + h.totals.under, tar.length);
  for (const v of tar) {
    const person = h.persons.find((x) => x.employee === v.employee)!;
    assert.equal(person.plannedHours, v.measured);
    assert.equal(person.requiredHours, v.limit);
    assert.ok(person.outside);
  }
  assert.equal(h.persons[0].plannedHours, 40);
  assert.equal(h.level, 'yellow');
});

test('weekends: worked weekends against the frequency, personal frequencies, and the counts LOC-03 gives', () => {
  // Six weekends; every third weekend allows two.
  const sat = ['2027-01-09', '2027-01-16', '2027-01-23'];
  const p = plan({
    employees: [KARI, { ...OLA, weekendFrequency: 2 }],
    rows: [...sat.map((d): Row => ['e1', d, 'D']), ...sat.map((d): Row => ['e2', d, 'D'])],
  });
  const w = assessRisk(p).sections.weekends;
  const kari = w.persons.find((x) => x.employee === 'e1')!;
  const ola = w.persons.find((x) => x.employee === 'e2')!;
  assert.deepEqual([kari.weekendsWorked, kari.weekendsInPeriod, kari.frequency, kari.allowed, kari.everyNth, kari.longestRow, kari.personalFrequency], [3, 6, 3, 2, 2, 3, false]);
  assert.deepEqual([ola.weekendsWorked, ola.frequency, ola.allowed, ola.personalFrequency], [3, 2, 3, true]);
  assert.equal(w.totals.findings, violationsOf(p, 'LOC-03').length);
  assert.equal(w.totals.personsOver, 1);
  assert.equal(w.level, 'yellow');
  assert.equal(assessRisk(plan({ employees: [KARI], rules: { weekend: { severity: 'hard' } }, rows: sat.map((d): Row => ['e1', d, 'D']) })).sections.weekends.level, 'red');

  // Ola's personal agreement (every 2nd weekend) is an exception the rota uses: one weekend more than every 3rd allows.
  const personal = assessRisk(p).sections.agreements.exceptions.find((x) => x.path === 'employees.e2.weekendFrequency')!;
  assert.deepEqual([personal.value, personal.defaultValue, personal.direction, personal.uses], [2, 3, 'relaxed', 1]);
});

test('agreements: parameters that differ from the KS defaults, relaxed or stricter, with the times the rota uses them', () => {
  const rows: Row[] = [...run('e1', '2027-01-04', 4, 'L'), ['e1', '2027-01-12', 'K'], ['e1', '2027-01-13', 'D'], ...run('e1', '2027-01-18', 2, 'L')];
  const p = plan({
    rows,
    rules: {
      longShifts: { maxInRow: 4 },
      soft: { quickReturnMaxPer4Weeks: 2, maxConsecutiveNights: 3 },
      dailyRest: { minHours: 8, agreementRef: AGREEMENT },
      weekend: { frequency: 4 },
    },
  });
  const a = assessRisk(p).sections.agreements;
  const by = new Map(a.exceptions.map((x) => [x.path, x]));
  assert.deepEqual([...by.keys()].sort(), ['dailyRest.minHours', 'longShifts.maxInRow', 'soft.maxConsecutiveNights', 'soft.quickReturnMaxPer4Weeks', 'weekend.frequency']);
  assert.deepEqual([by.get('longShifts.maxInRow')!.direction, by.get('longShifts.maxInRow')!.uses], ['relaxed', 1]);
  assert.deepEqual([by.get('soft.quickReturnMaxPer4Weeks')!.direction, by.get('soft.quickReturnMaxPer4Weeks')!.uses], ['relaxed', 1]);
  assert.deepEqual([by.get('dailyRest.minHours')!.uses], [1]);
  // Stricter than the defaults: listed, no "uses".
  assert.deepEqual([by.get('soft.maxConsecutiveNights')!.direction, by.get('soft.maxConsecutiveNights')!.uses], ['stricter', null]);
  assert.deepEqual([by.get('weekend.frequency')!.direction, by.get('weekend.frequency')!.uses], ['stricter', null]);
  assert.equal(by.get('longShifts.maxInRow')!.law, 'Lokal avtale (AML § 10-2)');
  assert.deepEqual(a.totals, { differing: 5, relaxed: 3, used: 3, uses: 3 });
  assert.equal(a.level, 'yellow');
  // With the agreement, the 4-long-shift run is no LOC-01 finding.
  assert.equal(assessRisk(p).sections.longShifts.totals.overLimit, 0);

  const ks = assessRisk(plan({ rows: [['e1', '2027-01-04', 'D']] })).sections.agreements;
  assert.deepEqual(ks.exceptions, []);
  assert.equal(ks.level, 'green');
});

test('non-numeric exceptions: averaging tier, night window and severities', () => {
  const p = plan({
    rows: [['e1', '2027-01-04', 'D']],
    demand: [{ shift: 'N', min: 1, days: ['mon'] }],
    rules: { night: { start: '22:00', end: '07:00' }, staffing: { minSeverity: 'soft' }, averaging: { tier: 'individual' } },
  });
  const by = new Map(assessRisk(p).sections.agreements.exceptions.map((x) => [x.path, x]));
  assert.deepEqual([by.get('night')!.value, by.get('night')!.defaultValue, by.get('night')!.direction], ['22:00–07:00', '21:00–06:00', 'changed']);
  assert.deepEqual([by.get('staffing.minSeverity')!.direction, by.get('staffing.minSeverity')!.uses], ['relaxed', 6]);
  assert.deepEqual([by.get('averaging.tier')!.direction, by.get('averaging.tier')!.uses, by.get('averaging.tier')!.law], ['stricter', null, 'AML § 10-5 (1)']);
});

test('overall: the worst section, the checker’s counts, and no absence kinds anywhere', () => {
  const p = plan({
    employees: [KARI, OLA],
    absences: [{ employee: 'e2', from: '2027-01-04', to: '2027-01-08', kind: 'doctor_certified' }],
    demand: [{ shift: 'D', min: 1 }],
    rows: [...run('e1', '2027-01-04', 5, 'D'), ['e2', '2027-01-05', 'D']],
  });
  const r = assessRisk(p);
  const check = checkPlan(p);
  assert.equal(r.check.hardCount, check.hardCount);
  assert.equal(r.check.softCount, check.softCount);
  for (const rc of r.check.byRule) assert.equal(rc.count, check.violations.filter((v) => v.rule === rc.rule).length, rc.rule);
  assert.equal(r.overall.level, 'red');
  assert.match(r.overall.explanation.nb, /^Samlet vurdering: rød\. Rødt \(brudd eller uforsvarlig\): bemanning og kompetanse per vakt/);
  assert.doesNotMatch(JSON.stringify(r), /doctor_certified|self_certified|sykmelding|egenmelding/i);
  assert.deepEqual(Object.keys(r.sections), ['competence', 'quickReturns', 'longShifts', 'nights', 'hours', 'weekends', 'agreements']);
  for (const s of Object.values(r.sections)) {
    assert.ok(s.sources.length > 0, `${s.id} has sources`);
    assert.ok(s.explanation.nb && s.explanation.en, `${s.id} is explained`);
  }
});

test('a rolling base rota: rests and runs wrap from the last week to the first', () => {
  const p = plan({
    start: '2027-01-04',
    end: '2027-01-17',
    planningForm: 'rolling',
    rows: [['e1', '2027-01-17', 'K'], ['e1', '2027-01-04', 'D']],
  });
  const q = assessRisk(p).sections.quickReturns;
  assert.equal(q.events.length, 1);
  assert.deepEqual([q.events[0].fromDate, q.events[0].toDate, q.events[0].kind], ['2027-01-17', '2027-01-04', 'breach']);
  assert.equal(q.totals.breaches, violationsOf(p, 'LAW-06').length);
});
