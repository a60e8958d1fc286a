import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { instancePath, loadBestKnown, loadInstance } from './files.js';
import { parseCurtois } from './parse.js';

// FORMAT.md section 7: instance, days, staff, shift types, fixed days off, on-requests,
// off-requests, zero-demand cover rows, total demand.
const TABLE = [
  [1, 14, 8, 1, 8, 21, 5, 0, 71],
  [2, 14, 14, 2, 14, 50, 12, 0, 108],
  [3, 14, 20, 3, 20, 39, 25, 0, 154],
  [4, 28, 10, 2, 20, 52, 19, 0, 182],
  [5, 28, 16, 2, 32, 79, 27, 0, 288],
  [6, 28, 18, 3, 36, 87, 48, 0, 299],
  [7, 28, 20, 3, 40, 104, 64, 0, 315],
  [8, 28, 30, 4, 60, 139, 86, 0, 482],
  [9, 28, 36, 4, 72, 144, 88, 0, 410],
  [10, 28, 40, 5, 80, 210, 74, 0, 693],
  [11, 28, 50, 6, 100, 197, 139, 0, 811],
  [12, 28, 60, 10, 120, 294, 128, 0, 1007],
  [13, 28, 120, 18, 240, 589, 252, 0, 1737],
  [14, 42, 32, 4, 128, 266, 93, 0, 692],
  [15, 42, 45, 6, 180, 350, 140, 10, 941],
  [16, 56, 20, 3, 120, 177, 103, 0, 671],
  [17, 56, 32, 4, 160, 351, 129, 0, 1088],
  [18, 84, 22, 3, 176, 322, 92, 0, 1116],
  [19, 84, 40, 5, 320, 587, 247, 0, 1857],
  [20, 182, 50, 6, 900, 1665, 653, 0, 4468],
  [21, 182, 100, 8, 1800, 3210, 1492, 0, 8718],
  [22, 364, 50, 10, 1800, 3253, 1385, 0, 9633],
  [23, 364, 100, 16, 3600, 6549, 2861, 0, 16079],
  [24, 364, 150, 32, 5400, 9540, 4269, 1020, 22590],
] as const;

test('parses all 24 instances with the sizes of FORMAT.md section 7', () => {
  for (const [n, days, staff, shifts, fixedOff, on, off, zeroCover, demand] of TABLE) {
    const inst = loadInstance(n);
    const got = [
      inst.horizon,
      inst.staff.length,
      inst.shifts.length,
      inst.staff.reduce((a, s) => a + s.daysOff.length, 0),
      inst.onRequests.length,
      inst.offRequests.length,
      inst.cover.flat().filter((c) => c.requirement === 0).length,
      inst.cover.flat().reduce((a, c) => a + c.requirement, 0),
    ];
    assert.deepEqual(got, [days, staff, shifts, fixedOff, on, off, zeroCover, demand], `Instance${n}`);
    assert.equal(inst.cover.length, days);
    for (const row of inst.cover) {
      assert.equal(row.length, shifts);
      for (const c of row) assert.deepEqual([c.weightUnder, c.weightOver], [100, 1]);
    }
    for (const st of inst.staff) assert.equal(st.maxShifts.length, shifts);
  }
});

test('Instance1 in detail', () => {
  const inst = loadInstance(1);
  assert.equal(inst.horizon, 14);
  assert.deepEqual(inst.shifts, [{ index: 0, id: 'D', length: 480, forbiddenNext: [] }]);
  assert.deepEqual(
    inst.staff.map((s) => s.id),
    ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'],
  );
  assert.deepEqual(inst.staff[0], {
    index: 0,
    id: 'A',
    maxShifts: [14],
    maxTotalMinutes: 4320,
    minTotalMinutes: 3360,
    maxConsecutiveShifts: 5,
    minConsecutiveShifts: 2,
    minConsecutiveDaysOff: 2,
    maxWeekends: 1,
    daysOff: [0],
  });
  assert.deepEqual(
    inst.staff.map((s) => s.daysOff),
    [[0], [5], [8], [2], [9], [5], [1], [7]],
  );
  assert.deepEqual(inst.onRequests[0], { employee: 0, day: 2, shift: 0, weight: 2 });
  assert.deepEqual(inst.offRequests.at(-1), { employee: 7, day: 3, shift: 0, weight: 3 });
  assert.deepEqual(
    inst.cover.map((r) => r[0].requirement),
    [5, 7, 6, 4, 5, 5, 5, 6, 7, 4, 2, 5, 6, 4],
  );
});

test('Instance24: 364 days, 150 staff, 32 shift types, forward references in ForbiddenNext', () => {
  const inst = loadInstance(24);
  assert.deepEqual([inst.horizon, inst.staff.length, inst.shifts.length], [364, 150, 32]);
  const a4 = inst.shifts.find((s) => s.id === 'a4')!;
  assert.equal(a4.length, 720);
  assert.ok(a4.forbiddenNext.includes(inst.shifts.findIndex((s) => s.id === 'd8')), 'a4 forbids d8 (defined later)');
  assert.equal(inst.staff.reduce((a, s) => a + s.maxShifts.filter((m) => m === 0).length, 0), 1631);
});

test('Instance15 writes two zero requirements as "-0"; they parse as 0', () => {
  const inst = loadInstance(15);
  const d = inst.cover[41][inst.shifts.findIndex((s) => s.id === 'D')];
  assert.ok(Object.is(d.requirement, 0));
});

test('LF line endings parse the same as CRLF', () => {
  const text = readFileSync(instancePath(3), 'utf8');
  assert.ok(text.includes('\r\n'));
  assert.deepEqual(parseCurtois(text.replace(/\r\n/g, '\n')), parseCurtois(text));
});

test('best-known.csv is readable', () => {
  const bk = loadBestKnown();
  assert.equal(bk.size, 24);
  assert.equal(bk.get('Instance1')?.bestKnownUpper, 607);
});

const SMALL = [
  'SECTION_HORIZON',
  '7',
  '',
  'SECTION_SHIFTS',
  'D,480,',
  'N,600,D',
  '',
  'SECTION_STAFF',
  'A,D=7|N=3,3000,0,5,1,1,1',
  '',
  'SECTION_DAYS_OFF',
  'A,2',
  '',
  'SECTION_SHIFT_ON_REQUESTS',
  'A,1,D,2',
  '',
  'SECTION_SHIFT_OFF_REQUESTS',
  '',
  'SECTION_COVER',
  ...Array.from({ length: 7 }, (_, d) => [`${d},D,1,100,1`, `${d},N,0,100,1`]).flat(),
  '',
];

test('a small hand-written instance', () => {
  const inst = parseCurtois(SMALL.join('\r\n'));
  assert.equal(inst.horizon, 7);
  assert.deepEqual(inst.shifts[1], { index: 1, id: 'N', length: 600, forbiddenNext: [0] });
  assert.deepEqual(inst.staff[0].maxShifts, [7, 3]);
  assert.deepEqual(inst.offRequests, []);
});

test('malformed input throws with the line number and the reason', () => {
  const mutate = (lineIdx: number, text: string | null) => {
    const lines = SMALL.slice();
    if (text === null) lines.splice(lineIdx, 1);
    else lines[lineIdx] = text;
    return () => parseCurtois(lines.join('\n'));
  };
  // SMALL indices are 0-based; messages use 1-based line numbers.
  assert.throws(mutate(1, 'x'), /^Error: line 2: horizon must be an integer/);
  assert.throws(mutate(5, 'N,600,Q'), /^Error: line 6: unknown shift ID "Q"/);
  assert.throws(mutate(5, 'N,600'), /^Error: line 6: shift record needs 3/);
  assert.throws(mutate(8, 'A,D=7,3000,0,5,1,1,1'), /^Error: line 9: MaxShifts has no entry for shift "N"/);
  assert.throws(mutate(8, 'A,D=7|N=-3,3000,0,5,1,1,1'), /^Error: line 9: MaxShifts for N must be >= 0/);
  assert.throws(mutate(11, 'A,7'), /^Error: line 12: day 7 is outside the horizon/);
  assert.throws(mutate(11, 'Z,1'), /^Error: line 12: unknown staff ID "Z"/);
  assert.throws(mutate(14, 'A,1,D'), /^Error: line 15: request record needs 4/);
  assert.throws(mutate(14, 'A,1,D,two'), /^Error: line 15: request weight must be an integer/);
  assert.throws(mutate(20, '0,D,1,100,1'), /^Error: line 21: duplicate cover row for day 0, shift "D"/);
  assert.throws(mutate(20, null), /no cover row for day 0, shift "N"/);
  assert.throws(mutate(3, 'SECTION_STAFF'), /^Error: line 4: SECTION_STAFF out of order; expected SECTION_SHIFTS/);
  assert.throws(mutate(3, 'SECTION_FOO'), /^Error: line 4: unknown section/);
  assert.throws(mutate(18, ''), /^Error: line 20: record outside a section/);
  assert.throws(() => parseCurtois(SMALL.slice(0, 17).join('\n')), /missing SECTION_COVER/);
  assert.throws(mutate(9, 'A,D=7|N=3,3000,0,5,1,1,1'), /^Error: line 10: duplicate staff ID "A"/);
});
