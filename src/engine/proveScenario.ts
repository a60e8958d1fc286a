/**
 * Prove a scenario: staff the unit with the scenario's people (synthetic employees with the
 * computed positions and competences), add the long shift type if chosen, set the weekend
 * frequency to k, generate a real rota with the rota engine, and report whether the staffing
 * plan's minimum was met, the hard rules kept, and each person's hours against the position.
 */
import type { Plan, Demand } from '../core/model/plan.js';
import type { Violation } from '../core/eval/checker.js';
import { buildContext } from '../core/eval/context.js';
import { rowsFromAssignments } from '../core/eval/checker.js';
import { buildLine } from '../core/eval/line.js';
import { requiredHours } from '../core/rules/weeklyNorm.js';
import { workedWeekends } from '../core/rules/loc03WeekendFrequency.js';
import { generateRota } from './generate.js';
import type { Shortfall } from './explain.js';
import { ANY } from '../core/heltid/profile.js';
import type { ScenarioResult } from '../core/heltid/scenario.js';
import { msg, round, ScenarioInputError, type Message, nbNum, enNum } from '../core/heltid/messages.js';

export interface ProveOptions {
  seconds: number;
  seed?: number;
  maxIterations?: number;
  /** Lay the weekends out in a k-team rotation before the engine builds the rest (default true). */
  seedWeekends?: boolean;
}

export interface ProofPerson {
  id: string;
  group: string;
  positionPercent: number;
  plannedHours: number;
  requiredHours: number;
  /** planned − required over the period. */
  deviationHours: number;
  weekendsWorked: number;
  weekendsAllowed: number;
}

export interface ProofResult {
  scenario: { nb: string; en: string };
  /** The staffing plan's minimum met on every shift (the engine's shortfall explanation is empty). */
  demandMet: boolean;
  /** No hard violation of law or agreement. */
  rulesKept: boolean;
  proven: boolean;
  hardCount: number;
  softCount: number;
  hardViolations: Violation[];
  shortfall: Shortfall;
  people: ProofPerson[];
  /** Hours against position over the period. */
  hours: { maxAbsDeviation: number; meanAbsDeviation: number; tolerance: number; withinTolerance: number };
  /** The most weekends anyone worked against the allowed ⌈weekends / k⌉. */
  weekends: { maxWorked: number; allowed: number; over: number };
  summary: Message;
  notes: Message[];
  /** The generated plan (synthetic staff and the rota). */
  plan: Plan;
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[æ]/g, 'ae')
    .replace(/[ø]/g, 'o')
    .replace(/[å]/g, 'a')
    .replace(/[^a-z0-9]+/g, '')
    .slice(0, 12) || 'x';
}

/** The plan the proof runs: the unit's period and rules, the scenario's staff and (converted) staffing plan. */
export function scenarioPlan(plan: Plan, scenario: ScenarioResult, opts: { seedWeekends?: boolean } = {}): { plan: Plan; notes: Message[] } {
  if (scenario.pool)
    throw new ScenarioInputError([
      msg('provePool', 'Et scenario med felles pool bevises enhet for enhet (regn scenariet uten pool for hver enhet)', 'A shared-pool scenario is proven unit by unit (compute the scenario without the pool for each unit)'),
    ]);
  const notes: Message[] = [];
  const profile = scenario.profile;
  // Staffing plan: the profile's per-day demand after conversion, as date lines grouped by (shift, competence, count).
  const lines = new Map<string, { shift: string; competence: string | null; n: number; dates: string[] }>();
  const push = (shift: string, competence: string | null, n: number, date: string) => {
    if (n <= 0) return;
    const key = `${shift}|${competence ?? ''}|${n}`;
    const l = lines.get(key) ?? { shift, competence, n, dates: [] };
    l.dates.push(date);
    lines.set(key, l);
  };
  for (const day of profile.days)
    for (const e of day.entries) {
      push(e.code, null, Object.values(e.counts).reduce((a, b) => a + b, 0), day.date);
      for (const [g, n] of Object.entries(e.counts)) if (g !== ANY) push(e.code, g, n, day.date);
    }
  const demand: Demand[] = [...lines.values()].map((l) => ({ shift: l.shift, dates: l.dates, min: l.n, target: l.n, ...(l.competence ? { competence: l.competence } : {}) }));

  const shiftTypes = [...plan.shiftTypes];
  const long = profile.longShift;
  if (long && !long.reused)
    shiftTypes.push({ code: long.code, name: 'Langvakt helg (scenario)', start: long.start, end: long.end, breakMinutes: 30, breakPaid: true, category: 'long' });

  const employees: Plan['employees'] = [];
  for (const g of Object.values(scenario.byCompetence)) {
    g.positions.forEach((p, i) => {
      employees.push({
        id: `s-${slug(g.group)}-${i + 1}`,
        name: `${g.group === ANY ? 'Ansatt' : g.group[0].toUpperCase() + g.group.slice(1)} ${i + 1}`,
        ...(g.group === ANY ? {} : { competence: g.group }),
        positionPercent: Math.max(0.01, Math.min(100, p)),
        canWorkLongShifts: true,
        canWorkNights: true,
      });
    });
  }

  const rules: Plan['rules'] = {
    ...plan.rules,
    weekend: { ...plan.rules.weekend, frequency: scenario.weekendEvery, severity: 'hard' },
    hours: {
      ...plan.rules.hours,
      weeklyNorm: scenario.weeklyNorm === 37.5 || scenario.weeklyNorm === 35.5 || scenario.weeklyNorm === 33.6 ? scenario.weeklyNorm : plan.rules.hours.weeklyNorm,
    },
  };
  if (long && long.hours > plan.rules.longShifts.localMaxHours && !(plan.rules.averaging.tier === 'central' && plan.rules.averaging.centralAgreementRef)) {
    rules.averaging = { tier: 'central', centralAgreementRef: 'Scenario: forutsatt sentral avtale', centralMaxShiftHours: Math.max(long.hours, plan.rules.averaging.centralMaxShiftHours) };
    notes.push(
      msg('assumedCentral', `Beviset forutsetter en sentral avtale om langvakter på ${nbNum(long.hours, 2)} t (AML § 10-12 (4))`, `The proof assumes a central agreement on ${enNum(long.hours, 2)} h long shifts (AML § 10-12 (4))`),
    );
  }
  if (scenario.planningForm === 'annual' && plan.planningForm !== 'annual')
    notes.push(
      msg(
        'annualShort',
        'Årsturnus-stillingene bærer ferieavvikling; perioden her har ingen planlagt ferie, så timene ligger under stillingene',
        'The annual-rota positions carry vacation cover; this period has no planned vacation, so the hours lie below the positions',
      ),
    );
  if (!profile.includeNights) notes.push(msg('noNights', 'Nattevakter er holdt utenfor scenariet og beviset', 'Night shifts are left out of the scenario and the proof'));

  const out: Plan = { ...plan, shiftTypes, employees, demand, absences: [], wishes: [], assignments: [], rules };
  if (opts.seedWeekends ?? true) out.assignments = weekendRotation(out, scenario);
  return { plan: out, notes };
}

/**
 * The weekends laid out as a base rota does: the people of each competence group dealt round
 * robin into k teams, team t works the weekends t, t + k, t + 2k …, each person one lane (the
 * same shift on Saturday and Sunday, and a Friday night that reaches into the weekend).
 * The engine starts from this and builds the weekdays around it; it may still move anything.
 */
export function weekendRotation(plan: Plan, scenario: ScenarioResult): Plan['assignments'] {
  const ctx = buildContext(plan);
  const k = scenario.weekendEvery;
  const minOverlap = plan.rules.weekend.minOverlapMinutes;
  const members = new Map<string, string[][]>();
  for (const e of plan.employees) {
    const g = e.competence ?? ANY;
    const teams = members.get(g) ?? Array.from({ length: k }, () => []);
    const n = teams.reduce((s, t) => s + t.length, 0);
    teams[n % k].push(e.id);
    members.set(g, teams);
  }
  const days = scenario.profile.days;
  const out: Plan['assignments'] = [];
  const full = ctx.weekends.filter((s) => s >= 0 && s + 1 < ctx.D);
  full.forEach((sat, wi) => {
    const team = wi % k;
    for (const [g, teams] of members) {
      const people = teams[team];
      // code → day → persons of this group on that shift touching this weekend
      const lanes = new Map<string, Map<number, number>>();
      for (let d = Math.max(0, sat - 1); d <= Math.min(ctx.D - 1, sat + 1); d++) {
        for (const e of days[d]?.entries ?? []) {
          const n = e.counts[g] ?? 0;
          const s = ctx.shiftIndex.get(e.code);
          if (n <= 0 || s === undefined) continue;
          const inst = ctx.instance(d, s);
          if (inst.weekendSat !== sat || inst.weekendMin < minOverlap) continue;
          const m = lanes.get(e.code) ?? new Map<number, number>();
          m.set(d, n);
          lanes.set(e.code, m);
        }
      }
      let j = 0;
      for (const [code, perDay] of lanes) {
        const width = Math.max(...perDay.values());
        for (let l = 0; l < width && j < people.length; l++, j++)
          for (const [d, n] of perDay) if (l < n) out.push({ employee: people[j], date: days[d].date, shift: code });
      }
    }
  });
  return out;
}

export function proveScenario(plan: Plan, scenario: ScenarioResult, opts: ProveOptions): ProofResult {
  const { plan: input, notes } = scenarioPlan(plan, scenario, { seedWeekends: opts.seedWeekends });
  const gen = generateRota(input, { seconds: opts.seconds, seed: opts.seed ?? 1, maxIterations: opts.maxIterations });
  const ctx = buildContext(gen.plan);
  const rows = rowsFromAssignments(ctx, gen.plan);
  const inPeriodWeekends = ctx.weekends.filter((s) => s >= 0 && s + 1 < ctx.D);
  const allowed = Math.ceil(inPeriodWeekends.length / scenario.weekendEvery);
  const people: ProofPerson[] = ctx.employees.map((e) => {
    const line = buildLine(ctx, e.idx, rows[e.idx]);
    const r = requiredHours(ctx, line);
    const worked = workedWeekends(ctx, line);
    const src = gen.plan.employees[e.idx];
    return {
      id: e.id,
      group: src.competence ?? ANY,
      positionPercent: src.positionPercent,
      plannedHours: round(r.planned, 2),
      requiredHours: round(r.required, 2),
      deviationHours: round(r.planned - r.required, 2),
      weekendsWorked: inPeriodWeekends.filter((s) => worked.has(s)).length,
      weekendsAllowed: allowed,
    };
  });
  const tolerance = round((ctx.rules.hours.toleranceHoursPerWeek * ctx.D) / 7, 2);
  const abs = people.map((p) => Math.abs(p.deviationHours));
  const hard = gen.check.violations.filter((v) => v.severity === 'hard');
  const demandMet = gen.shortfall.feasible;
  const rulesKept = hard.length === 0;
  const maxWorked = Math.max(0, ...people.map((p) => p.weekendsWorked));
  const over = people.filter((p) => p.weekendsWorked > p.weekendsAllowed).length;
  const missing = gen.shortfall.lines.reduce((s, l) => s + l.missingShifts, 0);
  const summary = msg(
    demandMet && rulesKept ? 'proven' : 'notProven',
    `${scenario.name.nb}: ${people.length} personer, ${demandMet ? 'bemanningsplanen oppfylt' : `${missing} vakter under minimum`}, ${hard.length} harde brudd, ${gen.check.softCount} myke; avvik timer mot stilling høyst ${nbNum(Math.max(0, ...abs), 1)} t (toleranse ${nbNum(tolerance, 1)} t); høyst ${maxWorked} helger per person (tillatt ${allowed})`,
    `${scenario.name.en}: ${people.length} people, ${demandMet ? 'staffing plan met' : `${missing} shifts below the minimum`}, ${hard.length} hard violations, ${gen.check.softCount} soft; hours against position off by at most ${enNum(Math.max(0, ...abs), 1)} h (tolerance ${enNum(tolerance, 1)} h); at most ${maxWorked} weekends per person (allowed ${allowed})`,
  );
  return {
    scenario: scenario.name,
    demandMet,
    rulesKept,
    proven: demandMet && rulesKept,
    hardCount: hard.length,
    softCount: gen.check.softCount,
    hardViolations: hard,
    shortfall: gen.shortfall,
    people,
    hours: {
      maxAbsDeviation: round(Math.max(0, ...abs), 2),
      meanAbsDeviation: abs.length ? round(abs.reduce((a, b) => a + b, 0) / abs.length, 2) : 0,
      tolerance,
      withinTolerance: abs.filter((x) => x <= tolerance + 1e-9).length,
    },
    weekends: { maxWorked, allowed, over },
    summary,
    notes,
    plan: gen.plan,
  };
}
