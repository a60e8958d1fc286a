import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PlanSchema, type PlanInput } from '../model/plan.js';
import {
  ANY,
  compareScenarios,
  computeScenario,
  demandProfile,
  formatScenarios,
  positionSizes,
  ScenarioInputError,
  staffingPlan,
  type ScenarioResult,
} from './index.js';

const WD = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const WE = ['sat', 'sun'] as const;
const D_K = [
  { code: 'D', start: '07:30', end: '15:00' },
  { code: 'K', start: '15:00', end: '22:00' },
];

/** RULES.md § 8's 24-bed section: weekdays 5 D (7.5 h) + 4 K (7 h), weekends 4 D + 4 K, nights excluded. */
function section24(extra: Partial<Parameters<typeof staffingPlan>[0]> = {}) {
  return staffingPlan({
    unit: '24-sengs post',
    shiftTypes: D_K,
    demand: [
      { shift: 'D', days: [...WD], min: 5 },
      { shift: 'K', days: [...WD], min: 4 },
      { shift: 'D', days: [...WE], min: 4 },
      { shift: 'K', days: [...WE], min: 4 },
    ],
    ...extra,
  });
}

const close = (a: number, b: number, tol: number, what: string) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} ≉ ${b}`);

test('RULES § 8 worked example: Wd 327.5, We 116, Pw 8; every 3rd weekend H = 24 ≈ 52 %, every 2nd H = 16 ≈ 78 %', () => {
  const plan = section24();
  const k3 = computeScenario(plan, { weekendEvery: 3, weeklyNorm: 35.5 });
  close(k3.weekdayHours, 327.5, 1e-6, 'Wd');
  close(k3.weekendHours, 116, 1e-6, 'We');
  assert.equal(k3.weekendPersons, 8);
  assert.equal(k3.headcount, 24);
  close(k3.averageHoursPerWeek, 18.48, 0.01, 'average hours');
  close(k3.averagePositionPercent, 52, 0.1, 'average position k=3');
  // Full time for everyone would need k ≤ 443.5 / (8 × 35.5) = 1.56.
  close(k3.byCompetence[ANY].maxWeekendEveryForFullTime!, 1.56, 0.01, 'max k for full time');
  assert.equal(k3.byCompetence[ANY].boundBy, 'weekends');

  const k2 = computeScenario(plan, { weekendEvery: 2, weeklyNorm: 35.5 });
  assert.equal(k2.headcount, 16);
  close(k2.averageHoursPerWeek, 27.72, 0.01, 'average hours k=2');
  close(k2.averagePositionPercent, 78, 0.1, 'average position k=2');
});

test('RULES § 8 worked example with 12.5 h weekend long shifts: Pw = 4, We = 100, every 3rd weekend H = 12 ≈ 100 %', () => {
  const plan = section24();
  const r = computeScenario(plan, { weekendEvery: 3, weeklyNorm: 35.5, longShiftHours: 12.5 });
  assert.equal(r.longShifts, 'on');
  assert.equal(r.weekendPersons, 4);
  close(r.weekendHours, 100, 1e-6, 'We');
  assert.equal(r.headcount, 12);
  close(r.averageHoursPerWeek, 35.625, 0.001, 'average hours');
  assert.equal(r.averagePositionPercent, 100);
  assert.equal(r.fullTimeShare, 1);
  assert.deepEqual(r.byCompetence[ANY].positions, Array(12).fill(100));
  // The 1.5 h/week above 12 full-time positions is within the 0.25 h/person tolerance and said so.
  close(r.byCompetence[ANY].hoursAbovePositions, 1.5, 1e-6, 'hours above positions');
  assert.ok(r.notes.some((n) => n.code === 'aboveNorm'));
  assert.ok(r.notes.some((n) => n.code === 'longShiftHours' && n.nb.includes('116 → 100')));
  assert.equal(r.profile.longShift?.code, 'LV');
  assert.deepEqual(r.profile.converted.sort(), ['D', 'K']);

  // Every 2nd weekend with long shifts: 8 people would need 53 h a week, so the hours set the headcount.
  const k2 = computeScenario(plan, { weekendEvery: 2, weeklyNorm: 35.5, longShiftHours: 12.5 });
  assert.equal(k2.byCompetence[ANY].headcountForWeekends, 8);
  close(427.5 / 8, 53.4, 0.1, 'RULES: average 53 h');
  assert.equal(k2.byCompetence[ANY].boundBy, 'hours');
  assert.equal(k2.headcount, Math.ceil(427.5 / 35.5));
  assert.ok(k2.notes.some((n) => n.code === 'hoursBound' && n.en.includes('150.5 %')));
});

test('long shifts in hours mode keep every weekend hour: Pw = ⌈58 / 12.5⌉ = 5', () => {
  const r = computeScenario(section24(), { weekendEvery: 3, weeklyNorm: 35.5, longShiftHours: 12.5, longShiftMode: 'hours' });
  assert.equal(r.weekendPersons, 5);
  close(r.weekendHours, 2 * 5 * 12.5, 1e-6, 'We');
  assert.equal(r.headcount, 15);
});

test('long shifts off: each weekend long shift becomes one day and one evening shift', () => {
  const plan = staffingPlan({
    shiftTypes: [...D_K, { code: 'L', start: '08:00', end: '20:30' }],
    demand: [
      { shift: 'D', days: [...WD], min: 3 },
      { shift: 'K', days: [...WD], min: 2 },
      { shift: 'L', days: [...WE], min: 2 },
      { shift: 'D', days: [...WE], min: 1 },
    ],
  });
  const planned = computeScenario(plan, { weekendEvery: 3 });
  assert.equal(planned.weekendPersons, 3);
  const off = computeScenario(plan, { weekendEvery: 3, longShiftHours: 0 });
  assert.equal(off.longShifts, 'off');
  // 2 L + 1 D → 3 D + 2 K per weekend day.
  assert.equal(off.weekendPersons, 5);
  close(off.weekendHours, 2 * (3 * 7.5 + 2 * 7), 1e-6, 'We');
  assert.deepEqual(off.profile.converted, ['L']);
  // On with the same length reuses the existing long shift type.
  const on = computeScenario(plan, { weekendEvery: 3, longShiftHours: 12.5 });
  assert.equal(on.profile.longShift?.code, 'L');
  assert.equal(on.profile.longShift?.reused, true);
  assert.equal(on.weekendPersons, 3);
});

test('competence lines first, the remainder of the total line to "any"; long-shift lanes the same way', () => {
  const plan = staffingPlan({
    shiftTypes: D_K,
    demand: [
      { shift: 'D', min: 3 },
      { shift: 'D', min: 1, competence: 'sykepleier' },
      { shift: 'K', days: [...WD], min: 2 },
      { shift: 'K', days: [...WD], min: 1, competence: 'sykepleier' },
      { shift: 'K', days: [...WE], min: 1 },
    ],
  });
  const r = computeScenario(plan, { weekendEvery: 3 });
  const sp = r.byCompetence.sykepleier;
  const any = r.byCompetence[ANY];
  close(sp.weekdayHours, 5 * (7.5 + 7), 1e-6, 'nurse Wd');
  close(sp.weekendHours, 2 * 7.5, 1e-6, 'nurse We');
  assert.equal(sp.weekendPersons, 1);
  close(any.weekdayHours, 5 * (2 * 7.5 + 7), 1e-6, 'any Wd');
  close(any.weekendHours, 2 * (2 * 7.5 + 7), 1e-6, 'any We');
  assert.equal(any.weekendPersons, 3);
  assert.equal(r.headcount, sp.headcount + any.headcount);
  // Long shifts: 1 nurse lane, total lanes max(3, 1) = 3, so 2 "any" lanes.
  const lv = computeScenario(plan, { weekendEvery: 3, longShiftHours: 12.5 });
  assert.equal(lv.byCompetence.sykepleier.weekendPersons, 1);
  assert.equal(lv.byCompetence[ANY].weekendPersons, 2);
});

test('headcount bound by hours: weekends more rarely than every k-th, and the reason in numbers', () => {
  const plan = staffingPlan({
    shiftTypes: D_K,
    demand: [
      { shift: 'D', days: [...WD], min: 5 },
      { shift: 'D', days: [...WE], min: 1 },
    ],
  });
  const r = computeScenario(plan, { weekendEvery: 3 });
  const g = r.byCompetence[ANY];
  assert.equal(g.headcountForWeekends, 3);
  assert.equal(g.boundBy, 'hours');
  assert.equal(g.headcount, Math.ceil((5 * 5 * 7.5 + 2 * 7.5) / 35.5));
  assert.equal(g.effectiveWeekendEvery, g.headcount);
  assert.ok(g.positions.every((p) => p <= 100));
});

test('target level and nights: counted or left out on request', () => {
  const plan = staffingPlan({
    shiftTypes: [...D_K, { code: 'N', start: '22:00', end: '07:30' }],
    demand: [
      { shift: 'D', min: 2, target: 3 },
      { shift: 'N', min: 1 },
    ],
  });
  const min = computeScenario(plan, { weekendEvery: 3 });
  const target = computeScenario(plan, { weekendEvery: 3, level: 'target' });
  const noNights = computeScenario(plan, { weekendEvery: 3, includeNights: false });
  close(min.weekdayHours, 5 * (2 * 7.5 + 9.5), 1e-6, 'min Wd');
  close(target.weekdayHours, 5 * (3 * 7.5 + 9.5), 1e-6, 'target Wd');
  close(noNights.weekdayHours, 5 * 2 * 7.5, 1e-6, 'no nights Wd');
  // A Friday night reaches into the weekend: the night lane counts as a weekend person.
  assert.equal(min.weekendPersons, 3);
  assert.equal(noNights.weekendPersons, 2);
});

test('real hours: the night into summer time is one hour shorter (Europe/Oslo)', () => {
  // 2027-03-28 is the last Sunday of March; the night Saturday → Sunday loses an hour.
  const plan = staffingPlan({
    shiftTypes: [{ code: 'N', start: '22:00', end: '07:30' }],
    demand: [{ shift: 'N', min: 1 }],
    start: '2027-03-22',
    weeks: 2,
  });
  const p = demandProfile(plan);
  const g = p.groups[0];
  // Weekend nights (by start): Sat+Sun in each of 2 weeks, 9.5 h each but one of 8.5 h.
  close(g.weekendHours, (4 * 9.5 - 1) / 2, 1e-9, 'We');
  close(g.weekdayHours, (10 * 9.5) / 2, 1e-9, 'Wd');
});

test('annual rota: the positions carry the vacation weeks (× 52/47), the weekend headcount is unchanged', () => {
  const plan = section24();
  const rolling = computeScenario(plan, { weekendEvery: 3, weeklyNorm: 35.5 });
  const annual = computeScenario(plan, { weekendEvery: 3, weeklyNorm: 35.5, planningForm: 'annual' });
  assert.equal(annual.headcount, rolling.headcount);
  close(annual.averagePositionPercent, (rolling.averagePositionPercent * 52) / 47, 0.05, 'annual average');
  assert.ok(annual.notes.some((n) => n.code === 'annual'));
});

test('weekly norm: the plan’s fixed norm, else 35.5 up to every 3rd weekend and 37.5 (with a note) from every 4th', () => {
  const plan = section24();
  assert.equal(computeScenario(plan, { weekendEvery: 3 }).weeklyNorm, 35.5);
  const k4 = computeScenario(plan, { weekendEvery: 4 });
  assert.equal(k4.weeklyNorm, 37.5);
  assert.ok(k4.notes.some((n) => n.code === 'norm'));
  assert.equal(computeScenario(section24({ rules: { hours: { weeklyNorm: 33.6 } } }), { weekendEvery: 4 }).weeklyNorm, 33.6);
  assert.equal(computeScenario(plan, { weekendEvery: 4, weeklyNorm: 35.5 }).weeklyNorm, 35.5);
});

test('every 4th weekend with too few people: cannot be staffed, and the reason is in numbers', () => {
  const plan = PlanSchema.parse({
    ...section24(),
    employees: Array.from({ length: 24 }, (_, i) => ({ id: `e${i + 1}`, name: `Ansatt ${i + 1}`, positionPercent: 50 })),
  } satisfies PlanInput);
  const ok = computeScenario(plan, { weekendEvery: 3, weeklyNorm: 35.5 });
  assert.equal(ok.staffable, true);
  const r = computeScenario(plan, { weekendEvery: 4, weeklyNorm: 35.5 });
  assert.equal(r.staffable, false);
  assert.equal(r.headcount, 32);
  const reason = r.reasons.find((m) => m.code === 'tooFew')!;
  assert.match(reason.nb, /8 personer per helg × 4 = 32/);
  assert.match(reason.nb, /enheten har 24 – 8 for få/);
  assert.match(reason.en, /the unit has 24 – 8 too few/);
  assert.equal(r.currentStaff?.headcount, 24);
  // A headcount cap works the same way without employees.
  const capped = computeScenario(section24(), { weekendEvery: 3, maxHeadcount: 20 });
  assert.equal(capped.staffable, false);
  assert.match(capped.reasons[0].en, /needs 24 people .* the cap is 20/);
});

test('a competence short of people is named with its numbers', () => {
  const plan = PlanSchema.parse({
    ...staffingPlan({ shiftTypes: D_K, demand: [{ shift: 'D', min: 2 }, { shift: 'D', min: 1, competence: 'sykepleier' }] }),
    employees: [
      { id: 'a', name: 'A', competence: 'sykepleier', positionPercent: 100 },
      { id: 'b', name: 'B', competence: 'helsefagarbeider', positionPercent: 100 },
      { id: 'c', name: 'C', competence: 'helsefagarbeider', positionPercent: 100 },
      { id: 'd', name: 'D', positionPercent: 100 },
    ],
  } satisfies PlanInput);
  const r = computeScenario(plan, { weekendEvery: 3 });
  assert.equal(r.byCompetence.sykepleier.headcount, 3);
  assert.equal(r.byCompetence.sykepleier.currentHeadcount, 1);
  const m = r.reasons.find((x) => x.code === 'tooFewGroup')!;
  assert.match(m.nb, /sykepleier: trenger 1 per helg × hver 3\. helg = 3, enheten har 1 – 2 for få/);
});

test('bad input is refused with reasons, never a division by zero', () => {
  const plan = section24();
  const refuses = (f: () => unknown, code: string) => {
    assert.throws(f, (e: unknown) => e instanceof ScenarioInputError && e.problems.some((p) => p.code === code && p.nb.length > 0 && p.en.length > 0));
  };
  refuses(() => computeScenario(plan, { weekendEvery: 1 }), 'weekendEvery');
  refuses(() => computeScenario(plan, { weekendEvery: 0 }), 'weekendEvery');
  refuses(() => computeScenario(plan, { weekendEvery: 2.5 }), 'weekendEvery');
  refuses(() => computeScenario(plan, { weekendEvery: Number.NaN }), 'weekendEvery');
  refuses(() => computeScenario(plan, { weekendEvery: 3, weeklyNorm: 0 }), 'weeklyNorm');
  refuses(() => computeScenario(plan, { weekendEvery: 3, longShiftHours: 20 }), 'longShiftHours');
  refuses(() => computeScenario(plan, { weekendEvery: 3, longShiftHours: 15, longShiftStart: '10:00' }), 'longShiftStart');
  refuses(() => computeScenario(plan, { weekendEvery: 3, maxHeadcount: 0 }), 'maxHeadcount');
  refuses(() => computeScenario(staffingPlan({ shiftTypes: D_K, demand: [] }), { weekendEvery: 3 }), 'demand');
  refuses(() => computeScenario(staffingPlan({ shiftTypes: D_K, demand: [{ shift: 'D', min: 0 }] }), { weekendEvery: 3 }), 'demand');
  refuses(
    () => computeScenario(PlanSchema.parse({ unit: 'x', start: '2027-01-04', end: '2027-01-08', shiftTypes: D_K, employees: [], demand: [{ shift: 'D', min: 1 }] }), { weekendEvery: 3 }),
    'period',
  );
  refuses(
    // Sunday to Saturday: a week without a whole weekend.
    () => computeScenario(PlanSchema.parse({ unit: 'x', start: '2027-01-10', end: '2027-01-16', shiftTypes: D_K, employees: [], demand: [{ shift: 'D', min: 1 }] }), { weekendEvery: 3 }),
    'weekends',
  );
  refuses(() => compareScenarios(plan, []), 'count');
  refuses(() => compareScenarios(plan, [{ weekendEvery: 2 }, { weekendEvery: 3 }, { weekendEvery: 4 }, { weekendEvery: 5 }]), 'count');
});

test('weekend-only demand and weekday-only demand give finite numbers', () => {
  const weekendOnly = computeScenario(staffingPlan({ shiftTypes: D_K, demand: [{ shift: 'D', days: [...WE], min: 2 }] }), { weekendEvery: 2 });
  assert.equal(weekendOnly.headcount, 4);
  close(weekendOnly.averagePositionPercent, (2 * 2 * 7.5) / 4 / 35.5 * 100, 0.01, 'weekend-only average');
  const weekdayOnly = computeScenario(staffingPlan({ shiftTypes: D_K, demand: [{ shift: 'D', days: [...WD], min: 2 }] }), { weekendEvery: 3 });
  assert.equal(weekdayOnly.weekendPersons, 0);
  assert.equal(weekdayOnly.headcount, Math.ceil(75 / 35.5));
  assert.equal(weekdayOnly.byCompetence[ANY].maxWeekendEveryForFullTime, null);
  for (const r of [weekendOnly, weekdayOnly]) for (const v of [r.averagePositionPercent, r.fullTimeShare, r.averageHoursPerWeek]) assert.ok(Number.isFinite(v));
});

test('position sizes: sum to the hours, as many 100 % as possible, none below the weekend share', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 60 }),
      fc.double({ min: 1, max: 2500, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom(33.6, 35.5, 37.5),
      (H, hours, weShare, norm) => {
        const We = hours * weShare;
        const pos = positionSizes(hours, H, We, norm);
        assert.equal(pos.length, H);
        assert.ok(pos.every((p) => p > 0 && p <= 100));
        const covered = pos.reduce((a, b) => a + b, 0) / 100 * norm;
        if (hours <= H * norm) {
          close(covered, hours, 0.01 * H, 'sum');
          const wMin = Math.min(We / H, hours / H) / norm * 100;
          assert.ok(pos.every((p) => p >= wMin - 0.01), `${pos} ≥ ${wMin}`);
          // One more full-time position would push the rest below the weekend share.
          const full = pos.filter((p) => p === 100).length;
          // (A rest that rounds to 0.00 % counts as empty: the position sizes are given to two decimals.)
          if (full < H - 1) assert.ok((hours - (full + 1) * norm) / (H - full - 1) < (wMin / 100) * norm + 0.00005 * norm + 1e-9);
        } else assert.ok(pos.every((p) => p === 100));
      },
    ),
    // The example: hours exactly filling H − 1 positions once gave the last person 0 %.
    { numRuns: 300, examples: [[9, 268.8, 0, 33.6], [3, 75.000000001, 0, 37.5], [5, 150.00000100000003, 0, 37.5]] },
  );
});

test('shared pool: weekend needs add before rounding, the saving is shown', () => {
  const a = staffingPlan({ unit: 'A', shiftTypes: D_K, demand: [{ shift: 'D', days: [...WD], min: 1 }, { shift: 'D', days: [...WE], min: 2 }] });
  const b = staffingPlan({ unit: 'B', shiftTypes: D_K, demand: [{ shift: 'D', days: [...WD], min: 5 }, { shift: 'D', days: [...WE], min: 1 }] });
  const r = computeScenario(a, { weekendEvery: 3, pool: b });
  assert.ok(r.pool);
  assert.equal(r.pool.separateHeadcount, 12);
  assert.equal(r.pool.pooledHeadcount, 9);
  assert.equal(r.pool.headcountSaving, 3);
  assert.ok(r.pool.averagePositionGain > 20);
  assert.equal(r.unit, 'A + B');
  assert.ok(r.notes.some((n) => n.code === 'pool' && n.nb.includes('3 færre')));
  // Rounded once: long shifts in hours mode, 48 h per weekend day in each unit = 4.17 shifts → 5 + 5 apart, ⌈8.35⌉ = 9 pooled.
  const u = (unit: string) =>
    staffingPlan({ unit, shiftTypes: [{ code: 'D', start: '07:00', end: '15:00' }, { code: 'K', start: '14:00', end: '22:00' }], demand: [{ shift: 'D', min: 4 }, { shift: 'K', days: [...WE], min: 2 }, { shift: 'K', days: [...WD], min: 3 }] });
  const h = computeScenario(u('X'), { weekendEvery: 3, longShiftHours: 11.5, longShiftMode: 'hours', pool: u('Y') });
  assert.equal(h.profile.groups[0].weekendPersons, 5);
  assert.equal(h.weekendPersons, 9);
});

test('three scenarios side by side in bokmål and English', () => {
  const rs: ScenarioResult[] = compareScenarios(section24(), [
    { weekendEvery: 3, weeklyNorm: 35.5 },
    { weekendEvery: 2, weeklyNorm: 35.5 },
    { weekendEvery: 3, weeklyNorm: 35.5, longShiftHours: 12.5 },
  ]);
  const nb = formatScenarios(rs, 'nb');
  assert.match(nb, /Antall ansatte\s+24\s+16\s+12/);
  assert.match(nb, /Stillingssnitt\s+52,1 %\s+78,1 %\s+100 %/);
  assert.match(nb, /Heltidsandel \(100 %\)/);
  assert.match(nb, /10 × 100 %, 14 × 17,8 %/);
  const en = formatScenarios(rs, 'en');
  assert.match(en, /Headcount\s+24\s+16\s+12/);
  assert.match(en, /Average position\s+52.1 %\s+78.1 %\s+100 %/);
  assert.match(en, /full time for all is impossible \(needs k ≤ 1.56/);
});
