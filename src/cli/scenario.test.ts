import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type Io } from './main.js';
import { parseVs } from './scenario.js';

const dir = mkdtempSync(join(tmpdir(), 'bemanna-scenario-'));
const file = (name: string, content: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return p;
};
const WD = ['mon', 'tue', 'wed', 'thu', 'fri'];
const WE = ['sat', 'sun'];
const SHIFTS = [
  { code: 'D', start: '07:30', end: '15:00' },
  { code: 'K', start: '15:00', end: '22:00' },
];
/** RULES § 8's 24-bed section. */
const section = {
  unit: '24-sengs post',
  start: '2027-01-04',
  end: '2027-01-31',
  shiftTypes: SHIFTS,
  employees: [],
  demand: [
    { shift: 'D', days: WD, min: 5 },
    { shift: 'K', days: WD, min: 4 },
    { shift: 'D', days: WE, min: 4 },
    { shift: 'K', days: WE, min: 4 },
  ],
};
const small = {
  unit: 'Lille bofellesskap',
  start: '2027-01-04',
  end: '2027-01-31',
  shiftTypes: SHIFTS,
  employees: [],
  demand: [
    { shift: 'D', days: WD, min: 2 },
    { shift: 'D', min: 1, competence: 'vernepleier' },
    { shift: 'K', days: WD, min: 2 },
    { shift: 'D', days: WE, min: 1 },
    { shift: 'K', days: WE, min: 1 },
  ],
};

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s) };
}

test('scenario --json: headcount, average position, full-time share and byCompetence', async () => {
  const io = capture();
  const code = await main(['scenario', file('section.json', section), '--weekend-every', '3', '--norm', '35.5', '--json'], io);
  assert.equal(code, 0, io.stderr.join('\n'));
  const out = JSON.parse(io.stdout.join('\n'));
  assert.equal(out.headcount, 24);
  assert.ok(Math.abs(out.averagePositionPercent - 52.06) < 0.01);
  assert.ok(Math.abs(out.fullTimeShare - 10 / 24) < 0.001);
  assert.equal(out.byCompetence.any.headcount, 24);
  assert.equal(out.byCompetence.any.weekendPersons, 8);
  assert.equal(out.byCompetence.any.positions.length, 24);
  assert.deepEqual(Object.keys(out).slice(0, 4), ['headcount', 'averagePositionPercent', 'fullTimeShare', 'byCompetence']);
  assert.equal(out.staffable, true);

  const io2 = capture();
  await main(['scenario', file('section.json', section), '--weekend-every', '3', '--long-shift-hours', '12.5', '--norm', '35.5', '--json'], io2);
  const lv = JSON.parse(io2.stdout.join('\n'));
  assert.equal(lv.headcount, 12);
  assert.equal(lv.averagePositionPercent, 100);
  assert.equal(lv.fullTimeShare, 1);
  assert.equal(lv.weekendPersons, 4);
});

test('scenario: three scenarios side by side in text, bokmål by default, English on request', async () => {
  const io = capture();
  const code = await main(['scenario', file('section.json', section), '--weekend-every', '3', '--norm', '35.5', '--vs', 'every=2', '--vs', 'long=12.5'], io);
  assert.equal(code, 0, io.stderr.join('\n'));
  const text = io.stdout.join('\n');
  assert.match(text, /Antall ansatte\s+24\s+16\s+12/);
  assert.match(text, /Stillingssnitt\s+52,1 %\s+78,1 %\s+100 %/);
  assert.match(text, /Heltidsandel \(≥ 80 %\)/);
  const en = capture();
  await main(['scenario', file('section.json', section), '--weekend-every', '2', '--lang', 'en'], en);
  assert.match(en.stdout.join('\n'), /Headcount\s+16/);
});

test('scenario: a scenario that cannot be staffed exits 1 with the reason in numbers', async () => {
  const staffed = { ...section, employees: Array.from({ length: 24 }, (_, i) => ({ id: `e${i + 1}`, name: `Ansatt ${i + 1}`, positionPercent: 50 })) };
  const io = capture();
  const code = await main(['scenario', file('staffed.json', staffed), '--weekend-every', '4', '--norm', '35.5'], io);
  assert.equal(code, 1);
  const text = io.stdout.join('\n');
  assert.match(text, /Kan bemannes\s+NEI/);
  assert.match(text, /KAN IKKE: Hver 4\. helg: 8 personer per helg × 4 = 32 trengs.*enheten har 24 – 8 for få/);
  const js = capture();
  assert.equal(await main(['scenario', file('staffed.json', staffed), '--weekend-every', '4', '--json', '--lang', 'en'], js), 1);
  const out = JSON.parse(js.stdout.join('\n'));
  assert.equal(out.staffable, false);
  assert.match(out.reasons.join(' '), /the unit has 24 – 8 too few/);
  const cap = capture();
  assert.equal(await main(['scenario', file('section.json', section), '--weekend-every', '3', '--max-headcount', '20'], cap), 1);
  assert.match(cap.stdout.join('\n'), /taket er 20/);
});

test('scenario: bad input exits 2 with a reason, never an empty page', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['scenario'], /Mangler planfil/],
    [['scenario', file('section.json', section)], /Mangler --weekend-every/],
    [['scenario', file('section.json', section), '--weekend-every', 'tre'], /ikke et tall/],
    [['scenario', file('section.json', section), '--weekend-every', '1'], /AML § 10-8 \(4\)/],
    [['scenario', file('section.json', section), '--weekend-every', '3', '--long-shift-hours', '20'], /mellom 8 og 16 timer/],
    [['scenario', file('section.json', section), '--weekend-every', '3', '--form', 'weekly'], /rolling\|annual/],
    [['scenario', file('section.json', section), '--weekend-every', '3', '--vs', 'every=2', '--vs', 'every=4', '--vs', 'every=5'], /høyst tre scenarier/],
    [['scenario', file('section.json', section), '--weekend-every', '3', '--vs', 'speed=2'], /ukjent nøkkel/],
    [['scenario', file('nodemand.json', { ...section, demand: [] }), '--weekend-every', '3'], /ingen bemanningsplan/],
    [['scenario', file('bad.json', '{ "unit": '), '--weekend-every', '3'], /ugyldig JSON/],
    [['scenario', join(dir, 'missing.json'), '--weekend-every', '3'], /kan ikke lese filen/],
    [['scenario', file('section.json', section), '--weekend-every', '3', '--bogus'], /bogus/],
  ];
  for (const [args, re] of cases) {
    const io = capture();
    const code = await main(args, io);
    assert.equal(code, 2, `${args.join(' ')} → ${code}`);
    assert.match(io.stderr.join('\n'), re, args.join(' '));
  }
  const js = capture();
  assert.equal(await main(['scenario', file('nodemand.json', { ...section, demand: [] }), '--weekend-every', '3', '--json'], js), 2);
  assert.match(JSON.parse(js.stdout.join('\n')).errors[0], /ingen bemanningsplan/);
});

test('scenario --pool: the shared pool and its saving', async () => {
  const a = { ...section, unit: 'A', demand: [{ shift: 'D', days: WD, min: 1 }, { shift: 'D', days: WE, min: 2 }] };
  const b = { ...section, unit: 'B', demand: [{ shift: 'D', days: WD, min: 5 }, { shift: 'D', days: WE, min: 1 }] };
  const io = capture();
  assert.equal(await main(['scenario', file('a.json', a), '--weekend-every', '3', '--pool', file('b.json', b), '--json'], io), 0);
  const out = JSON.parse(io.stdout.join('\n'));
  assert.equal(out.headcount, 9);
  assert.equal(out.pool.separateHeadcount, 12);
  assert.equal(out.pool.headcountSaving, 3);
});

test('scenario --prove: a rota generated for the scenario, demand met and rules kept', async () => {
  const io = capture();
  const code = await main(['scenario', file('small.json', small), '--weekend-every', '3', '--prove', '--seconds', '2', '--json'], io);
  const out = JSON.parse(io.stdout.join('\n'));
  assert.equal(code, 0, JSON.stringify(out.proof?.summary));
  assert.equal(out.proof.proven, true);
  assert.equal(out.proof.demandMet, true);
  assert.equal(out.proof.hardCount, 0);
  assert.equal(out.proof.people.length, out.headcount);
  const txt = capture();
  assert.equal(await main(['scenario', file('small.json', small), '--weekend-every', '3', '--prove', '--seconds', '1'], txt), 0);
  assert.match(txt.stdout.join('\n'), /Bevis \(generert turnus\): OK/);
});

test('scenario: help lists the command; --vs specs parse every key', async () => {
  const io = capture();
  await main(['help'], io);
  assert.match(io.stdout.join('\n'), /bemanna scenario <plan\.json> --weekend-every <k>/);
  // "norm=33,6" is split at the comma: the second part has no "=" (use a decimal point in --vs).
  assert.throws(() => parseVs('norm=33,6', { weekendEvery: 3 }), /nøkkel=verdi/);
  const p = parseVs('every=4,long=off,mode=hours,norm=37.5,form=annual,level=target,nights=off,vacation=6,name=Ny', { weekendEvery: 3 });
  assert.deepEqual(
    { k: p.weekendEvery, long: p.longShiftHours, mode: p.longShiftMode, norm: p.weeklyNorm, form: p.planningForm, level: p.level, nights: p.includeNights, vac: p.vacationWeeks, name: p.name },
    { k: 4, long: null, mode: 'hours', norm: 37.5, form: 'annual', level: 'target', nights: false, vac: 6, name: 'Ny' },
  );
});
