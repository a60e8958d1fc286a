/** `bemanna curtois <InstanceN.txt> --seconds N [--seed S] [--threads T] --out solution.json` */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { parseCurtois, type CurtoisInstance } from '../curtois/parse.js';
import { CurtoisScorer, toSolutionJson } from '../curtois/scorer.js';
import { solveCurtoisParallel } from '../curtois/parallel.js';
import type { Io } from './io.js';

export const CURTOIS_HELP = `  bemanna curtois <InstanceN.txt> --seconds N [--seed S] [--threads T] [--iterations N] --out solution.json [--json]
                                                      Løs en Curtois & Qu-benchmarkinstans (skriver {"roster": …})`;

export async function curtoisCommand(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        seconds: { type: 'string', default: '60' },
        seed: { type: 'string', default: '1' },
        threads: { type: 'string' },
        iterations: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${CURTOIS_HELP}`);
    return 2;
  }
  const file = parsed.positionals[0];
  if (!file) {
    io.err(`Mangler instansfil / missing instance file\n\n${CURTOIS_HELP}`);
    return 2;
  }
  const seconds = Number(parsed.values.seconds);
  const seed = Number(parsed.values.seed);
  const threads = parsed.values.threads === undefined ? undefined : Number(parsed.values.threads);
  const iterations = parsed.values.iterations === undefined ? undefined : Number(parsed.values.iterations);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 86400) {
    io.err(`--seconds: må være et tall mellom 0 og 86400 / must be a number in (0, 86400], fikk «${parsed.values.seconds}»`);
    return 2;
  }
  if (!Number.isInteger(seed)) {
    io.err('--seed: må være et heltall / must be an integer');
    return 2;
  }
  if (threads !== undefined && (!Number.isInteger(threads) || threads < 1 || threads > 64)) {
    io.err('--threads: må være et heltall 1..64 / must be an integer 1..64');
    return 2;
  }
  if (iterations !== undefined && (!Number.isInteger(iterations) || iterations < 1)) {
    io.err('--iterations: må være et positivt heltall / must be a positive integer');
    return 2;
  }
  let inst: CurtoisInstance;
  try {
    inst = parseCurtois(readFileSync(file, 'utf8'));
  } catch (e) {
    io.err(`${file}: ${(e as Error).message}`);
    return 2;
  }

  const tty = Boolean(process.stderr.isTTY) && !parsed.values.json;
  const t0 = performance.now();
  const res = await solveCurtoisParallel(inst, {
    seconds,
    seed,
    threads,
    maxIterations: iterations,
    onProgress: tty
      ? (p) => process.stderr.write(`\r${(p.elapsedMs / 1000).toFixed(0).padStart(5)} s  hard: ${p.best.hard}  penalty: ${p.best.soft}      `)
      : undefined,
  });
  if (tty) process.stderr.write('\n');
  const elapsedMs = performance.now() - t0;
  const solution = toSolutionJson(inst, res.rows);
  if (parsed.values.out) writeFileSync(parsed.values.out, JSON.stringify(solution) + '\n');
  const sc = new CurtoisScorer(inst, res.rows);
  const breakdown = sc.breakdown();
  const hardParts = Object.entries(breakdown).filter(([k, v]) => v > 0 && !['onRequests', 'offRequests', 'coverUnder', 'coverOver'].includes(k));
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  if (parsed.values.json) {
    io.out(
      JSON.stringify({
        instance: basename(file),
        penalty: res.score.soft,
        hard: res.score.hard,
        feasible: res.score.hard === 0,
        breakdown,
        seconds,
        seed,
        threads: res.workers,
        iterations: res.iterations,
        firstFeasibleMs: res.firstFeasibleMs,
        elapsedMs,
        maxRssMb,
        out: parsed.values.out ?? null,
        errors: res.errors,
        lowerBound: res.mip?.bound ?? null,
        provenOptimal: res.mip?.bound != null && res.score.hard === 0 && res.mip.bound >= res.score.soft,
        subMip: res.subMip ?? null,
      }),
    );
  } else {
    io.out(`${basename(file)}: ${inst.staff.length} staff, ${inst.horizon} days, ${inst.shifts.length} shift types`);
    io.out(`penalty: ${res.score.soft}`);
    io.out(
      res.score.hard === 0
        ? 'hard violations: 0'
        : `hard violations: ${hardParts.map(([k, v]) => `${k} ${v}`).join(', ')} (weighted measure ${res.score.hard})`,
    );
    io.out(
      `time: ${(elapsedMs / 1000).toFixed(1)} s, ${res.workers} thread(s), ${res.iterations} iterations, first feasible after ${
        res.firstFeasibleMs === null ? '–' : `${(res.firstFeasibleMs / 1000).toFixed(2)} s`
      }, peak memory ${maxRssMb.toFixed(0)} MB`,
    );
    if (res.mip)
      io.out(
        res.mip.bound !== null && res.score.hard === 0 && res.mip.bound >= res.score.soft
          ? `exact model (HiGHS): proven optimal`
          : `exact model (HiGHS): ${res.mip.status}, lower bound ${res.mip.bound ?? '–'}`,
      );
    if (res.subMip)
      io.out(
        `exact large neighbourhood (HiGHS, winning worker): ${res.subMip.steps} sub-problems, ${res.subMip.improved} improvements, penalty ${res.subMip.softBefore} → ${res.score.soft}`,
      );
    if (parsed.values.out) io.out(`wrote ${parsed.values.out}`);
    for (const e of res.errors) io.err(e);
  }
  return res.score.hard === 0 ? 0 : 1;
}
