/**
 * `npm run bench:units` – the rota generator on Norwegian units from the demo generator:
 * ~12, ~25 and ~60 persons; 6-week rolling base rota, 12-week calendar plan, 52-week annual
 * rota. Prints time to zero hard violations, the final objective by component, the hours
 * deviation per person and wish fulfilment, and writes the table to docs/benchmarks.md.
 *
 *   npm run bench:units -- [--sizes 12,25,60] [--forms rolling,calendar,annual] [--seconds-rolling 10] [--seconds-calendar 20] [--seconds-annual 60] [--threads 2] [--no-write]
 */
import { parseArgs } from 'node:util';
import { generateDemo } from '../src/demo/index.js';
import type { DemoUnit } from '../src/demo/index.js';
import { PlanSchema, type Plan } from '../src/core/model/plan.js';
import { generateInWorkers } from '../src/engine/worker/pool.js';
import { buildContext } from '../src/core/eval/context.js';
import { buildLine } from '../src/core/eval/line.js';
import { rowsFromAssignments } from '../src/core/eval/checker.js';
import { requiredHours } from '../src/core/rules/weeklyNorm.js';
import { wishStats } from '../src/cli/generate.js';
import { writeSection } from './docs.js';
import { existsSync, readFileSync } from 'node:fs';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '12,25,60' },
    forms: { type: 'string', default: 'rolling,calendar,annual' },
    'seconds-rolling': { type: 'string', default: '10' },
    'seconds-calendar': { type: 'string', default: '20' },
    'seconds-annual': { type: 'string', default: '60' },
    threads: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    'no-write': { type: 'boolean' },
    /** Measure under a written LAW-08 averaging agreement over this many weeks (AML § 10-8 (4) second sentence). */
    'sunday-averaging': { type: 'string' },
  },
});

type Form = 'rolling' | 'calendar' | 'annual';
const WEEKS: Record<Form, number> = { rolling: 6, calendar: 12, annual: 52 };

/** A unit of about n persons: the smallest demo unit for ~12, the ward for ~25, the ward scaled for more. */
function unitOfSize(n: number, form: Form): { name: string; plan: Plan } {
  const start = form === 'annual' ? '2027-01-04' : '2027-02-01';
  const ds = generateDemo({ weeks: WEEKS[form], start });
  const bySize = [...ds.units].sort((a, b) => a.plan.employees.length - b.plan.employees.length);
  const pick = (u: DemoUnit) => Math.abs(u.plan.employees.length - n);
  const base = bySize.reduce((a, b) => (pick(b) < pick(a) ? b : a));
  let plan = base.plan;
  const size = base.plan.employees.length;
  if (n > size * 1.5) {
    // Scale the ward: r copies of its staff (ids suffixed) and r × its staffing plan.
    const ward = ds.units.find((u) => u.kind === 'sykehjem')!.plan;
    const r = n / ward.employees.length;
    const employees = Array.from({ length: n }, (_, i) => {
      const e = ward.employees[i % ward.employees.length];
      const copy = Math.floor(i / ward.employees.length);
      return { ...e, id: copy ? `${e.id}-${copy}` : e.id, name: copy ? `${e.name} (${copy + 1})` : e.name };
    });
    const ids = new Set(employees.map((e) => e.id));
    plan = PlanSchema.parse({
      ...ward,
      unit: `${ward.unit} ×${r.toFixed(1)}`,
      employees,
      demand: ward.demand.map((d) => ({ ...d, min: Math.round(d.min * r), target: Math.round((d.target ?? d.min) * r) })),
      absences: ward.absences.filter((a) => ids.has(a.employee)),
      wishes: ward.wishes.filter((w) => ids.has(w.employee)),
    });
  }
  const withForm = PlanSchema.parse({
    ...plan,
    planningForm: form,
    // An annual rota places the vacations itself; a rolling base rota has no dated absence.
    absences: form === 'calendar' ? plan.absences : form === 'annual' ? plan.absences.filter((a) => a.kind !== 'vacation') : [],
    wishes: form === 'rolling' ? [] : plan.wishes,
    rules: values['sunday-averaging']
      ? { ...plan.rules, sundayRule: { ...plan.rules.sundayRule, mode: 'averaging', averagingWeeks: Number(values['sunday-averaging']) } }
      : plan.rules,
  });
  const label = values['sunday-averaging'] ? ` (LAW-08 averaging over ${values['sunday-averaging']} weeks)` : '';
  return { name: withForm.unit + label, plan: withForm };
}

interface Row {
  unit: string;
  persons: number;
  form: Form;
  weeks: number;
  seconds: number;
  firstFeasible: string;
  hard: number;
  staffingShort: number;
  soft: number;
  top: string;
  hoursDevMean: number;
  hoursDevMax: number;
  wishMin: string;
  wishMean: string;
}

const rows: Row[] = [];
const sizes = values.sizes.split(',').map(Number);
const forms = values.forms.split(',') as Form[];
for (const n of sizes)
  for (const form of forms) {
    const { name, plan } = unitOfSize(n, form);
    const seconds = Number(values[`seconds-${form}` as 'seconds-rolling']);
    const t0 = Date.now();
    const r = await generateInWorkers(plan, { seconds, seed: Number(values.seed), threads: Number(values.threads) });
    const wall = (Date.now() - t0) / 1000;
    const ctx = buildContext(r.plan);
    const rr = rowsFromAssignments(ctx, r.plan);
    const devs = ctx.employees.map((e) => {
      const q = requiredHours(ctx, buildLine(ctx, e.idx, rr[e.idx]));
      return Math.abs(q.planned - q.required);
    });
    const byRule = new Map<string, number>();
    for (const v of r.check.violations) byRule.set(v.rule, (byRule.get(v.rule) ?? 0) + 1);
    const top = [...byRule.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, c]) => `${k}×${c}`).join(' ');
    const w = wishStats(r.plan);
    const lawHard = r.check.violations.filter((v) => v.severity === 'hard' && v.rule !== 'PRA-11').length;
    rows.push({
      unit: name,
      persons: plan.employees.length,
      form,
      weeks: WEEKS[form],
      seconds: Math.round(wall * 10) / 10,
      firstFeasible: r.search.firstFeasibleMs === null ? 'never' : `${(r.search.firstFeasibleMs / 1000).toFixed(1)} s`,
      hard: lawHard,
      staffingShort: r.shortfall.lines.reduce((s, l) => s + l.missingShifts, 0),
      soft: Math.round(r.score.soft),
      top,
      hoursDevMean: Math.round((devs.reduce((a, b) => a + b, 0) / devs.length) * 10) / 10,
      hoursDevMax: Math.round(Math.max(...devs) * 10) / 10,
      wishMin: w.people ? `${Math.round(w.min * 100)} %` : '–',
      wishMean: w.people ? `${Math.round(w.mean * 100)} %` : '–',
    });
    const x = rows[rows.length - 1];
    console.error(`${x.unit} (${x.persons}) ${x.form}: ${x.seconds} s, first feasible ${x.firstFeasible}, law-hard ${x.hard}, short ${x.staffingShort}, soft ${x.soft}`);
  }

const table = [
  '| unit | persons | form | weeks | wall s | zero hard after | law/agreement violations | min-staffing shifts short | soft | most frequent soft | hours dev. mean / max (h) | wishes min / mean |',
  '|---|---:|---|---:|---:|---:|---:|---:|---:|---|---:|---:|',
  ...rows.map((r) => `| ${r.unit} | ${r.persons} | ${r.form} | ${r.weeks} | ${r.seconds} | ${r.firstFeasible} | ${r.hard} | ${r.staffingShort} | ${r.soft} | ${r.top} | ${r.hoursDevMean} / ${r.hoursDevMax} | ${r.wishMin} / ${r.wishMean} |`),
].join('\n');
console.log(table);
if (!values['no-write']) {
  const cmd = `npm run bench:units -- --sizes ${values.sizes} --forms ${values.forms} --seconds-rolling ${values['seconds-rolling']} --seconds-calendar ${values['seconds-calendar']} --seconds-annual ${values['seconds-annual']} --threads ${values.threads}`;
  // Earlier measurements kept for comparison (a "### " subsection of this section) stay.
  const title = 'Norwegian units (rota generator)';
  const doc = existsSync('docs/benchmarks.md') ? readFileSync('docs/benchmarks.md', 'utf8') : '';
  const at = doc.indexOf(`## ${title}\n`);
  const end = at < 0 ? -1 : doc.indexOf('\n## ', at + 4);
  const section = at < 0 ? '' : doc.slice(at, end < 0 ? undefined : end);
  const kept = section.indexOf('\n### ') < 0 ? '' : section.slice(section.indexOf('\n### ')).trim();
  writeSection(title, `Command: \`${cmd}\` — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, 2 cores.\n\n"zero hard after" counts from the start of the search (construction included); "law/agreement violations" are hard violations other than understaffing; "min-staffing shifts short" is the shortfall the generator reports when the staffing plan cannot be met.\n\n${table}\n${kept ? `\n${kept}\n` : ''}`);
}
