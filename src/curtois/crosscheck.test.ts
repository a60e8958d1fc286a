/**
 * Cross-validation of CurtoisScorer against the independent checker in
 * tools/curtois-check/check.mjs (own parser, own evaluation, no shared code), plus a roster for
 * Instance1 built and scored by hand.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FREE, type Change } from '../engine/types.js';
import { instancePath, loadInstance, repoRoot } from './files.js';
import { CurtoisScorer, fromRoster, toSolutionJson, type CurtoisBreakdown } from './scorer.js';
import { mulberry32, randomRows } from './testing.js';

interface Violation {
  constraint: string;
  employee: string;
  days: number[];
  detail: string;
}
interface CheckResult {
  objective: number;
  parts: { onRequests: number; offRequests: number; coverUnder: number; coverOver: number };
  feasible: boolean;
  violations: Violation[];
}
interface Checker {
  parseInstance(text: string): unknown;
  parseSolution(instance: unknown, json: unknown): unknown;
  evaluate(instance: unknown, assignment: unknown): CheckResult;
}

const CHECKER = join(repoRoot, 'tools', 'curtois-check', 'check.mjs');
const checker = (await import(pathToFileURL(CHECKER).href)) as Checker;
const checkerInstances = new Map<number, unknown>();
function check(n: number, solution: unknown): CheckResult {
  if (!checkerInstances.has(n)) checkerInstances.set(n, checker.parseInstance(readFileSync(instancePath(n), 'utf8')));
  const inst = checkerInstances.get(n);
  return checker.evaluate(inst, checker.parseSolution(inst, JSON.parse(JSON.stringify(solution))));
}

/** Scorer breakdown keys and the checker's constraint names. */
const MAP: [keyof CurtoisBreakdown, string[]][] = [
  ['succession', ['forbidden-succession']],
  ['maxShifts', ['max-shifts']],
  ['minutes', ['max-total-minutes', 'min-total-minutes']],
  ['maxConsecutive', ['max-consecutive-shifts']],
  ['minConsecutive', ['min-consecutive-shifts']],
  ['minDaysOff', ['min-consecutive-days-off']],
  ['weekends', ['max-weekends']],
  ['dayOff', ['day-off']],
];

let feasibleSeen = 0;
let infeasibleSeen = 0;

function compare(n: number, sc: CurtoisScorer, label: string) {
  const r = check(n, toSolutionJson(sc.instance, sc.snapshot()));
  const score = sc.score();
  assert.equal(score.soft, r.objective, `${label}: soft vs checker objective`);
  assert.equal(score.hard === 0, r.feasible, `${label}: hard ${score.hard} vs checker ${r.violations.length} violations`);
  const b = sc.breakdown();
  assert.deepEqual([b.onRequests, b.offRequests, b.coverUnder, b.coverOver], [r.parts.onRequests, r.parts.offRequests, r.parts.coverUnder, r.parts.coverOver], label);
  for (const [key, names] of MAP) {
    const count = r.violations.filter((v) => names.includes(v.constraint)).length;
    assert.equal(b[key] > 0, count > 0, `${label}: ${key} = ${b[key]} vs ${count} checker violations`);
  }
  // one violation per pair / per worked fixed day in both
  assert.equal(b.succession, r.violations.filter((v) => v.constraint === 'forbidden-succession').length, label);
  assert.equal(b.dayOff, r.violations.filter((v) => v.constraint === 'day-off').length, label);
  if (r.feasible) feasibleSeen++;
  else infeasibleSeen++;
}

/**
 * Random rosters (fixed days off cleared, as a search would), then a crude annealing on the
 * score with single-cell, two-day-block and clear-a-weekend moves, comparing with the checker
 * along the way: visits infeasible and feasible rosters.
 */
function walk(n: number, seed: number, steps: number, samples: number) {
  const inst = loadInstance(n);
  const rnd = mulberry32(seed);
  const rows = randomRows(inst, rnd, 0.2 + 0.6 * rnd());
  for (const st of inst.staff) for (const d of st.daysOff) rows[st.index][d] = FREE;
  const sc = new CurtoisScorer(inst, rows);
  compare(n, sc, `Instance${n} seed ${seed} start`);
  const pick = () => (rnd() < 0.4 ? FREE : Math.floor(rnd() * sc.S));
  for (let i = 1; i <= steps; i++) {
    const T = 1.5 * Math.pow(0.01 / 1.5, i / steps);
    const e = Math.floor(rnd() * sc.E);
    const d = Math.floor(rnd() * sc.D);
    const kind = rnd();
    let changes: Change[];
    if (kind < 0.6) changes = [[e, d, pick()]];
    else if (kind < 0.85) {
      const s = pick();
      changes = d + 1 < sc.D ? [[e, d, s], [e, d + 1, s]] : [[e, d, s]];
    } else {
      const sat = d - (d % 7) + 5;
      changes = sat + 1 < sc.D ? [[e, sat, FREE], [e, sat + 1, FREE]] : [[e, d, pick()]];
    }
    if (changes.some(([ce, cd, cs]) => sc.isFixed(ce, cd) || (cs !== FREE && !sc.canWork(ce, cs)))) continue;
    const cur = sc.score();
    const p = sc.peekMany(changes);
    const dh = p.hard - cur.hard;
    const ds = p.soft - cur.soft;
    if (dh < 0 || (dh === 0 && (ds <= 0 || rnd() < Math.exp(-ds / (100 * T)))) || (dh > 0 && rnd() < Math.exp(-dh / T))) sc.setMany(changes);
    if (i % Math.ceil(steps / samples) === 0) compare(n, sc, `Instance${n} seed ${seed} step ${i}`);
  }
}

test('CurtoisScorer agrees with the independent checker on random and descended rosters', () => {
  for (const n of [1, 2, 3, 4, 7]) for (let seed = 1; seed <= 4; seed++) walk(n, seed * 101 + n, 40000, 20);
  walk(9, 9, 60000, 15); // 600-minute shifts
  walk(15, 15, 60000, 15); // 720-minute shifts, zero-demand cover rows
  assert.ok(feasibleSeen >= 20, `only ${feasibleSeen} feasible rosters compared`);
  assert.ok(infeasibleSeen >= 20, `only ${infeasibleSeen} infeasible rosters compared`);
});

test('CurtoisScorer agrees with the checker on Instance24 (random rosters)', () => {
  const inst = loadInstance(24);
  for (const p of [0, 0.3, 0.9]) {
    const sc = new CurtoisScorer(inst, randomRows(inst, mulberry32(24), p));
    compare(24, sc, `Instance24 p=${p}`);
  }
});

// ---------------------------------------------------------------- Instance1 by hand

// Days 0..13, day 0 a Monday; W = D shift, . = off. Weekends are days 5/6 and 12/13.
// Fixed days off: A0 B5 C8 D2 E9 F5 G1 H7 (all respected).
const HAND: Record<string, string> = {
  //   0123456789abcd
  A: '..WWWWW..WWW..', // runs: off 2 (border), W5, off2, W3, off2 (border); 8 shifts; weekend 1
  B: 'WWWWW..WW...WW', // W5 (border), off2, W2, off3, W2 (border); 9 shifts; weekend 2
  C: '..WWWWW...WW..', // off2 (b), W5, off3, W2, off2 (b); 7 shifts; weekend 1
  D: 'WW..WWWWW.....', // W2 (b), off2, W5, off5 (b); 7 shifts; weekend 1
  E: 'WWW..WWWW.....', // W3 (b), off2, W4, off5 (b); 7 shifts; weekend 1
  F: 'WWWW.....WWWWW', // W4 (b), off5, W5 (b); 9 shifts; weekend 2
  G: '..WWW..WW..WWW', // off2 (b), W3, off2, W2, off2, W3 (b); 8 shifts; weekend 2
  H: 'WW.......WWWWW', // W2 (b), off7, W5 (b); 7 shifts; weekend 2
};
// Every employee: 7..9 shifts = 3360..4320 minutes; runs of work 2..5 (border runs only
// checked against 5); inner off runs >= 2; one working weekend. So the roster is feasible.
//
// Staff per day and cover requirement (Instance1 SECTION_COVER):
//   day        0  1  2  3  4  5  6  7  8  9 10 11 12 13
//   working    5  5  6  5  5  4  4  4  4  3  4  5  4  4
//   required   5  7  6  4  5  5  5  6  7  4  2  5  6  4
//   under         2           1  1  2  3  1        2      = 12 x 100 = 1200
//   over                1                    2           =  3 x 1   =    3
// On-requests: A2,A3 worked; B0-4 worked; C0,C1 off (weight 1 each) = 2; C2-4 worked;
//   D8 worked, D9 off (weight 2) = 2; F0,F1 worked; H9-13 worked.          total 4
// Off-requests: C12,C13 off; F8 off; H2,H3 off.                           total 0
// Penalty = 1200 + 3 + 4 + 0 = 1207.
const HAND_PENALTY = 1207;

function handSolution(rows: Record<string, string> = HAND) {
  return { roster: Object.fromEntries(Object.entries(rows).map(([id, r]) => [id, [...r].map((c) => (c === 'W' ? 'D' : null))])) };
}

test('Instance1: a hand-built feasible roster has the hand-computed penalty 1207', () => {
  const inst = loadInstance(1);
  const sc = fromRoster(inst, handSolution());
  assert.deepEqual(sc.score(), { hard: 0, soft: HAND_PENALTY });
  const b = sc.breakdown();
  assert.deepEqual([b.coverUnder, b.coverOver, b.onRequests, b.offRequests], [1200, 3, 4, 0]);
  const r = check(1, handSolution());
  assert.equal(r.objective, HAND_PENALTY);
  assert.deepEqual(r.violations, []);
});

test('Instance1: working H on fixed day off 7 breaks three rules, seen by both', () => {
  const rows = { ...HAND, H: 'WW.....W.WWWWW' };
  // H now: off run 2-6 (5 days), work run [7] (1 < 2), off run [8] (1 < 2), day 7 fixed off.
  const sc = fromRoster(loadInstance(1), handSolution(rows));
  assert.equal(sc.score().hard, 3);
  // day 7: 5 working (req 6) -> under 1 instead of 2: -100; H's on/off requests unchanged.
  assert.equal(sc.score().soft, HAND_PENALTY - 100);
  const r = check(1, handSolution(rows));
  assert.equal(r.objective, HAND_PENALTY - 100);
  assert.deepEqual(
    r.violations.map((v) => [v.constraint, v.employee, v.days]),
    [
      ['min-consecutive-shifts', 'H', [7]],
      ['min-consecutive-days-off', 'H', [8]],
      ['day-off', 'H', [7]],
    ],
  );
});

// ---------------------------------------------------------------- the checker's CLI

test('checker CLI: exit 0 / 1 / 2, text and --json output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'curtois-check-'));
  const good = join(dir, 'good.json');
  const bad = join(dir, 'bad.json');
  const broken = join(dir, 'broken.json');
  writeFileSync(good, JSON.stringify(handSolution()));
  writeFileSync(bad, JSON.stringify(handSolution({ ...HAND, H: 'WW.....W.WWWWW' })));
  writeFileSync(broken, JSON.stringify({ roster: { ...handSolution().roster, A: ['X'] } }));
  const run = (...args: string[]) => spawnSync(process.execPath, [CHECKER, ...args], { encoding: 'utf8' });

  const ok = run(instancePath(1), good);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /objective \(penalty\): 1207/);
  assert.match(ok.stdout, /hard violations: 0/);
  assert.match(ok.stdout, /FEASIBLE/);

  const infeasible = run(instancePath(1), bad, '--json');
  assert.equal(infeasible.status, 1, infeasible.stderr);
  const out = JSON.parse(infeasible.stdout);
  assert.equal(out.objective, 1107);
  assert.equal(out.feasible, false);
  assert.equal(out.violationCount, 3);
  assert.deepEqual(out.violations[2], { constraint: 'day-off', employee: 'H', days: [7], detail: 'works D on a fixed day off' });

  assert.equal(run(instancePath(1), broken).status, 2);
  assert.equal(run(instancePath(1)).status, 2);
  assert.equal(run(join(dir, 'missing.txt'), good).status, 2);
  const wrongInstance = run(instancePath(2), good);
  assert.equal(wrongInstance.status, 2);
  assert.match(wrongInstance.stderr, /not a shift ID|unknown staff ID|missing roster/);
});
