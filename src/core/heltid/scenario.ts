/**
 * The scenario planner of the weekend tangle (RULES.md § 8): from a staffing plan and the
 * choices — weekend frequency k, long weekend shifts on/off and their length, weekly norm,
 * rolling or annual rota, a shared pool with another unit — the minimum headcount per
 * competence, the position sizes that make it work, the average position and the full-time
 * share.
 *
 *   H = k × Pw                 (people needed to staff the weekends)
 *   average hours = (Wd + We) / H, average position = that / norm
 *   above the norm (beyond the tolerance): H = ⌈(Wd + We) / norm⌉ and weekends come more rarely than every k-th
 *
 * Annual rota: the 5 weeks of vacation are planned in with the unit's own staff, so the positions
 * carry (Wd + We) × 52 / (52 − vacation weeks) per week; the weekend frequency is counted over the
 * year. Rolling rota: vacation is covered outside the rota (substitutes) and not in the positions.
 */
import type { Plan } from '../model/plan.js';
import { ANY, demandProfile, groupOrder, type DemandProfile, type GroupProfile, type ProfileOptions } from './profile.js';
import { msg, nbNum, enNum, round, ScenarioInputError, type Message } from './messages.js';

export type PlanningForm = 'rolling' | 'annual';

export interface ScenarioOptions extends ProfileOptions {
  /** Shown above the scenario's column. */
  name?: string;
  /** Every k-th weekend (2, 3, 4 …). */
  weekendEvery: number;
  /** Weekly norm for 100 % (default: the plan's fixed norm, else 35.5 for k ≤ 3 and 37.5 from k = 4, as HTA § 4.2 and the checker do). */
  weeklyNorm?: number;
  /** Default: annual when the plan is an annual rota, else rolling. */
  planningForm?: PlanningForm;
  /** Vacation weeks planned in an annual rota (default 5). */
  vacationWeeks?: number;
  /** Hours per week a full-time person may carry above the norm (default: the plan's tolerance, 0.25 h). */
  toleranceHoursPerWeek?: number;
  /** The other unit of a shared pool (ressurspool): its staffing plan is added and staffed by one group. */
  pool?: Plan;
  /** Most people the unit can have; more needed makes the scenario unstaffable. */
  maxHeadcount?: number;
}

export interface FullTimeCounts {
  /** 100 % positions. */
  percent100: number;
  /** Positions of 80 % or more. */
  atLeast80: number;
  /** Positions above 90 %. */
  above90: number;
}

export interface GroupResult {
  group: string;
  label: { nb: string; en: string };
  /** Demand per week (RULES § 8: Wd, We). */
  weekdayHours: number;
  weekendHours: number;
  /** Hours per week the positions carry (× 52/(52 − vacation) in an annual rota). */
  positionHoursPerWeek: number;
  /** Pw: distinct persons per weekend. */
  weekendPersons: number;
  /** k × Pw. */
  headcountForWeekends: number;
  /** ⌈hours / norm⌉: the fewest people the hours allow. */
  headcountForHours: number;
  headcount: number;
  /** What set the headcount: the weekends (positions below 100 %) or the hours (weekends more rarely than every k-th). */
  boundBy: 'weekends' | 'hours';
  /** H / Pw: how often each person works a weekend (null without weekend demand). */
  effectiveWeekendEvery: number | null;
  averageHoursPerWeek: number;
  /** Average position, capped at 100 %. */
  averagePositionPercent: number;
  /** Average hours / norm without the cap. */
  loadPercent: number;
  /** Weekend hours per person per week: the smallest position that works. */
  weekendHoursPerPersonPerWeek: number;
  minPositionPercent: number;
  /** Positions that make it work: as many 100 % as possible, the rest equal parts (each ≥ the weekend share). */
  positions: number[];
  fullTime: FullTimeCounts;
  /** Every person can be full time only for k ≤ this (RULES § 8: (Wd + We) / (Pw × norm)); null without weekend demand. */
  maxWeekendEveryForFullTime: number | null;
  /** Hours per week beyond 100 % positions (within the tolerance): extra shifts. */
  hoursAbovePositions: number;
  /** People of this group in the plan today (when the plan has employees). */
  currentHeadcount?: number;
}

export interface PoolResult {
  units: string[];
  /** Each unit staffed on its own. */
  separate: Array<{ unit: string; headcount: number; averagePositionPercent: number; fullTimeShare: number }>;
  separateHeadcount: number;
  separateAveragePositionPercent: number;
  separateFullTimeShare: number;
  pooledHeadcount: number;
  /** People saved by pooling (separate − pooled). */
  headcountSaving: number;
  /** Percentage points of average position gained. */
  averagePositionGain: number;
}

export interface ScenarioResult {
  name: { nb: string; en: string };
  unit: string;
  weekendEvery: number;
  weeklyNorm: number;
  planningForm: PlanningForm;
  vacationWeeks: number;
  longShifts: DemandProfile['longShifts'];
  longShiftHours: number | null;
  longShiftMode: DemandProfile['longShiftMode'];
  /** Demand per week. */
  weekdayHours: number;
  weekendHours: number;
  weekendPersons: number;
  headcount: number;
  fte: number;
  averageHoursPerWeek: number;
  averagePositionPercent: number;
  /** Share in 100 % positions (0–1). */
  fullTimeShare: number;
  /** Shares under the three definitions in use (0–1). */
  fullTimeShares: FullTimeCounts;
  byCompetence: Record<string, GroupResult>;
  /** Can the scenario be staffed (the unit's current people, the headcount cap, the shift limits)? */
  staffable: boolean;
  /** Why not, in numbers. */
  reasons: Message[];
  notes: Message[];
  currentStaff?: { headcount: number; averagePositionPercent: number; fullTimeShare: number };
  pool?: PoolResult;
  profile: DemandProfile;
  /** The other unit's profile in a pooled scenario. */
  poolProfile?: DemandProfile;
  /** The options as resolved. */
  options: Omit<ScenarioOptions, 'pool'> & { pool?: string };
}

const EPS = 1e-9;

export function groupLabel(group: string): { nb: string; en: string } {
  return group === ANY ? { nb: 'uten kompetansekrav', en: 'any competence' } : { nb: group, en: group };
}

function validate(opts: ScenarioOptions): void {
  const problems: Message[] = [];
  const k = opts.weekendEvery;
  if (!Number.isInteger(k) || k < 1 || k > 6)
    problems.push(msg('weekendEvery', `Helgefrekvens må være et heltall 2–6 (hver k-te helg), fikk «${k}»`, `Weekend frequency must be an integer 2–6 (every k-th weekend), got "${k}"`));
  else if (k === 1)
    problems.push(
      msg('weekendEvery', 'Hver helg går ikke: annenhver søn- og helgedag skal være fri (AML § 10-8 (4)); velg 2 eller mer', 'Every weekend is not allowed: every other Sunday/holiday must be free (AML § 10-8 (4)); choose 2 or more'),
    );
  if (opts.weeklyNorm !== undefined && (!Number.isFinite(opts.weeklyNorm) || opts.weeklyNorm < 20 || opts.weeklyNorm > 40))
    problems.push(msg('weeklyNorm', `Ukenorm må være mellom 20 og 40 timer, fikk ${opts.weeklyNorm}`, `The weekly norm must be between 20 and 40 hours, got ${opts.weeklyNorm}`));
  if (opts.vacationWeeks !== undefined && (!Number.isFinite(opts.vacationWeeks) || opts.vacationWeeks < 0 || opts.vacationWeeks > 8))
    problems.push(msg('vacationWeeks', `Ferieuker må være 0–8, fikk ${opts.vacationWeeks}`, `Vacation weeks must be 0–8, got ${opts.vacationWeeks}`));
  if (opts.maxHeadcount !== undefined && (!Number.isInteger(opts.maxHeadcount) || opts.maxHeadcount < 1))
    problems.push(msg('maxHeadcount', `Høyeste antall ansatte må være et positivt heltall, fikk ${opts.maxHeadcount}`, `The headcount cap must be a positive integer, got ${opts.maxHeadcount}`));
  if (opts.toleranceHoursPerWeek !== undefined && (!Number.isFinite(opts.toleranceHoursPerWeek) || opts.toleranceHoursPerWeek < 0 || opts.toleranceHoursPerWeek > 5))
    problems.push(msg('tolerance', `Toleransen må være 0–5 timer per uke, fikk ${opts.toleranceHoursPerWeek}`, `The tolerance must be 0–5 hours per week, got ${opts.toleranceHoursPerWeek}`));
  if (problems.length) throw new ScenarioInputError(problems);
}

export function scenarioName(o: { weekendEvery: number; longShifts: DemandProfile['longShifts']; longShiftHours: number | null; weeklyNorm: number; planningForm: PlanningForm; pooled: boolean }): {
  nb: string;
  en: string;
} {
  const nb = [`Hver ${o.weekendEvery}. helg`];
  const en = [`Every ${o.weekendEvery}${o.weekendEvery === 2 ? 'nd' : o.weekendEvery === 3 ? 'rd' : 'th'} weekend`];
  if (o.longShifts === 'on') {
    nb.push(`langvakt ${nbNum(o.longShiftHours ?? 0, 2)} t`);
    en.push(`${enNum(o.longShiftHours ?? 0, 2)} h long shifts`);
  } else if (o.longShifts === 'off') {
    nb.push('uten langvakter');
    en.push('no long shifts');
  }
  nb.push(`${nbNum(o.weeklyNorm, 2)} t/uke`, o.planningForm === 'annual' ? 'årsturnus' : 'grunnturnus');
  en.push(`${enNum(o.weeklyNorm, 2)} h/week`, o.planningForm === 'annual' ? 'annual rota' : 'rolling rota');
  if (o.pooled) {
    nb.push('felles pool');
    en.push('shared pool');
  }
  return { nb: nb.join(', '), en: en.join(', ') };
}

/** The positions that make it work: as many 100 % as possible, the rest equal parts, each at least the weekend share. */
export function positionSizes(hoursPerWeek: number, headcount: number, weekendHoursPerWeek: number, norm: number): number[] {
  if (headcount <= 0) return [];
  const avg = hoursPerWeek / headcount;
  if (avg >= norm - EPS) return Array.from({ length: headcount }, () => 100);
  const wMin = Math.min(weekendHoursPerWeek / headcount, avg);
  let full = Math.floor((hoursPerWeek - headcount * wMin) / (norm - wMin) + EPS);
  full = Math.max(0, Math.min(headcount - 1, full));
  // Nobody gets an empty position: with the hours exactly filling `full` positions, one fewer.
  while (full > 0 && round((((hoursPerWeek - full * norm) / (headcount - full)) / norm) * 100, 2) <= 0) full--;
  const rest = (hoursPerWeek - full * norm) / (headcount - full);
  const restPct = round((rest / norm) * 100, 2);
  return [...Array.from({ length: full }, () => 100), ...Array.from({ length: headcount - full }, () => restPct)];
}

export function fullTimeCounts(positions: number[]): FullTimeCounts {
  return {
    percent100: positions.filter((p) => p >= 100 - 1e-6).length,
    atLeast80: positions.filter((p) => p >= 80 - 1e-6).length,
    above90: positions.filter((p) => p > 90 + 1e-6).length,
  };
}

interface Resolved {
  k: number;
  norm: number;
  form: PlanningForm;
  vacationWeeks: number;
  tolerance: number;
}

function computeGroup(g: GroupProfile, r: Resolved): GroupResult {
  const f = r.form === 'annual' ? 52 / (52 - r.vacationWeeks) : 1;
  const T = (g.weekdayHours + g.weekendHours) * f;
  const We = g.weekendHours * f;
  const Pw = g.weekendPersons;
  const Hk = r.k * Pw;
  const Hn = T > EPS ? Math.ceil(T / r.norm - 1e-6) : 0;
  let H: number;
  let boundBy: GroupResult['boundBy'];
  if (Pw === 0) {
    H = Hn;
    boundBy = 'hours';
  } else if (T / Hk <= r.norm + r.tolerance + EPS) {
    H = Hk;
    boundBy = 'weekends';
  } else {
    H = Math.max(Hn, Hk);
    boundBy = 'hours';
  }
  const positions = positionSizes(T, H, We, r.norm);
  const avgHours = H > 0 ? T / H : 0;
  const sumPos = positions.reduce((a, b) => a + b, 0);
  return {
    group: g.group,
    label: groupLabel(g.group),
    weekdayHours: round(g.weekdayHours, 3),
    weekendHours: round(g.weekendHours, 3),
    positionHoursPerWeek: round(T, 3),
    weekendPersons: Pw,
    headcountForWeekends: Hk,
    headcountForHours: Hn,
    headcount: H,
    boundBy,
    effectiveWeekendEvery: Pw > 0 ? round(H / Pw, 2) : null,
    averageHoursPerWeek: round(avgHours, 3),
    averagePositionPercent: H > 0 ? round(sumPos / H, 2) : 0,
    loadPercent: round((avgHours / r.norm) * 100, 2),
    weekendHoursPerPersonPerWeek: H > 0 ? round(We / H, 3) : 0,
    minPositionPercent: H > 0 ? round((We / H / r.norm) * 100, 2) : 0,
    positions,
    fullTime: fullTimeCounts(positions),
    maxWeekendEveryForFullTime: Pw > 0 ? round(T / (Pw * r.norm), 2) : null,
    hoursAbovePositions: H > 0 && avgHours >= r.norm ? round(T - H * r.norm, 3) : 0,
  };
}

interface Totals {
  headcount: number;
  fte: number;
  averagePositionPercent: number;
  fullTimeShare: number;
  fullTimeShares: FullTimeCounts;
  averageHoursPerWeek: number;
}

function totals(groups: GroupResult[]): Totals {
  const H = groups.reduce((s, g) => s + g.headcount, 0);
  const pos = groups.flatMap((g) => g.positions);
  const sum = pos.reduce((a, b) => a + b, 0);
  const ft = fullTimeCounts(pos);
  const hours = groups.reduce((s, g) => s + g.positionHoursPerWeek, 0);
  const share = (n: number) => (H > 0 ? round(n / H, 4) : 0);
  return {
    headcount: H,
    fte: round(sum / 100, 2),
    averagePositionPercent: H > 0 ? round(sum / H, 2) : 0,
    fullTimeShare: share(ft.percent100),
    fullTimeShares: { percent100: share(ft.percent100), atLeast80: share(ft.atLeast80), above90: share(ft.above90) },
    averageHoursPerWeek: H > 0 ? round(hours / H, 3) : 0,
  };
}

/** Pool two profiles: the hours add, the weekend persons add before rounding (rounded once). */
export function poolProfiles(a: DemandProfile, b: DemandProfile): DemandProfile {
  const map = new Map<string, GroupProfile>();
  for (const g of [...a.groups, ...b.groups]) {
    const cur = map.get(g.group);
    if (!cur) {
      map.set(g.group, { ...g, byShift: Object.fromEntries(Object.entries(g.byShift).map(([k, v]) => [`${a.groups.includes(g) ? a.unit : b.unit}:${k}`, { ...v }])) });
      continue;
    }
    const raw = cur.weekendPersonsRaw + g.weekendPersonsRaw;
    for (const [k, v] of Object.entries(g.byShift)) cur.byShift[`${b.unit}:${k}`] = { ...v };
    map.set(g.group, {
      group: g.group,
      weekdayHours: cur.weekdayHours + g.weekdayHours,
      weekendHours: cur.weekendHours + g.weekendHours,
      weekendPersonsRaw: raw,
      weekendPersons: Math.ceil(raw - 1e-9),
      byShift: cur.byShift,
    });
  }
  return {
    ...a,
    unit: `${a.unit} + ${b.unit}`,
    groups: [...map.values()].sort((x, y) => groupOrder(x.group, y.group)),
    days: [],
    notes: [...a.notes, ...b.notes],
  };
}

/** The group an employee counts in: the first of their competences the staffing plan asks for, else ANY. */
function employeeGroup(e: Plan['employees'][number], groups: Set<string>): string {
  const comps = e.competences ?? (e.competence ? [e.competence] : []);
  return comps.find((c) => groups.has(c)) ?? ANY;
}

function resolve(plan: Plan, opts: ScenarioOptions, notes: Message[]): Resolved {
  const k = opts.weekendEvery;
  let norm = opts.weeklyNorm;
  if (norm === undefined) {
    const fixed = plan.rules.hours.weeklyNorm;
    if (fixed !== 'auto') norm = fixed;
    else if (k <= 3) norm = 35.5;
    else {
      norm = 37.5;
      notes.push(
        msg(
          'norm',
          `Hver ${k}. helg er sjeldnere enn hver tredje søndag: ukenormen blir 37,5 t (HTA kap. 1 § 4.2.1), ikke 35,5 t – oppgi ukenorm for en annen`,
          `Every ${k}th weekend is less than every third Sunday: the weekly norm becomes 37.5 h (HTA ch. 1 § 4.2.1), not 35.5 h – set the norm for another`,
        ),
      );
    }
  }
  return {
    k,
    norm,
    form: opts.planningForm ?? (plan.planningForm === 'annual' ? 'annual' : 'rolling'),
    vacationWeeks: opts.vacationWeeks ?? 5,
    tolerance: opts.toleranceHoursPerWeek ?? plan.rules.hours.toleranceHoursPerWeek,
  };
}

function computeProfile(profile: DemandProfile, r: Resolved): { groups: GroupResult[]; totals: Totals } {
  const groups = profile.groups.map((g) => computeGroup(g, r)).filter((g) => g.headcount > 0 || g.positionHoursPerWeek > 0);
  return { groups, totals: totals(groups) };
}

const pct = (x: number, lang: 'nb' | 'en') => (lang === 'nb' ? `${nbNum(x, 1)} %` : `${enNum(x, 1)} %`);

export function computeScenario(plan: Plan, opts: ScenarioOptions): ScenarioResult {
  validate(opts);
  const notes: Message[] = [];
  const reasons: Message[] = [];
  const r = resolve(plan, opts, notes);
  const profOpts: ProfileOptions = {
    level: opts.level,
    includeNights: opts.includeNights,
    longShiftHours: opts.longShiftHours,
    longShiftMode: opts.longShiftMode,
    longShiftStart: opts.longShiftStart,
  };
  const own = demandProfile(plan, profOpts);
  const other = opts.pool ? demandProfile(opts.pool, profOpts) : undefined;
  const profile = other ? poolProfiles(own, other) : own;
  notes.push(...profile.notes);
  const { groups, totals: t } = computeProfile(profile, r);
  const k = r.k;

  // Long shift limits.
  const lh = profile.longShift?.hours ?? null;
  if (lh !== null) {
    const per24 = plan.rules.totalTime.maxHoursPer24;
    if (lh > per24 + EPS)
      reasons.push(
        msg(
          'longShiftPer24',
          `Langvakt på ${nbNum(lh, 2)} t er over grensen for arbeidstid per 24 timer, ${nbNum(per24, 2)} t (AML § 10-6 (8)/(9))`,
          `A long shift of ${enNum(lh, 2)} h exceeds the working-time limit per 24 hours, ${enNum(per24, 2)} h (AML § 10-6 (8)/(9))`,
        ),
      );
    else if (lh > plan.rules.longShifts.localMaxHours + EPS)
      notes.push(
        msg(
          'longShiftCentral',
          `Langvakt over ${nbNum(plan.rules.longShifts.localMaxHours, 2)} t krever sentral avtale med fagforening med innstillingsrett (AML § 10-12 (4))`,
          `Long shifts above ${enNum(plan.rules.longShifts.localMaxHours, 2)} h need a central agreement with a union with innstillingsrett (AML § 10-12 (4))`,
        ),
      );
    if (profile.longShiftMode === 'lanes' && !other) {
      const before = demandProfile(plan, { ...profOpts, longShiftHours: undefined }).groups.reduce((s, g) => s + g.weekendHours, 0);
      const after = profile.groups.reduce((s, g) => s + g.weekendHours, 0);
      if (Math.abs(before - after) > 0.05)
        notes.push(
          msg(
            'longShiftHours',
            `Helgetimer per uke ${nbNum(before)} → ${nbNum(after)} t: én langvakt per person på vakt samtidig (${profile.converted.join('+')} → ${profile.longShift!.code} ${profile.longShift!.start}–${profile.longShift!.end})${after < before ? '; kantene av dag- og kveldsvaktene dekkes ikke lenger dobbelt' : ''}`,
            `Weekend hours per week ${enNum(before)} → ${enNum(after)} h: one long shift per person on duty at the same time (${profile.converted.join('+')} → ${profile.longShift!.code} ${profile.longShift!.start}–${profile.longShift!.end})`,
          ),
        );
    }
  }

  // Groups bound by hours: weekends more rarely than every k-th.
  for (const g of groups) {
    if (g.boundBy === 'hours' && g.weekendPersons > 0)
      notes.push(
        msg(
          'hoursBound',
          `${g.label.nb}: ${nbNum(g.positionHoursPerWeek)} t/uke på ${g.headcountForWeekends} personer (${g.weekendPersons} per helg × ${k}) ville gitt ${nbNum(loadAtK(g, r.norm))} % – derfor ${g.headcount} personer (⌈${nbNum(g.positionHoursPerWeek)} / ${nbNum(r.norm, 2)}⌉), og helg bare hver ${nbNum(g.effectiveWeekendEvery ?? 0, 2)}. gang`,
          `${g.label.en}: ${enNum(g.positionHoursPerWeek)} h/week on ${g.headcountForWeekends} people (${g.weekendPersons} per weekend × ${k}) would give ${enNum(loadAtK(g, r.norm))} % – so ${g.headcount} people (⌈${enNum(g.positionHoursPerWeek)} / ${enNum(r.norm, 2)}⌉), each working only every ${enNum(g.effectiveWeekendEvery ?? 0, 2)}th weekend`,
        ),
      );
    const smallest = g.positions.length ? Math.min(...g.positions) : 100;
    if (smallest < 10)
      notes.push(
        msg(
          'tinyPosition',
          `${g.label.nb}: minste stilling blir ${nbNum(smallest, 1)} % (${nbNum((smallest / 100) * r.norm, 1)} t/uke) – vurder ekstravakter eller en felles pool i stedet`,
          `${g.label.en}: the smallest position becomes ${enNum(smallest, 1)} % (${enNum((smallest / 100) * r.norm, 1)} h/week) – consider extra shifts or a shared pool instead`,
        ),
      );
    if (g.hoursAbovePositions > 0.01)
      notes.push(
        msg(
          'aboveNorm',
          `${g.label.nb}: ${nbNum(g.hoursAbovePositions, 2)} t/uke over 100 %-stillingene (${nbNum(g.averageHoursPerWeek, 2)} t per person mot norm ${nbNum(r.norm, 2)} t, innenfor toleransen ${nbNum(r.tolerance, 2)} t) – dekkes med ekstravakter`,
          `${g.label.en}: ${enNum(g.hoursAbovePositions, 2)} h/week above the 100 % positions (${enNum(g.averageHoursPerWeek, 2)} h per person against a norm of ${enNum(r.norm, 2)} h, within the tolerance ${enNum(r.tolerance, 2)} h) – covered by extra shifts`,
        ),
      );
  }
  if (r.form === 'annual')
    notes.push(
      msg(
        'annual',
        `Årsturnus: ${r.vacationWeeks} ferieuker planlegges inn med egne ansatte – stillingene bærer timene × 52/${52 - r.vacationWeeks}; helgefrekvensen telles over året`,
        `Annual rota: ${r.vacationWeeks} vacation weeks planned in with own staff – the positions carry the hours × 52/${52 - r.vacationWeeks}; the weekend frequency is counted over the year`,
      ),
    );

  // Can it be staffed with the people there are?
  const groupKeys = new Set(groups.map((g) => g.group).filter((g) => g !== ANY));
  const employees = [...plan.employees, ...(opts.pool?.employees ?? [])];
  let currentStaff: ScenarioResult['currentStaff'];
  if (employees.length > 0) {
    const byGroup = new Map<string, number>();
    for (const e of employees) {
      const g = employeeGroup(e, groupKeys);
      byGroup.set(g, (byGroup.get(g) ?? 0) + 1);
    }
    for (const g of groups) g.currentHeadcount = byGroup.get(g.group) ?? 0;
    const sum = employees.reduce((s, e) => s + e.positionPercent, 0);
    currentStaff = {
      headcount: employees.length,
      averagePositionPercent: round(sum / employees.length, 2),
      fullTimeShare: round(employees.filter((e) => e.positionPercent >= 100).length / employees.length, 4),
    };
    for (const g of groups) {
      if (g.group === ANY || (g.currentHeadcount ?? 0) >= g.headcount) continue;
      reasons.push(shortOf(g.label, g.headcount, g.currentHeadcount ?? 0, g, k, r.norm));
    }
    if (employees.length < t.headcount) {
      const Pw = groups.reduce((s, g) => s + g.weekendPersons, 0);
      reasons.push(
        msg(
          'tooFew',
          `Hver ${k}. helg: ${Pw} personer per helg × ${k} = ${k * Pw} trengs for helgene, timene krever minst ${groups.reduce((s, g) => s + g.headcountForHours, 0)}; scenariet trenger ${t.headcount}, enheten har ${employees.length} – ${t.headcount - employees.length} for få`,
          `Every ${k}th weekend: ${Pw} people per weekend × ${k} = ${k * Pw} needed for the weekends, the hours need at least ${groups.reduce((s, g) => s + g.headcountForHours, 0)}; the scenario needs ${t.headcount}, the unit has ${employees.length} – ${t.headcount - employees.length} too few`,
        ),
      );
    } else if (employees.length > t.headcount)
      notes.push(
        msg(
          'moreThanNeeded',
          `Enheten har ${employees.length} ansatte (snitt ${pct(currentStaff.averagePositionPercent, 'nb')}), scenariet klarer seg med ${t.headcount} (snitt ${pct(t.averagePositionPercent, 'nb')})`,
          `The unit has ${employees.length} employees (average ${pct(currentStaff.averagePositionPercent, 'en')}), the scenario needs ${t.headcount} (average ${pct(t.averagePositionPercent, 'en')})`,
        ),
      );
  }
  if (opts.maxHeadcount !== undefined && t.headcount > opts.maxHeadcount)
    reasons.push(
      msg(
        'maxHeadcount',
        `Scenariet trenger ${t.headcount} personer (${groups.map((g) => `${g.label.nb} ${g.headcount}`).join(', ')}), taket er ${opts.maxHeadcount}`,
        `The scenario needs ${t.headcount} people (${groups.map((g) => `${g.label.en} ${g.headcount}`).join(', ')}), the cap is ${opts.maxHeadcount}`,
      ),
    );

  let pool: PoolResult | undefined;
  if (other) {
    const a = computeProfile(own, r).totals;
    const b = computeProfile(other, r).totals;
    const sepH = a.headcount + b.headcount;
    const sepAvg = sepH > 0 ? round((a.averagePositionPercent * a.headcount + b.averagePositionPercent * b.headcount) / sepH, 2) : 0;
    const sepFt = sepH > 0 ? round((a.fullTimeShare * a.headcount + b.fullTimeShare * b.headcount) / sepH, 4) : 0;
    pool = {
      units: [own.unit, other.unit],
      separate: [
        { unit: own.unit, headcount: a.headcount, averagePositionPercent: a.averagePositionPercent, fullTimeShare: a.fullTimeShare },
        { unit: other.unit, headcount: b.headcount, averagePositionPercent: b.averagePositionPercent, fullTimeShare: b.fullTimeShare },
      ],
      separateHeadcount: sepH,
      separateAveragePositionPercent: sepAvg,
      separateFullTimeShare: sepFt,
      pooledHeadcount: t.headcount,
      headcountSaving: sepH - t.headcount,
      averagePositionGain: round(t.averagePositionPercent - sepAvg, 2),
    };
    notes.push(
      msg(
        'pool',
        `Felles pool ${own.unit} + ${other.unit}: ${t.headcount} personer mot ${sepH} hver for seg (${a.headcount} + ${b.headcount}) – ${sepH - t.headcount} færre; snitt ${pct(t.averagePositionPercent, 'nb')} mot ${pct(sepAvg, 'nb')}`,
        `Shared pool ${own.unit} + ${other.unit}: ${t.headcount} people against ${sepH} separately (${a.headcount} + ${b.headcount}) – ${sepH - t.headcount} fewer; average ${pct(t.averagePositionPercent, 'en')} against ${pct(sepAvg, 'en')}`,
      ),
    );
  }

  const byCompetence: Record<string, GroupResult> = {};
  for (const g of groups) byCompetence[g.group] = g;
  const { pool: poolPlan, ...rest } = opts;
  return {
    name: opts.name ? { nb: opts.name, en: opts.name } : scenarioName({ weekendEvery: k, longShifts: profile.longShifts, longShiftHours: lh, weeklyNorm: r.norm, planningForm: r.form, pooled: !!other }),
    unit: profile.unit,
    weekendEvery: k,
    weeklyNorm: r.norm,
    planningForm: r.form,
    vacationWeeks: r.form === 'annual' ? r.vacationWeeks : 0,
    longShifts: profile.longShifts,
    longShiftHours: lh,
    longShiftMode: profile.longShiftMode,
    weekdayHours: round(groups.reduce((s, g) => s + g.weekdayHours, 0), 3),
    weekendHours: round(groups.reduce((s, g) => s + g.weekendHours, 0), 3),
    weekendPersons: groups.reduce((s, g) => s + g.weekendPersons, 0),
    ...t,
    byCompetence,
    staffable: reasons.length === 0,
    reasons,
    notes,
    currentStaff,
    pool,
    profile: own,
    poolProfile: other,
    options: { ...rest, weeklyNorm: r.norm, planningForm: r.form, vacationWeeks: r.vacationWeeks, toleranceHoursPerWeek: r.tolerance, ...(poolPlan ? { pool: poolPlan.unit } : {}) },
  };
}

/** Average position the k × Pw people would need. */
function loadAtK(g: GroupResult, norm: number): number {
  return g.headcountForWeekends > 0 ? (g.positionHoursPerWeek / g.headcountForWeekends / norm) * 100 : 0;
}

function shortOf(label: { nb: string; en: string }, need: number, have: number, g: GroupResult, k: number, norm: number): Message {
  const why =
    g.boundBy === 'weekends'
      ? { nb: `${g.weekendPersons} per helg × hver ${k}. helg = ${need}`, en: `${g.weekendPersons} per weekend × every ${k}th weekend = ${need}` }
      : { nb: `${nbNum(g.positionHoursPerWeek)} t/uke / ${nbNum(norm, 2)} t = ${need}`, en: `${enNum(g.positionHoursPerWeek)} h/week / ${enNum(norm, 2)} h = ${need}` };
  return msg(
    'tooFewGroup',
    `${label.nb}: trenger ${why.nb}, enheten har ${have} – ${need - have} for få`,
    `${label.en}: needs ${why.en}, the unit has ${have} – ${need - have} too few`,
  );
}

/** Up to three scenarios side by side. */
export function compareScenarios(plan: Plan, scenarios: ScenarioOptions[]): ScenarioResult[] {
  if (scenarios.length === 0 || scenarios.length > 3)
    throw new ScenarioInputError([msg('count', `1–3 scenarier side om side, fikk ${scenarios.length}`, `1–3 scenarios side by side, got ${scenarios.length}`)]);
  return scenarios.map((s) => computeScenario(plan, s));
}
