/**
 * Replays a period of absence day by day on a generated rota, the way it happens on a ward:
 * each morning the leader learns who is absent today, the absent person's shift is vacated,
 * and the cover process (cover.ts) fills it — a prediction shift holder of the right
 * competence, then own staff by rule safety, competence, hours and fairness (the leader calls
 * up to `maxCalls` of them; each says yes at short notice with probability `ownAcceptance`),
 * then the pool, then an outside substitute. The defaults (3 calls, 30 %, 30 % of substitutes
 * with the needed competence) are assumptions, chosen against the seeds' anchor that absence is
 * replaced with the same competence in only 14 % of cases (DOMAIN.md).
 *
 * Costs in units of one regular shift wage: a prediction shift is a planned, paid shift (1); when
 * unused it still has value on the floor (v), so its net cost is 1 − v; extra hours 1, overtime
 * 1.5, an outside substitute at short notice Cu (premium, call round, mismatch), with notice 1.
 * Pure and deterministic for a seed.
 */
import type { Plan } from '../core/model/plan.js';
import { buildContext } from '../core/eval/context.js';
import { rowsFromAssignments } from '../core/eval/checker.js';
import { ScoreDirector } from '../core/eval/score.js';
import { FREE } from '../core/eval/line.js';
import { ABSENCE_KINDS } from '../core/model/primitives.js';
import { toEpochDay } from '../core/time/localDate.js';
import { candidatesFor, DEFAULT_COVER_COSTS, type CoverCosts, type CoverKind } from './cover.js';
import { Rng } from './random.js';

export interface ReplaySpell {
  employee: string;
  from: string;
  to: string;
  kind: 'self_certified' | 'doctor_certified' | 'sick_child' | 'leave';
}

export interface ReplayOptions {
  costs?: CoverCosts;
  /** Value of an unused prediction shift's extra person on the floor, as a share of a wage (v). */
  unusedValue?: number;
  /** Probability that a free colleague who is asked takes the extra shift at short notice. */
  ownAcceptance?: number;
  /** Colleagues the leader calls (in the proposed order) before booking an outside substitute. */
  maxCalls?: number;
  /** Share of outside substitutes with the competence the shift needs (the seeds: about half are unskilled). */
  substituteSameCompetence?: number;
  /** Days from a spell's first day that count as short notice (later days are covered with notice). */
  shortNoticeDays?: number;
  seed?: number;
}

export interface ReplayResult {
  days: number;
  /** Shifts vacated by absence (prediction shifts of absent holders not included). */
  absentShifts: number;
  shortNoticeShifts: number;
  coveredBy: Record<CoverKind, number>;
  shortNoticeSubstitutes: number;
  /** Covered with the competence the shift needs (substitutes counted at their expected share). */
  sameCompetenceRate: number;
  predictionPlanned: number;
  predictionUsed: number;
  predictionUnused: number;
  /** Prediction shifts whose holder was absent. */
  predictionLost: number;
  /** Extra shifts of own staff that were overtime. */
  overtimeShifts: number;
  /** Cost of covering the absences plus the net cost of the prediction shifts, in shift wages. */
  cost: number;
  costPerAbsentShift: number;
  /** Hard score of the rota at the start and at the end (the cover process never adds a breach of law). */
  hardBefore: number;
  hardAfter: number;
}

export function replayAbsence(plan: Plan, spells: readonly ReplaySpell[], opts: ReplayOptions = {}): ReplayResult {
  const costs = opts.costs ?? DEFAULT_COVER_COSTS;
  const v = opts.unusedValue ?? 0.5;
  const accept = opts.ownAcceptance ?? 0.3;
  const maxCalls = opts.maxCalls ?? 3;
  const subComp = opts.substituteSameCompetence ?? 0.3;
  const shortDays = opts.shortNoticeDays ?? 3;
  const rng = new Rng((opts.seed ?? 1) ^ 0x2545f491);
  const ctx = buildContext(plan);
  const sd = new ScoreDirector(ctx, rowsFromAssignments(ctx, plan));
  const hardBefore = sd.score().hard;
  const isPred = (s: number) => s !== FREE && ctx.shiftTypes[s].predictionFor >= 0;
  let predictionPlanned = 0;
  for (const row of sd.rows) for (const s of row) if (isPred(s)) predictionPlanned++;

  // Absences by day index: [employee index, kind index, first day of the spell].
  const byDay: Array<Array<[number, number, number]>> = ctx.days.map(() => []);
  const index = new Map(ctx.employees.map((e) => [e.id, e.idx]));
  for (const sp of spells) {
    const e = index.get(sp.employee);
    if (e === undefined) continue;
    const f = toEpochDay(sp.from) - ctx.startEpoch;
    const t = toEpochDay(sp.to) - ctx.startEpoch;
    for (let d = Math.max(0, f); d <= Math.min(ctx.D - 1, t); d++) byDay[d].push([e, ABSENCE_KINDS.indexOf(sp.kind) + 1, f]);
  }

  const coveredBy: Record<CoverKind, number> = { prediction: 0, own: 0, pool: 0, substitute: 0 };
  const coversTaken: Record<string, number> = {};
  let absentShifts = 0;
  let shortNotice = 0;
  let shortSubs = 0;
  let sameComp = 0;
  let used = 0;
  let lost = 0;
  let overtime = 0;
  let cost = 0;
  for (let d = 0; d < ctx.D; d++) {
    for (const [e, kind, first] of byDay[d]) {
      if (ctx.absence[e][d] !== 0) continue; // already registered (overlapping records)
      const s = sd.rows[e][d];
      sd.registerAbsence(e, d, d, kind);
      if (s === FREE) continue;
      if (isPred(s)) {
        lost++;
        continue;
      }
      absentShifts++;
      const short = d - first < shortDays && ABSENCE_KINDS[kind - 1] !== 'leave';
      if (short) shortNotice++;
      const comp = ctx.employees[e].competences[0] ?? null;
      const list = candidatesFor(sd, d, s, comp, { costs, coversTaken, perKind: 8 });
      // A prediction shift holder is at work for exactly this (also one of another competence,
      // ranked among own staff): no call needed. Others are called, at most maxCalls of them.
      let chosen = list[list.length - 1];
      let calls = 0;
      for (const c of list) {
        if (c.kind === 'substitute') break;
        if (c.had !== null) {
          chosen = c;
          break;
        }
        if (calls >= maxCalls) continue;
        calls++;
        if (rng.next() < accept) {
          chosen = c;
          break;
        }
      }
      coveredBy[chosen.kind]++;
      if (chosen.employee !== null) {
        const ce = index.get(chosen.employee)!;
        sd.set(ce, d, s);
        if (chosen.had !== null) used++;
        else coversTaken[chosen.employee] = (coversTaken[chosen.employee] ?? 0) + 1;
        if (chosen.overtime) overtime++;
        if (chosen.competenceMatch) sameComp++;
        // A prediction shift's wage is counted below with the planned ones.
        if (chosen.had === null) cost += chosen.cost;
      } else {
        sameComp += subComp;
        if (short) shortSubs++;
        cost += short ? costs.substitute : 1;
      }
    }
  }
  const unused = predictionPlanned - used - lost;
  // Prediction shifts: every planned one is a paid shift; an unused one gives v back on the floor.
  cost += predictionPlanned - lost - unused * v;
  const covered = absentShifts;
  return {
    days: ctx.D,
    absentShifts,
    shortNoticeShifts: shortNotice,
    coveredBy,
    shortNoticeSubstitutes: shortSubs,
    sameCompetenceRate: covered ? sameComp / covered : 0,
    predictionPlanned,
    predictionUsed: used,
    predictionUnused: unused,
    predictionLost: lost,
    overtimeShifts: overtime,
    cost: Math.round(cost * 100) / 100,
    costPerAbsentShift: covered ? Math.round((cost / covered) * 1000) / 1000 : 0,
    hardBefore,
    hardAfter: sd.score().hard,
  };
}
