/** `bemanna generate <plan.json> --seconds N [--seed S] [--out rota.json]` */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parsePlan } from '../core/model/validatePlan.js';
import { generateInWorkers } from '../engine/worker/pool.js';
import { generateRota } from '../engine/generate.js';
import { wishFulfilment } from '../core/rules/wish01Wishes.js';
import { buildContext } from '../core/eval/context.js';
import { rowsFromAssignments } from '../core/eval/checker.js';
import type { Plan } from '../core/model/plan.js';
import type { Io } from './io.js';
import { readJsonFile } from './io.js';

export const GENERATE_HELP = `  bemanna generate <plan.json> --seconds N [--seed S] [--out rota.json] [--threads T] [--iterations N] [--json]
                                                      Lag turnus (grunnturnus/årsturnus/kalenderplan)`;

export function wishStats(plan: Plan): { min: number; mean: number; people: number } {
  const ctx = buildContext(plan);
  const rows = rowsFromAssignments(ctx, plan);
  const shares: number[] = [];
  ctx.employees.forEach((e) => {
    const f = wishFulfilment(ctx, e.idx, rows[e.idx]);
    if (f.total > 0) shares.push(f.met / f.total);
  });
  if (shares.length === 0) return { min: 1, mean: 1, people: 0 };
  return { min: Math.min(...shares), mean: shares.reduce((a, b) => a + b, 0) / shares.length, people: shares.length };
}

function bar(fraction: number, width = 30): string {
  const n = Math.round(fraction * width);
  return `[${'#'.repeat(n)}${'.'.repeat(width - n)}]`;
}

export async function generateCommand(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        seconds: { type: 'string', default: '10' },
        seed: { type: 'string', default: '1' },
        out: { type: 'string' },
        threads: { type: 'string' },
        iterations: { type: 'string' },
        json: { type: 'boolean' },
        lang: { type: 'string', default: 'nb' },
      },
    });
  } catch (e) {
    io.err((e as Error).message);
    return 2;
  }
  const file = parsed.positionals[0];
  const seconds = Number(parsed.values.seconds);
  const seed = Number(parsed.values.seed);
  const threads = parsed.values.threads === undefined ? undefined : Number(parsed.values.threads);
  const iterations = parsed.values.iterations === undefined ? undefined : Number(parsed.values.iterations);
  if (!file) {
    io.err('Mangler planfil / missing plan file');
    return 2;
  }
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
    io.err(`--seconds: må være et tall mellom 0 og 3600 / must be a number in (0, 3600], fikk «${parsed.values.seconds}»`);
    return 2;
  }
  if (!Number.isInteger(seed)) {
    io.err(`--seed: må være et heltall / must be an integer`);
    return 2;
  }
  const raw = readJsonFile(file, io);
  if (!raw.ok) return 2;
  const plan = parsePlan(raw.value);
  if (!plan.ok) {
    for (const p of plan.problems) io.err(`${file}: ${p.path}: ${p.message}`);
    return 2;
  }
  const tty = Boolean(process.stderr.isTTY) && !parsed.values.json;
  const onProgress = (p: { fraction: number; best: { hard: number; soft: number }; iteration: number }) => {
    if (tty) process.stderr.write(`\r${bar(p.fraction)} ${Math.round(p.fraction * 100)} %  harde: ${p.best.hard}  myke: ${Math.round(p.best.soft)}   `);
  };
  let result;
  try {
    result =
      threads === 1
        ? generateRota(plan.value, { seconds, seed, maxIterations: iterations, onProgress })
        : await generateInWorkers(plan.value, { seconds, seed, threads, maxIterations: iterations, onProgress });
  } catch (e) {
    if (tty) process.stderr.write('\n');
    io.err(`Turnusgenereringen feilet / generation failed: ${(e as Error).message}`);
    return 3;
  }
  if (tty) process.stderr.write('\n');
  const out = { ...plan.value, assignments: result.plan.assignments, absences: result.plan.absences };
  if (parsed.values.out) writeFileSync(parsed.values.out, JSON.stringify(out, null, 2) + '\n');
  const wishes = wishStats(result.plan);
  const summary = {
    score: result.score,
    hardCount: result.check.hardCount,
    softCount: result.check.softCount,
    iterations: result.search.iterations,
    seconds: Math.round(result.search.elapsedMs) / 1000,
    firstFeasibleSeconds: result.search.firstFeasibleMs === null ? null : Math.round(result.search.firstFeasibleMs) / 1000,
    wishFulfilment: { min: Math.round(wishes.min * 1000) / 10, mean: Math.round(wishes.mean * 1000) / 10, people: wishes.people },
    shortfall: result.shortfall,
    placedVacations: result.placedVacations,
  };
  const en = parsed.values.lang === 'en';
  if (parsed.values.json) io.out(JSON.stringify({ ...summary, violations: result.check.violations }, null, 2));
  else {
    io.out(en ? `Rota for ${plan.value.unit}: ${out.assignments.length} shifts` : `Turnus for ${plan.value.unit}: ${out.assignments.length} vakter`);
    io.out(en ? `Hard violations: ${summary.hardCount}, soft: ${summary.softCount} (score ${summary.score.hard} / ${summary.score.soft})` : `Harde brudd: ${summary.hardCount}, myke: ${summary.softCount} (poeng ${summary.score.hard} / ${summary.score.soft})`);
    if (wishes.people) io.out(en ? `Wishes met: worst-off ${summary.wishFulfilment.min} %, mean ${summary.wishFulfilment.mean} % (${wishes.people} people)` : `Ønsker oppfylt: lavest ${String(summary.wishFulfilment.min).replace('.', ',')} %, snitt ${String(summary.wishFulfilment.mean).replace('.', ',')} % (${wishes.people} personer)`);
    if (!result.shortfall.feasible) {
      io.out(en ? 'The staffing plan cannot be met in full:' : 'Bemanningsplanen kan ikke oppfylles helt:');
      for (const l of result.shortfall.lines) io.out(`  - ${en ? l.messageEn : l.message}`);
    }
    if (parsed.values.out) io.out(en ? `Written to ${parsed.values.out}` : `Skrevet til ${parsed.values.out}`);
  }
  return result.check.hardCount > 0 ? 1 : 0;
}
