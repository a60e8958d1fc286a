import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type Io } from './main.js';

const dir = mkdtempSync(join(tmpdir(), 'bemanna-cli-'));
const file = (name: string, content: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return p;
};
const basePlan = {
  unit: 'Solsiden 2. etg',
  start: '2027-01-04',
  end: '2027-02-14',
  shiftTypes: [
    { code: 'D', start: '07:00', end: '15:00' },
    { code: 'K', start: '14:30', end: '22:30' },
    { code: 'N', start: '22:00', end: '07:30' },
    { code: 'L', start: '08:00', end: '20:30' },
  ],
  employees: [{ id: 'e1', name: 'Kari Nordmann', competence: 'sykepleier', positionPercent: 80 }],
  assignments: [{ employee: 'e1', date: '2027-01-04', shift: 'D' }],
};

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s) };
}

test('check: exit 0 when there is no hard violation, with a bokmål report', async () => {
  const io = capture();
  const code = await main(['check', file('ok.json', basePlan)], io);
  assert.equal(code, 0);
  assert.match(io.stdout.join('\n'), /0 harde brudd/);
});

test('check: exit 1 on a hard violation; --json has the documented shape', async () => {
  const plan = { ...basePlan, assignments: [{ employee: 'e1', date: '2027-01-05', shift: 'K' }, { employee: 'e1', date: '2027-01-06', shift: 'D' }] };
  const io = capture();
  const code = await main(['check', file('bad.json', plan), '--json'], io);
  assert.equal(code, 1);
  const out = JSON.parse(io.stdout.join('\n'));
  const v = out.violations.find((x: { rule: string }) => x.rule === 'LAW-06');
  assert.deepEqual(
    { rule: v.rule, severity: v.severity, employee: v.employee, dates: v.dates, measured: v.measured, limit: v.limit, reference: v.reference },
    { rule: 'LAW-06', severity: 'hard', employee: 'e1', dates: ['2027-01-05', '2027-01-06'], measured: 8.5, limit: 11, reference: 'AML § 10-8 (1)' },
  );
  assert.match(v.message, /hvile/);
});

test('check --lang en gives English messages', async () => {
  const plan = { ...basePlan, assignments: [{ employee: 'e1', date: '2027-01-05', shift: 'K' }, { employee: 'e1', date: '2027-01-06', shift: 'D' }] };
  const io = capture();
  await main(['check', file('bad-en.json', plan), '--lang', 'en'], io);
  assert.match(io.stdout.join('\n'), /Only 8\.5 h of rest/);
});

test('check: exit 2 on invalid input naming the file, the JSON path and the reason', async () => {
  const plan = { ...basePlan, employees: [{ ...basePlan.employees[0], positionPercent: 140 }] };
  const io = capture();
  const p = file('invalid.json', plan);
  assert.equal(await main(['check', p], io), 2);
  assert.match(io.stderr.join('\n'), new RegExp(`${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: employees\\[0\\]\\.positionPercent: .*over 100`));
});

test('check: malformed JSON gives the line and column', async () => {
  const io = capture();
  const p = file('broken.json', '{\n  "unit": "x",\n  "start": 2027-01-04\n}');
  assert.equal(await main(['check', p], io), 2);
  assert.match(io.stderr.join('\n'), /linje 3/);
});

test('check: a missing file is exit 2', async () => {
  const io = capture();
  assert.equal(await main(['check', join(dir, 'nope.json')], io), 2);
  assert.match(io.stderr.join('\n'), /ENOENT/);
});

test('npx bemanna (the bin) runs from the repository root and returns the exit code', () => {
  const plan = { ...basePlan, assignments: [{ employee: 'e1', date: '2027-01-05', shift: 'K' }, { employee: 'e1', date: '2027-01-06', shift: 'D' }] };
  const r = spawnSync(process.execPath, ['bin/bemanna.mjs', 'check', file('bin.json', plan)], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stdout, /BRUDD LAW-06/);
  assert.match(r.stdout, /Hjemmel: AML § 10-8 \(1\)/);
});

test('schema: the committed docs/plan.schema.json is the one generated from the validators', async () => {
  const { readFileSync } = await import('node:fs');
  const io = capture();
  assert.equal(await main(['schema'], io), 0);
  const committed = readFileSync('docs/plan.schema.json', 'utf8').trim();
  assert.equal(committed, io.stdout.join('\n').trim(), 'run `npm run schema` to regenerate docs/plan.schema.json');
});
