/**
 * `bemanna scenario <plan.json> --weekend-every <k> [--long-shift-hours <h>] [--json] …`
 * The weekend-tangle scenario planner (RULES.md § 8): minimum headcount per competence,
 * positions, average position and full-time share for up to three scenarios side by side,
 * and optionally the proof: a real rota generated for the first scenario.
 */
import { parseArgs } from 'node:util';
import { parsePlan } from '../core/model/validatePlan.js';
import type { Plan } from '../core/model/plan.js';
import {
  computeScenario,
  formatScenarios,
  ScenarioInputError,
  type ScenarioOptions,
  type ScenarioResult,
} from '../core/heltid/index.js';
import { proveScenario, type ProofResult } from '../engine/proveScenario.js';
import { readJsonFile, type Io } from './io.js';

export const SCENARIO_HELP = `  bemanna scenario <plan.json> --weekend-every <k> [--long-shift-hours <h>] [--json]
        [--long-shift-mode lanes|hours] [--norm 35.5] [--form rolling|annual] [--level min|target]
        [--no-nights] [--pool <annen-plan.json>] [--max-headcount N] [--vs "every=2,long=12.5"]…
        [--prove [--seconds N] [--seed S]] [--lang nb|en]
                                                      Helgefloken: bemanning, stillingssnitt og heltidsandel per scenario`;

type Lang = 'nb' | 'en';

function fail(io: Io, nb: string, en: string, lang: Lang): number {
  io.err(`${lang === 'nb' ? `${nb} / ${en}` : en}\n\n${SCENARIO_HELP}`);
  return 2;
}

/** Parse one `--vs` spec, e.g. "every=2,long=12.5,norm=35.5,form=annual,mode=hours,level=target,nights=off". */
export function parseVs(spec: string, base: ScenarioOptions): ScenarioOptions {
  const out: ScenarioOptions = { ...base };
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [key, value] = part.split('=').map((s) => s?.trim());
    if (value === undefined || value === '') throw new Error(`«${part}»: forventet nøkkel=verdi / expected key=value`);
    switch (key) {
      case 'every':
      case 'k':
        out.weekendEvery = strictNumber(value, key);
        break;
      case 'long':
        out.longShiftHours = value === 'off' ? null : value === 'planned' ? undefined : strictNumber(value, key);
        break;
      case 'mode':
        if (value !== 'lanes' && value !== 'hours') throw new Error(`mode=${value}: lanes|hours`);
        out.longShiftMode = value;
        break;
      case 'norm':
        out.weeklyNorm = strictNumber(value, key);
        break;
      case 'form':
        if (value !== 'rolling' && value !== 'annual') throw new Error(`form=${value}: rolling|annual`);
        out.planningForm = value;
        break;
      case 'level':
        if (value !== 'min' && value !== 'target') throw new Error(`level=${value}: min|target`);
        out.level = value;
        break;
      case 'nights':
        if (value !== 'on' && value !== 'off') throw new Error(`nights=${value}: on|off`);
        out.includeNights = value === 'on';
        break;
      case 'vacation':
        out.vacationWeeks = strictNumber(value, key);
        break;
      case 'name':
        out.name = value;
        break;
      default:
        throw new Error(`ukjent nøkkel «${key}» / unknown key (every, long, mode, norm, form, level, nights, vacation, name)`);
    }
  }
  return out;
}

function strictNumber(s: string, what: string): number {
  const n = Number(s.replace(',', '.'));
  if (s.trim() === '' || !Number.isFinite(n)) throw new Error(`${what}: «${s}» er ikke et tall / is not a number`);
  return n;
}

function loadPlan(file: string, io: Io): Plan | null {
  const raw = readJsonFile(file, io);
  if (!raw.ok) return null;
  const plan = parsePlan(raw.value);
  if (!plan.ok) {
    for (const p of plan.problems) io.err(`${file}: ${p.path}: ${p.message}`);
    return null;
  }
  return plan.value;
}

/** The JSON view of a scenario: the headline figures first, then the detail. */
export function scenarioJson(r: ScenarioResult, lang: Lang) {
  const byCompetence: Record<string, unknown> = {};
  for (const [g, x] of Object.entries(r.byCompetence))
    byCompetence[g] = {
      headcount: x.headcount,
      weekendPersons: x.weekendPersons,
      weekdayHours: x.weekdayHours,
      weekendHours: x.weekendHours,
      positionHoursPerWeek: x.positionHoursPerWeek,
      headcountForWeekends: x.headcountForWeekends,
      headcountForHours: x.headcountForHours,
      boundBy: x.boundBy,
      effectiveWeekendEvery: x.effectiveWeekendEvery,
      averageHoursPerWeek: x.averageHoursPerWeek,
      averagePositionPercent: x.averagePositionPercent,
      minPositionPercent: x.minPositionPercent,
      positions: x.positions,
      fullTime: x.fullTime,
      maxWeekendEveryForFullTime: x.maxWeekendEveryForFullTime,
      hoursAbovePositions: x.hoursAbovePositions,
      ...(x.currentHeadcount !== undefined ? { currentHeadcount: x.currentHeadcount } : {}),
    };
  return {
    headcount: r.headcount,
    averagePositionPercent: r.averagePositionPercent,
    fullTimeShare: r.fullTimeShare,
    byCompetence,
    name: r.name[lang],
    unit: r.unit,
    weekendEvery: r.weekendEvery,
    weeklyNorm: r.weeklyNorm,
    planningForm: r.planningForm,
    longShifts: r.longShifts,
    longShiftHours: r.longShiftHours,
    longShiftMode: r.longShiftMode,
    weekdayHours: r.weekdayHours,
    weekendHours: r.weekendHours,
    weekendPersons: r.weekendPersons,
    fte: r.fte,
    averageHoursPerWeek: r.averageHoursPerWeek,
    fullTimeShares: r.fullTimeShares,
    staffable: r.staffable,
    reasons: r.reasons.map((m) => m[lang]),
    notes: r.notes.map((m) => m[lang]),
    ...(r.currentStaff ? { currentStaff: r.currentStaff } : {}),
    ...(r.pool ? { pool: r.pool } : {}),
  };
}

function proofJson(p: ProofResult, lang: Lang) {
  return {
    proven: p.proven,
    demandMet: p.demandMet,
    rulesKept: p.rulesKept,
    hardCount: p.hardCount,
    softCount: p.softCount,
    summary: p.summary[lang],
    shortfall: p.shortfall.lines.map((l) => (lang === 'en' ? l.messageEn : l.message)),
    hardViolations: p.hardViolations.map((v) => ({ rule: v.rule, employee: v.employee, dates: v.dates, message: lang === 'en' ? v.messageEn : v.message })),
    hours: p.hours,
    weekends: p.weekends,
    people: p.people,
    notes: p.notes.map((m) => m[lang]),
  };
}

function proofText(p: ProofResult, lang: Lang): string {
  const nb = lang === 'nb';
  const lines = [nb ? `Bevis (generert turnus): ${p.proven ? 'OK' : 'IKKE BEVIST'}` : `Proof (generated rota): ${p.proven ? 'OK' : 'NOT PROVEN'}`, `  ${p.summary[lang]}`];
  for (const l of p.shortfall.lines) lines.push(`  ${nb ? 'mangler' : 'short'}: ${nb ? l.message : l.messageEn}`);
  for (const v of p.hardViolations.slice(0, 10)) lines.push(`  ${nb ? 'BRUDD' : 'HARD'} ${v.rule} ${v.employee ?? ''} ${nb ? v.message : v.messageEn}`);
  if (p.hardViolations.length > 10) lines.push(`  … ${p.hardViolations.length - 10} ${nb ? 'flere' : 'more'}`);
  lines.push(nb ? '  Person         stilling   planlagt   krav       avvik   helger' : '  Person         position   planned    required   diff    weekends');
  for (const x of p.people)
    lines.push(
      `  ${x.id.padEnd(14)} ${`${fmt(x.positionPercent, lang)} %`.padStart(8)}   ${fmt(x.plannedHours, lang).padStart(8)}   ${fmt(x.requiredHours, lang).padStart(8)}   ${fmt(x.deviationHours, lang).padStart(6)}   ${x.weekendsWorked}/${x.weekendsAllowed}`,
    );
  for (const m of p.notes) lines.push(`  ${nb ? 'merk' : 'note'}: ${m[lang]}`);
  return lines.join('\n');
}

const fmt = (x: number, lang: Lang) => {
  const s = String(Math.round(x * 10) / 10);
  return lang === 'nb' ? s.replace('.', ',') : s;
};

export async function scenarioCommand(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'weekend-every': { type: 'string' },
        'long-shift-hours': { type: 'string' },
        'long-shift-mode': { type: 'string' },
        norm: { type: 'string' },
        form: { type: 'string' },
        level: { type: 'string' },
        'no-nights': { type: 'boolean' },
        pool: { type: 'string' },
        'max-headcount': { type: 'string' },
        vs: { type: 'string', multiple: true },
        prove: { type: 'boolean' },
        seconds: { type: 'string', default: '10' },
        seed: { type: 'string', default: '1' },
        json: { type: 'boolean' },
        lang: { type: 'string', default: 'nb' },
      },
    });
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${SCENARIO_HELP}`);
    return 2;
  }
  const v = parsed.values;
  const lang: Lang = v.lang === 'en' ? 'en' : 'nb';
  const file = parsed.positionals[0];
  if (!file) return fail(io, 'Mangler planfil', 'missing plan file', lang);
  if (v['weekend-every'] === undefined)
    return fail(io, 'Mangler --weekend-every <k> (hver k-te helg, f.eks. 2, 3 eller 4)', 'missing --weekend-every <k> (every k-th weekend, e.g. 2, 3 or 4)', lang);

  let base: ScenarioOptions;
  let all: ScenarioOptions[];
  let seconds = 10;
  let seed = 1;
  try {
    const num = (s: string | undefined, what: string) => (s === undefined ? undefined : strictNumber(s, what));
    const mode = v['long-shift-mode'];
    if (mode !== undefined && mode !== 'lanes' && mode !== 'hours') throw new Error(`--long-shift-mode: lanes|hours («${mode}»)`);
    if (v.form !== undefined && v.form !== 'rolling' && v.form !== 'annual') throw new Error(`--form: rolling|annual («${v.form}»)`);
    if (v.level !== undefined && v.level !== 'min' && v.level !== 'target') throw new Error(`--level: min|target («${v.level}»)`);
    const long = v['long-shift-hours'];
    base = {
      weekendEvery: strictNumber(v['weekend-every'], '--weekend-every'),
      longShiftHours: long === undefined ? undefined : long === 'off' || strictNumber(long, '--long-shift-hours') === 0 ? null : strictNumber(long, '--long-shift-hours'),
      longShiftMode: mode as ScenarioOptions['longShiftMode'],
      weeklyNorm: num(v.norm, '--norm'),
      planningForm: v.form as ScenarioOptions['planningForm'],
      level: v.level as ScenarioOptions['level'],
      includeNights: v['no-nights'] ? false : undefined,
      maxHeadcount: num(v['max-headcount'], '--max-headcount'),
    };
    const vs = v.vs ?? [];
    if (vs.length > 2) throw new Error(`høyst tre scenarier side om side (--vs høyst to ganger), fikk ${vs.length + 1} / at most three scenarios side by side`);
    all = [base, ...vs.map((s) => parseVs(s, base))];
    seconds = strictNumber(v.seconds ?? '10', '--seconds');
    seed = strictNumber(v.seed ?? '1', '--seed');
    if (seconds <= 0 || seconds > 3600) throw new Error(`--seconds: 0–3600 («${v.seconds}»)`);
    if (!Number.isInteger(seed)) throw new Error(`--seed: heltall / integer («${v.seed}»)`);
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${SCENARIO_HELP}`);
    return 2;
  }

  const plan = loadPlan(file, io);
  if (!plan) return 2;
  if (v.pool !== undefined) {
    const other = loadPlan(v.pool, io);
    if (!other) return 2;
    for (const o of all) o.pool = other;
  }

  let results: ScenarioResult[];
  try {
    results = all.map((o) => computeScenario(plan, o));
  } catch (e) {
    if (e instanceof ScenarioInputError) {
      if (v.json) io.out(JSON.stringify({ file, errors: e.problems.map((p) => p[lang]) }, null, 2));
      for (const p of e.problems) io.err(`${file}: ${lang === 'nb' ? `${p.nb} / ${p.en}` : p.en}`);
      return 2;
    }
    throw e;
  }

  let proof: ProofResult | undefined;
  if (v.prove) {
    try {
      proof = proveScenario(plan, results[0], { seconds, seed });
    } catch (e) {
      if (e instanceof ScenarioInputError) {
        for (const p of e.problems) io.err(`${file}: ${lang === 'nb' ? `${p.nb} / ${p.en}` : p.en}`);
        return 2;
      }
      throw e;
    }
  }

  if (v.json) {
    const first = scenarioJson(results[0], lang);
    io.out(
      JSON.stringify(
        {
          ...first,
          ...(results.length > 1 ? { scenarios: results.map((r) => scenarioJson(r, lang)) } : {}),
          ...(proof ? { proof: proofJson(proof, lang) } : {}),
        },
        null,
        2,
      ),
    );
  } else {
    io.out(formatScenarios(results, lang));
    if (proof) io.out('\n' + proofText(proof, lang));
  }
  const unstaffable = results.some((r) => !r.staffable);
  return unstaffable || (proof && !proof.proven) ? 1 : 0;
}
