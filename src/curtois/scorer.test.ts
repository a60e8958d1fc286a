import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FREE, type Change } from '../engine/types.js';
import { loadInstance } from './files.js';
import { parseCurtois, type CurtoisInstance } from './parse.js';
import { CurtoisScorer, fromRoster, rowsFromRoster, toSolutionJson, type HardWeights } from './scorer.js';
import { mulberry32, randomInstanceText, randomRows } from './testing.js';

const REAL = [1, 2, 3].map((n) => loadInstance(n));

/** Raw change tuples; mapped onto an instance with modulo. */
const arbRawChanges = fc.oneof(
  // scattered cells
  fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 5 }),
  // a block of days for one employee (what a "change a stretch" move does)
  fc
    .tuple(fc.nat(), fc.nat(), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }))
    .map(([e, d, ss]) => ss.map((s, i) => [e, d + i, s] as [number, number, number])),
  // a swap of one day between two employees
  fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat(), fc.nat()).map(([e1, e2, d, s1, s2]) => [
    [e1, d, s1],
    [e2, d, s2],
  ] as [number, number, number][]),
);

const arbOps = fc.array(fc.record({ commit: fc.boolean(), raw: arbRawChanges }), { minLength: 1, maxLength: 40 });

const arbWeights: fc.Arbitrary<Partial<HardWeights>> = fc.oneof(
  fc.constant({}),
  fc.record({
    succession: fc.integer({ min: 0, max: 7 }),
    maxShifts: fc.integer({ min: 0, max: 7 }),
    minutes: fc.integer({ min: 0, max: 7 }),
    minutesUnit: fc.constantFrom(1, 60, 480),
    maxConsecutive: fc.integer({ min: 0, max: 7 }),
    minConsecutive: fc.integer({ min: 0, max: 7 }),
    minDaysOff: fc.integer({ min: 0, max: 7 }),
    weekends: fc.integer({ min: 0, max: 7 }),
    dayOff: fc.integer({ min: 0, max: 7 }),
  }),
);

function toChanges(inst: CurtoisInstance, raw: [number, number, number][]): Change[] {
  const E = inst.staff.length;
  const D = inst.horizon;
  const S1 = inst.shifts.length + 1;
  // s: FREE with probability ~1/3 so runs split and merge often.
  return raw.map(([e, d, s]) => [e % E, d % D, s % 3 === 0 ? FREE : (s % (S1 - 1))] as const);
}

function runOps(inst: CurtoisInstance, rows: Int16Array[], weights: Partial<HardWeights>, ops: { commit: boolean; raw: [number, number, number][] }[]) {
  const sc = new CurtoisScorer(inst, rows, { hardWeights: weights });
  assert.deepEqual(sc.score(), sc.scoreFromScratch());
  for (const op of ops) {
    const changes = toChanges(inst, op.raw);
    const before = sc.score();
    const snap = sc.snapshot();
    const predicted = sc.peekMany(changes);
    // peekMany leaves everything as it was
    assert.deepEqual(sc.score(), before);
    assert.deepEqual(sc.snapshot(), snap);
    // ... and predicts the score of the changed rota exactly
    const changed = sc.snapshot();
    for (const [e, d, s] of changes) changed[e][d] = s;
    assert.deepEqual(predicted, new CurtoisScorer(inst, changed, { hardWeights: weights }).scoreFromScratch());
    if (changes.length === 1) assert.deepEqual(sc.peek(...changes[0]), predicted);
    if (op.commit) {
      sc.setMany(changes);
      assert.deepEqual(sc.score(), predicted);
      assert.deepEqual(sc.snapshot(), changed);
    }
    assert.deepEqual(sc.score(), sc.scoreFromScratch());
  }
  let hard = 0;
  for (let e = 0; e < sc.E; e++) hard += sc.employeeScore(e).hard;
  assert.equal(hard, sc.score().hard);
}

test('property: peekMany/setMany on Instance1-3 with random rosters match scoreFromScratch after every step', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2 }), fc.integer(), fc.double({ min: 0, max: 1, noNaN: true }), arbWeights, arbOps, (k, seed, pWork, weights, ops) => {
      const inst = REAL[k];
      runOps(inst, randomRows(inst, mulberry32(seed), pWork), weights, ops);
    }),
    { numRuns: 300 },
  );
});

test('property: the same on random instances (partial weeks, zero minimums, stacked requests)', () => {
  fc.assert(
    fc.property(fc.integer(), fc.integer(), fc.double({ min: 0, max: 1, noNaN: true }), arbWeights, arbOps, (iseed, seed, pWork, weights, ops) => {
      const inst = parseCurtois(randomInstanceText(mulberry32(iseed)));
      runOps(inst, randomRows(inst, mulberry32(seed), pWork), weights, ops);
    }),
    { numRuns: 400 },
  );
});

test('long random walk on Instance 9 (600-minute shifts, 4 types) stays consistent', () => {
  const inst = loadInstance(9);
  const rnd = mulberry32(7);
  const sc = new CurtoisScorer(inst, randomRows(inst, rnd, 0.5));
  for (let i = 0; i < 5000; i++) {
    const e = Math.floor(rnd() * sc.E);
    const d = Math.floor(rnd() * sc.D);
    const s = Math.floor(rnd() * (sc.S + 1)) - 1;
    const p = sc.peek(e, d, s);
    if (rnd() < 0.3) {
      sc.set(e, d, s);
      assert.deepEqual(sc.score(), p);
    }
    if (i % 500 === 0) sc.assertConsistent();
  }
  sc.assertConsistent();
});

// A 14-day, one-employee instance to pin the border rules and the hard magnitudes.
function single(staff: string, extra: { daysOff?: string; forbid?: string } = {}): CurtoisInstance {
  const text = [
    'SECTION_HORIZON',
    '14',
    '',
    'SECTION_SHIFTS',
    `D,480,${extra.forbid ?? ''}`,
    'N,600,',
    '',
    'SECTION_STAFF',
    staff,
    '',
    'SECTION_DAYS_OFF',
    ...(extra.daysOff ? [extra.daysOff] : []),
    '',
    'SECTION_SHIFT_ON_REQUESTS',
    '',
    'SECTION_SHIFT_OFF_REQUESTS',
    '',
    'SECTION_COVER',
    ...Array.from({ length: 14 }, (_, d) => [`${d},D,0,100,1`, `${d},N,0,100,1`]).flat(),
  ].join('\n');
  return parseCurtois(text);
}

/** Row from a string: '.' off, 'D', 'N'. */
const row = (s: string) => Int16Array.from(s, (c) => (c === '.' ? FREE : c === 'D' ? 0 : 1));

test('border rules: short runs at the border are exempt from the minimums, not from the maximum', () => {
  const inst = single('A,D=14|N=14,100000,0,3,2,2,5');
  const b = (r: string) => new CurtoisScorer(inst, [row(r)]).breakdown();
  //            days 0123456789abcd
  // off run of 1 on day 0 and work run of 1 on day 13: both exempt
  assert.deepEqual(pick(b('.DD..DD..DD..D')), { maxConsecutive: 0, minConsecutive: 0, minDaysOff: 0 });
  // inner work run of 1 (day 4) and inner off run of 1 (day 8)
  assert.deepEqual(pick(b('DD..D..DD.DD..')), { maxConsecutive: 0, minConsecutive: 1, minDaysOff: 1 });
  // a work run of 5 touching day 0 still breaks MaxConsecutiveShifts 3 by 2 days
  assert.deepEqual(pick(b('DDDDD..DDD....')), { maxConsecutive: 2, minConsecutive: 0, minDaysOff: 0 });
  // all off: one border run, nothing
  assert.deepEqual(pick(b('..............')), { maxConsecutive: 0, minConsecutive: 0, minDaysOff: 0 });
  // all work: one border run of 14, 11 over the maximum
  assert.deepEqual(pick(b('DDDDDDDDDDDDDD')), { maxConsecutive: 11, minConsecutive: 0, minDaysOff: 0 });
  // the minimum-off shortfall is measured in days: MinConsecutiveDaysOff 4, inner off run of 1 -> 3
  const inst4 = single('A,D=14|N=14,100000,0,3,2,4,5');
  assert.equal(new CurtoisScorer(inst4, [row('DD.DD.........')]).breakdown().minDaysOff, 3);
});

function pick(b: { maxConsecutive: number; minConsecutive: number; minDaysOff: number }) {
  return { maxConsecutive: b.maxConsecutive, minConsecutive: b.minConsecutive, minDaysOff: b.minDaysOff };
}

test('hard magnitudes: successions, max shifts, minutes in started hours, weekends, fixed days off', () => {
  // MaxShifts D=2, N=1; minutes in [3000, 3600]; max 5 in a row; MaxWeekends 1; day 3 fixed off; N may not follow D.
  const inst = single('A,D=2|N=1,3600,3000,5,1,1,1', { daysOff: 'A,3', forbid: 'N' });
  //                                          0123456789abcd
  const sc = new CurtoisScorer(inst, [row('DN.DD.NN....D.')]);
  // D on 0,3,4,12 (4 > 2: +2), N on 1,6,7 (3 > 1: +2); D->N on days 0-1; work on fixed day 3;
  // weekends: days 5/6 (N on 6) and 12/13 (D on 12) = 2 > 1; minutes 4*480 + 3*600 = 3720 -> 120 over = 2 units
  const b = sc.breakdown();
  assert.deepEqual(
    [b.succession, b.maxShifts, b.minutes, b.weekends, b.dayOff, b.maxConsecutive, b.minConsecutive, b.minDaysOff],
    [1, 4, 2, 1, 1, 0, 0, 0],
  );
  assert.equal(sc.score().hard, 9);
  assert.ok(sc.isFixed(0, 3));
  assert.ok(!sc.isFixed(0, 4));
  // weights multiply the magnitudes
  const w = new CurtoisScorer(inst, [row('DN.DD.NN....D.')], {
    hardWeights: { succession: 1000, maxShifts: 100, minutes: 10, weekends: 10000, dayOff: 100000 },
  });
  assert.equal(w.score().hard, 1000 + 400 + 20 + 10000 + 100000);
  // under the minimum: 1 D shift = 480 min, 2520 short = 42 hours
  assert.equal(new CurtoisScorer(inst, [row('D.............')]).breakdown().minutes, 42);
});

test('isFixed and canWork on Instance24', () => {
  const inst = loadInstance(24);
  const sc = new CurtoisScorer(inst);
  let fixed = 0;
  for (let e = 0; e < sc.E; e++) for (let d = 0; d < sc.D; d++) if (sc.isFixed(e, d)) fixed++;
  assert.equal(fixed, 5400);
  let cannot = 0;
  for (let e = 0; e < sc.E; e++) for (let s = 0; s < sc.S; s++) if (!sc.canWork(e, s)) cannot++;
  assert.equal(cannot, 1631);
  // empty roster: no request met, all demand uncovered
  const on = inst.onRequests.reduce((a, r) => a + r.weight, 0);
  assert.equal(sc.score().soft, on + 100 * 22590);
});

test('solution JSON round trip and strict loading', () => {
  const inst = REAL[2];
  const rows = randomRows(inst, mulberry32(3), 0.5);
  const json = toSolutionJson(inst, rows);
  assert.equal(Object.keys(json.roster).length, 20);
  assert.equal(json.roster.A.length, 14);
  assert.deepEqual(rowsFromRoster(inst, JSON.parse(JSON.stringify(json))), rows);
  assert.deepEqual(rowsFromRoster(inst, json.roster), rows);
  assert.deepEqual(fromRoster(inst, json).score(), new CurtoisScorer(inst, rows).score());
  const bad = (patch: Record<string, unknown>) => () => rowsFromRoster(inst, { roster: { ...json.roster, ...patch } } as never);
  assert.throws(bad({ ZZ: json.roster.A }), /unknown staff ID "ZZ"/);
  assert.throws(bad({ A: json.roster.A.slice(1) }), /has 13 days/);
  assert.throws(bad({ A: ['X', ...json.roster.A.slice(1)] }), /day 0: unknown shift "X"/);
  assert.throws(bad({ A: undefined }), /no entry for staff "A"/);
  assert.throws(() => new CurtoisScorer(inst, rows.slice(1)), /expected 20 rows/);
});
