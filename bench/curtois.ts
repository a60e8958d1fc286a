/**
 * Curtois & Qu benchmark run: `npm run bench:curtois -- --seconds 60 [--instances 1-24] [--seed S] [--threads T]`
 *
 * For each instance it runs `bemanna curtois` as a child process (so the memory figure is that
 * instance's alone), writes the solution to a temporary file, has the INDEPENDENT checker
 * `tools/curtois-check/check.mjs` (shares no code with the engine) count the hard violations
 * and recompute the penalty, prints a table and writes it into docs/benchmarks.md as the
 * section "Curtois & Qu" (other sections of that file are kept; it is created if missing).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { instancePath, loadBestKnown, loadInstance, repoRoot } from '../src/curtois/files.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    instances: { type: 'string', default: '1-24' },
    seed: { type: 'string', default: '1' },
    threads: { type: 'string' },
    doc: { type: 'string', default: join(repoRoot, 'docs', 'benchmarks.md') },
  },
});

function parseRange(text: string): number[] {
  const out: number[] = [];
  for (const part of text.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) throw new Error(`--instances: bad range "${part}"`);
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    for (let n = a; n <= b; n++) if (n >= 1 && n <= 24 && !out.includes(n)) out.push(n);
  }
  return out;
}

interface Row {
  n: number;
  staff: number;
  days: number;
  shifts: number;
  penalty: number | null;
  checkerPenalty: number | null;
  best: number;
  gap: number | null;
  firstFeasibleMs: number | null;
  violations: number | null;
  maxRssMb: number | null;
  note: string;
}

const seconds = Number(values.seconds);
const list = parseRange(values.instances!);
const bestKnown = loadBestKnown();
const dir = mkdtempSync(join(tmpdir(), 'bemanna-curtois-'));
const bin = join(repoRoot, 'bin', 'bemanna.mjs');
const checker = join(repoRoot, 'tools', 'curtois-check', 'check.mjs');
const rows: Row[] = [];
const started = new Date();

for (const n of list) {
  const inst = loadInstance(n);
  const path = instancePath(n);
  const out = join(dir, `Instance${n}.json`);
  const args = [bin, 'curtois', path, '--seconds', String(seconds), '--seed', values.seed!, '--out', out, '--json'];
  if (values.threads) args.push('--threads', values.threads);
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const bk = bestKnown.get(`Instance${n}`)!.bestKnownUpper;
  const row: Row = {
    n,
    staff: inst.staff.length,
    days: inst.horizon,
    shifts: inst.shifts.length,
    penalty: null,
    checkerPenalty: null,
    best: bk,
    gap: null,
    firstFeasibleMs: null,
    violations: null,
    maxRssMb: null,
    note: '',
  };
  try {
    const r = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { penalty: number; firstFeasibleMs: number | null; maxRssMb: number };
    row.penalty = r.penalty;
    row.firstFeasibleMs = r.firstFeasibleMs;
    row.maxRssMb = r.maxRssMb;
  } catch {
    row.note = `solver failed (exit ${run.status}): ${run.stderr.trim().slice(0, 200)}`;
  }
  if (existsSync(out)) {
    const chk = spawnSync(process.execPath, [checker, path, out, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    try {
      const c = JSON.parse(chk.stdout) as { objective: number; violationCount: number };
      row.checkerPenalty = c.objective;
      row.violations = c.violationCount;
      row.gap = ((c.objective - bk) / bk) * 100;
      if (row.penalty !== null && row.penalty !== c.objective) row.note += ` engine says ${row.penalty}, checker ${c.objective}`;
    } catch {
      row.note += ` checker failed (exit ${chk.status}): ${chk.stderr.trim().slice(0, 200)}`;
    }
  }
  rows.push(row);
  console.log(line(row));
}
rmSync(dir, { recursive: true, force: true });

function fmt(x: number | null, digits = 0): string {
  return x === null ? '–' : x.toFixed(digits);
}

function line(r: Row): string {
  return `| Instance${r.n} | ${r.staff} | ${r.days} | ${r.shifts} | ${fmt(r.checkerPenalty ?? r.penalty)} | ${r.best} | ${fmt(r.gap, 1)} | ${
    r.firstFeasibleMs === null ? '–' : (r.firstFeasibleMs / 1000).toFixed(1)
  } | ${fmt(r.violations)} | ${fmt(r.maxRssMb)} |${r.note ? ` ${r.note.trim()}` : ''}`;
}

const feasible = rows.filter((r) => r.violations === 0 && r.gap !== null);
const meanGap = feasible.length ? feasible.reduce((s, r) => s + r.gap!, 0) / feasible.length : null;
const cmd = `npm run bench:curtois -- --seconds ${values.seconds} --instances ${values.instances}${values.seed !== '1' ? ` --seed ${values.seed}` : ''}${values.threads ? ` --threads ${values.threads}` : ''}`;
const table = [
  `### ${seconds} s per instance, instances ${values.instances}`,
  '',
  `Command: \`${cmd}\`  `,
  `Date: ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC; machine: ${process.platform}, Node ${process.version}, 2 cores shared with other jobs (timings are noisy).  `,
  `Penalty and hard violations are from the independent checker \`tools/curtois-check/check.mjs\`; gap = (penalty − best known) / best known, best known = \`best_known_upper\` of best-known.csv. Time to first feasible includes the worker start-up (about 1 s). Memory = peak RSS of the solver process.`,
  '',
  '| Instance | Staff | Days | Shift types | Penalty | Best known | Gap % | First feasible (s) | Hard violations | Memory (MB) |',
  '|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map(line),
  '',
  `Mean gap over the ${feasible.length} feasible of ${rows.length} instances: ${meanGap === null ? '–' : meanGap.toFixed(2)} %; instances with hard violations: ${
    rows.filter((r) => r.violations !== 0).length
  }.`,
  '',
].join('\n');
console.log('\n' + table);

// docs/benchmarks.md: replace only our section; within it, a run replaces the subsection for
// the same seconds and instance range and keeps the others.
const docPath = values.doc!;
const HEAD = '## Curtois & Qu';
const intro = [
  HEAD,
  '',
  'Bemanna\'s own search engine (`bemanna curtois`, src/curtois/solve.ts) on the 24 instances of the Curtois & Qu shift scheduling benchmark',
  '(shared/benchmarks/curtois-qu). Written by `npm run bench:curtois`.',
  '',
].join('\n');
let doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Benchmarks\n';
const start = doc.indexOf(`\n${HEAD}\n`) >= 0 ? doc.indexOf(`\n${HEAD}\n`) + 1 : doc.startsWith(`${HEAD}\n`) ? 0 : -1;
let section: string;
if (start >= 0) {
  const nextHead = doc.slice(start + HEAD.length).search(/\n## /);
  const end = nextHead >= 0 ? start + HEAD.length + nextHead + 1 : doc.length;
  section = doc.slice(start, end);
  const subHead = table.split('\n')[0];
  const subStart = section.indexOf(subHead + '\n');
  if (subStart >= 0) {
    const rest = section.slice(subStart + subHead.length).search(/\n### /);
    const subEnd = rest >= 0 ? subStart + subHead.length + rest + 1 : section.length;
    section = section.slice(0, subStart) + table + '\n' + section.slice(subEnd).replace(/^\n+/, '');
  } else section = section.replace(/\n*$/, '\n\n') + table + '\n';
  doc = doc.slice(0, start) + section.replace(/\n*$/, '\n\n') + doc.slice(end).replace(/^\n+/, '');
} else {
  section = intro + '\n' + table + '\n';
  doc = doc.replace(/\n*$/, '\n\n') + section;
}
writeFileSync(docPath, doc.replace(/\n*$/, '\n'));
console.log(`wrote ${docPath}`);
