import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type Io } from './main.js';
import { generateDemo } from '../demo/index.js';
import { formatAbsenceCsv } from '../forecast/absenceCsv.js';

const dir = mkdtempSync(join(tmpdir(), 'bemanna-forecast-'));
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
// The demo generator's absence history as the CSV a municipality would export.
const demo = generateDemo({ historyYears: 2 });
const csv = write('fravaer.csv', formatAbsenceCsv(demo.absenceHistory.map((r) => ({ employee: r.employee, unit: r.unit, from: r.from, to: r.to, type: r.kind }))));

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s) };
}

test('forecast --json prints [{date, mean, p10, p50, p90}, …] for each day', async () => {
  const io = capture();
  const code = await main(['forecast', csv, '--unit', 'liaveien', '--from', '2027-01-04', '--days', '10', '--json'], io);
  assert.equal(code, 0, io.stderr.join('\n'));
  const rows = JSON.parse(io.stdout.join('\n')) as Array<Record<string, unknown>>;
  assert.equal(rows.length, 10);
  rows.forEach((r, i) => {
    assert.deepEqual(Object.keys(r), ['date', 'mean', 'p10', 'p50', 'p90']);
    assert.equal(r.date, `2027-01-${String(4 + i).padStart(2, '0')}`);
    const [mean, p10, p50, p90] = [r.mean, r.p10, r.p50, r.p90] as number[];
    assert.ok(mean >= 0 && mean < 14, `mean ${mean}`);
    for (const q of [p10, p50, p90]) assert.ok(Number.isInteger(q) && q >= 0);
    assert.ok(p10 <= p50 && p50 <= p90);
  });
});

test('forecast without --json prints a bokmål table', async () => {
  const io = capture();
  const code = await main(['forecast', csv, '--unit', 'bakketun', '--from', '2027-01-04', '--days', '3', '--staff', '13'], io);
  assert.equal(code, 0, io.stderr.join('\n'));
  const text = io.stdout.join('\n');
  assert.match(text, /Fraværsprognose for bakketun, 04\.01\.2027–06\.01\.2027/);
  assert.match(text, /04\.01\.2027 {2}man/);
  assert.match(text, /80 %-intervall/);
  assert.match(text, /13 ansatte/);
});

test('a bad CSV exits 2 with file:line: field: reason, and imports nothing', async () => {
  const bad = write('bad.csv', 'employee,unit,from,to,type\nsol-01,solsiden-2,2026-01-05,2026-01-04,self_certified\nsol-02,solsiden-2,2026-01-05,2026-01-06,influensa\n');
  const io = capture();
  const code = await main(['forecast', bad, '--unit', 'solsiden-2', '--from', '2026-02-01', '--days', '7'], io);
  assert.equal(code, 2);
  assert.equal(io.stdout.length, 0);
  const err = io.stderr.join('\n');
  assert.ok(err.includes(`${bad}:2: to: 2026-01-04 is before from (2026-01-05)`), err);
  assert.ok(err.includes(`${bad}:3: type: "influensa": must be one of`), err);
  const diag = write('diag.csv', 'employee,unit,from,to,type,diagnose\n');
  const io2 = capture();
  assert.equal(await main(['forecast', diag, '--unit', 'x', '--from', '2026-02-01', '--days', '7'], io2), 2);
  assert.match(io2.stderr.join('\n'), /diag\.csv:1: diagnose: diagnosis or cause columns are not accepted/);
});

test('bad arguments exit 2', async () => {
  for (const args of [
    [csv, '--unit', 'liaveien', '--from', '2027-01-04'],
    [csv, '--unit', 'liaveien', '--from', '4.1.2027', '--days', '7'],
    [csv, '--unit', 'liaveien', '--from', '2027-01-04', '--days', 'sju'],
    [csv, '--unit', 'nowhere', '--from', '2027-01-04', '--days', '7'],
    [csv, '--unit', 'liaveien', '--from', '2027-01-04', '--days', '7', '--staff', '0'],
    [join(dir, 'missing.csv'), '--unit', 'liaveien', '--from', '2027-01-04', '--days', '7'],
  ]) {
    const io = capture();
    assert.equal(await main(['forecast', ...args], io), 2, args.join(' '));
    assert.ok(io.stderr.length > 0);
  }
});
