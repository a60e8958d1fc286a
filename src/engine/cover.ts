/**
 * The day an absence happens (fraværsdagen): who covers the absent person's shifts.
 *
 * For each shift the absent person had, candidates in the order the issue and the seeds ask for:
 * 1. an unused prediction shift (prediksjonsvakt) that day whose holder has the right competence:
 *    the holder is moved onto the absent shift — planned for exactly this, no extra cost;
 * 2. own staff of the unit who are free that day, ranked by rule safety (no breach of law or
 *    agreement after the change — the same rule catalogue as the checker), competence match,
 *    hours against position (those below their position first: extra hours before overtime),
 *    fairness (fewest extra shifts taken so far) and cost;
 * 3. the shared pool (ressurspool): staff from other units added to the plan with their own rota;
 * 4. only then an outside substitute (vikar), always available at the short-notice cost.
 *
 * Works on a live ScoreDirector (the replay keeps one for a whole year) and on a plan file
 * (the API). Pure: no I/O.
 */
import type { Assignment, Plan } from '../core/model/plan.js';
import { buildContext, type EvalContext } from '../core/eval/context.js';
import { rowsFromAssignments, assignmentsFromRows } from '../core/eval/checker.js';
import { ScoreDirector } from '../core/eval/score.js';
import { buildLine, FREE } from '../core/eval/line.js';
import { requiredHours } from '../core/rules/weeklyNorm.js';
import { ABSENCE_KINDS } from '../core/model/primitives.js';
import { toEpochDay } from '../core/time/localDate.js';

export type CoverKind = 'prediction' | 'own' | 'pool' | 'substitute';
export const COVER_ORDER: readonly CoverKind[] = ['prediction', 'own', 'pool', 'substitute'];

/** Costs in units of one regular shift wage (FORECASTING.md § 3). */
export interface CoverCosts {
  /** Extra hours within a part-time position's complement to full time (merarbeid): paid at the normal rate. */
  extraHours: number;
  /** Overtime above full time (AML § 10-6: at least 40 %; KS commonly 50 %). */
  overtime: number;
  /** A pool shift. */
  pool: number;
  /** An outside substitute at short notice (premium, the leader's call round, a likely competence mismatch). */
  substitute: number;
}

export const DEFAULT_COVER_COSTS: CoverCosts = { extraHours: 1, overtime: 1.5, pool: 1, substitute: 1.75 };

export interface CoverCandidate {
  kind: CoverKind;
  /** Employee id; null for an outside substitute. */
  employee: string | null;
  name: string;
  /** What the candidate had that day (a prediction shift code), or null when free. */
  had: string | null;
  competenceMatch: boolean;
  /** No hard violation is added by the change. */
  safe: boolean;
  /** Rules a change would break (hard) or strain (soft), with the change in score. */
  hardAdded: number;
  softAdded: number;
  /** Planned hours after the change, and what the position requires over the period. */
  hoursAfter: number | null;
  positionHours: number | null;
  /** Extra shifts (cover) this person has taken so far. */
  coversTaken: number;
  overtime: boolean;
  cost: number;
}

export interface CoverNeed {
  date: string;
  /** The shift code the absent person had. */
  shift: string;
  /** The competence the shift needs from the replacement (the absent person's, where the staffing plan asks for it). */
  competence: string | null;
  absentEmployee: string;
  /** The absent person's shift was a prediction shift: nobody needs to cover it, the buffer is gone. */
  predictionShiftLost: boolean;
  candidates: CoverCandidate[];
}

export interface CoverOptions {
  costs?: CoverCosts;
  /** Extra shifts each employee has taken so far (fairness). */
  coversTaken?: Readonly<Record<string, number>>;
  /** Employees of the plan who are pool staff (from another unit). */
  poolEmployees?: ReadonlySet<string>;
  /** Most candidates of each kind to return (default 5). */
  perKind?: number;
}

/** The competence a replacement must have: the absent person's competences the staffing plan asks for on that shift. */
function neededCompetence(ctx: EvalContext, e: number, d: number, s: number): string | null {
  const own = ctx.employees[e].competences;
  const asked = ctx.demand[d].filter((c) => c.shift === s && c.competence !== null && own.includes(c.competence)).map((c) => c.competence!);
  return asked[0] ?? own[0] ?? null;
}

function hoursOf(sd: ScoreDirector, e: number): { planned: number; required: number } {
  const r = requiredHours(sd.ctx, buildLine(sd.ctx, e, sd.rows[e]));
  return { planned: r.planned, required: r.required };
}

/**
 * Candidates for one vacant shift (employee `absent` had shift `s` on day `d`, already removed
 * from the rota and registered absent). The rota is not changed.
 */
export function candidatesFor(sd: ScoreDirector, d: number, s: number, competence: string | null, opts: CoverOptions = {}): CoverCandidate[] {
  const ctx = sd.ctx;
  const costs = opts.costs ?? DEFAULT_COVER_COSTS;
  const perKind = opts.perKind ?? 5;
  const base = sd.score();
  const out: CoverCandidate[] = [];
  for (const emp of ctx.employees) {
    const e = emp.idx;
    if (sd.isFixed(e, d) || !sd.canWork(e, s)) continue;
    const cur = sd.rows[e][d];
    const holdsPrediction = cur !== FREE && ctx.shiftTypes[cur].predictionFor >= 0;
    if (cur !== FREE && !holdsPrediction) continue;
    const pool = opts.poolEmployees?.has(emp.id) ?? false;
    const competenceMatch = competence === null || emp.competences.includes(competence);
    const after = sd.peek(e, d, s);
    const hardAdded = Math.max(0, after.hard - base.hard);
    const before = hoursOf(sd, e);
    const shiftH = holdsPrediction ? 0 : ctx.instance(d, s).workMin / 60;
    const hoursAfter = before.planned + shiftH;
    // Above the full-time norm for the period → overtime; below it → extra hours at the normal rate.
    const fullTime = emp.p > 0 ? before.required / emp.p : before.required;
    const overtime = !holdsPrediction && hoursAfter > fullTime + 1e-9;
    const kind: CoverKind = holdsPrediction && competenceMatch ? 'prediction' : pool ? 'pool' : 'own';
    const cost = holdsPrediction ? 0 : pool ? costs.pool : overtime ? costs.overtime : costs.extraHours;
    out.push({
      kind,
      employee: emp.id,
      name: emp.name,
      had: holdsPrediction ? ctx.shiftTypes[cur].code : null,
      competenceMatch,
      safe: hardAdded === 0,
      hardAdded,
      softAdded: Math.round((after.soft - base.soft) * 100) / 100,
      hoursAfter: Math.round(hoursAfter * 100) / 100,
      positionHours: Math.round(before.required * 100) / 100,
      coversTaken: opts.coversTaken?.[emp.id] ?? 0,
      overtime,
      cost,
    });
  }
  const rank = (c: CoverCandidate) => [
    COVER_ORDER.indexOf(c.kind),
    c.safe ? 0 : 1,
    c.competenceMatch ? 0 : 1,
    // Below the position's hours first (they are owed hours), then by how far over.
    c.hoursAfter !== null && c.positionHours !== null ? Math.max(0, c.hoursAfter - c.positionHours) : 0,
    c.coversTaken,
    c.cost,
    c.softAdded,
  ];
  const cmp = (a: CoverCandidate, b: CoverCandidate) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
    return (a.employee ?? '').localeCompare(b.employee ?? '');
  };
  // Unsafe candidates are never proposed: a cover must keep the law.
  const safe = out.filter((c) => c.safe).sort(cmp);
  const listed: CoverCandidate[] = [];
  for (const k of COVER_ORDER) listed.push(...safe.filter((c) => c.kind === k).slice(0, perKind));
  listed.push({
    kind: 'substitute',
    employee: null,
    name: 'Vikar',
    had: null,
    competenceMatch: false,
    safe: true,
    hardAdded: 0,
    softAdded: 0,
    hoursAfter: null,
    positionHours: null,
    coversTaken: 0,
    overtime: false,
    cost: costs.substitute,
  });
  return listed;
}

export interface AbsenceEvent {
  employee: string;
  from: string;
  to: string;
  kind: (typeof ABSENCE_KINDS)[number];
}

/**
 * Registers the absence on the live rota and lists the cover candidates for each shift the
 * absent person loses inside the plan's period. The absent person's shifts are removed.
 */
export function registerAndPropose(sd: ScoreDirector, absence: AbsenceEvent, opts: CoverOptions = {}): CoverNeed[] {
  const ctx = sd.ctx;
  const e = ctx.employees.findIndex((x) => x.id === absence.employee);
  if (e < 0) throw new RangeError(`ukjent ansatt «${absence.employee}» / unknown employee`);
  const d0 = toEpochDay(absence.from) - ctx.startEpoch;
  const d1 = toEpochDay(absence.to) - ctx.startEpoch;
  if (d1 < d0) throw new RangeError(`til-dato er før fra-dato / 'to' is before 'from'`);
  const lost: Array<{ d: number; s: number }> = [];
  for (let d = Math.max(0, d0); d <= Math.min(ctx.D - 1, d1); d++) if (sd.rows[e][d] !== FREE) lost.push({ d, s: sd.rows[e][d] });
  const needsComp = lost.map(({ d, s }) => neededCompetence(ctx, e, d, ctx.shiftTypes[s].predictionFor >= 0 ? ctx.shiftTypes[s].predictionFor : s));
  sd.registerAbsence(e, d0, d1, ABSENCE_KINDS.indexOf(absence.kind) + 1);
  return lost.map(({ d, s }, i) => {
    const st = ctx.shiftTypes[s];
    const lostPrediction = st.predictionFor >= 0;
    return {
      date: ctx.days[d].date,
      shift: st.code,
      competence: needsComp[i],
      absentEmployee: absence.employee,
      predictionShiftLost: lostPrediction,
      candidates: lostPrediction ? [] : candidatesFor(sd, d, s, needsComp[i], opts),
    };
  });
}

export interface CoverChoice {
  date: string;
  shift: string;
  /** Employee id of the chosen candidate, or null for an outside substitute. */
  employee: string | null;
}

/** Chosen covers that cannot be applied together (a breach of the rules, or two shifts for one person on a day). */
export class CoverConflictError extends Error {}

/**
 * Applies the chosen covers to the live rota: the holder or staff member gets the shift. The
 * choices together may not add a hard violation nor give anyone two shifts on a day.
 */
export function applyCover(sd: ScoreDirector, choices: readonly CoverChoice[]): void {
  const ctx = sd.ctx;
  const taken = new Set<string>();
  for (const c of choices) {
    if (c.employee !== null) {
      const k = `${c.employee}|${c.date}`;
      if (taken.has(k)) throw new CoverConflictError(`${c.employee} er valgt til to vakter ${c.date} / chosen for two shifts on ${c.date}`);
      taken.add(k);
    }
  }
  for (const c of choices) {
    if (c.employee === null) continue;
    const e = ctx.employees.findIndex((x) => x.id === c.employee);
    const s = ctx.shiftTypes.findIndex((x) => x.code === c.shift);
    const d = toEpochDay(c.date) - ctx.startEpoch;
    if (e < 0 || s < 0 || d < 0 || d >= ctx.D) throw new RangeError(`ugyldig dekning / invalid cover ${JSON.stringify(c)}`);
    if (sd.isFixed(e, d)) throw new CoverConflictError(`${c.employee} er fraværende ${c.date} / is absent that day`);
    const cur = sd.rows[e][d];
    if (cur !== FREE && ctx.shiftTypes[cur].predictionFor < 0) throw new CoverConflictError(`${c.employee} har allerede vakt ${ctx.shiftTypes[cur].code} ${c.date} / already has a shift that day`);
    if (sd.peek(e, d, s).hard > sd.score().hard + 1e-9)
      throw new CoverConflictError(`${c.employee} på ${ctx.shiftTypes[s].code} ${c.date} bryter arbeidstidsreglene / breaks the working-time rules`);
    sd.set(e, d, s);
  }
}

/** The plan-file form for the API: the plan with the absence added, and the cover needs. */
export function proposeCoverForPlan(plan: Plan, absence: AbsenceEvent, opts: CoverOptions = {}): { plan: Plan; needs: CoverNeed[] } {
  const withAbsence: Plan = { ...plan, absences: [...plan.absences, absence] };
  const ctx = buildContext({ ...withAbsence, absences: plan.absences });
  const sd = new ScoreDirector(ctx, rowsFromAssignments(ctx, plan));
  const needs = registerAndPropose(sd, absence, opts);
  return { plan: { ...withAbsence, assignments: assignmentsFromRows(ctx, sd.rows) }, needs };
}

/** The plan-file form of confirming: the absence registered and the chosen covers in the rota. */
export function confirmCoverForPlan(plan: Plan, absence: AbsenceEvent, choices: readonly CoverChoice[]): { plan: Plan; assignments: Assignment[] } {
  const ctx = buildContext(plan);
  const sd = new ScoreDirector(ctx, rowsFromAssignments(ctx, plan));
  registerAndPropose(sd, absence);
  applyCover(sd, choices);
  const assignments = assignmentsFromRows(ctx, sd.rows);
  return { plan: { ...plan, absences: [...plan.absences, absence], assignments }, assignments };
}
