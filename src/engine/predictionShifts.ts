/**
 * Puts recommended prediction shifts (prediksjonsvakter) into a plan for the rota engine:
 * - one prediction shift type per base shift (code `P` + the base code, same times, its own
 *   colour in the grid), marked `predictionFor`;
 * - the counts as staffing-plan lines on their dates (as target, so an unfillable one is a
 *   soft shortfall, not an infeasible plan);
 * - the hours offered first to part-timers who want a larger position: their position is
 *   raised towards the desired size by the hours the prediction shifts need, so the shifts
 *   count towards positions and the engine (TAR-04 hours, PRED-01 holder) places them there.
 * Pure; the result is a plan like any other, generated and checked by the same engine.
 */
import type { Plan } from '../core/model/plan.js';
import { compileShiftTypes } from '../core/eval/context.js';
import { toEpochDay } from '../core/time/localDate.js';

export interface PredictionSlotInput {
  date: string;
  shift: string;
  competence: string | null;
  count: number;
}

export interface PositionChange {
  employee: string;
  from: number;
  to: number;
}

export interface PredictionPlan {
  plan: Plan;
  /** Base shift code → prediction shift code. */
  codes: Record<string, string>;
  shifts: number;
  hours: number;
  positionChanges: PositionChange[];
  /** Hours of prediction shifts no raised position absorbs (they fall on positions as they are). */
  unabsorbedHours: number;
}

export interface PredictionPlanOptions {
  /** Raise the positions of those who want more (default true). */
  raisePositions?: boolean;
  /** Weekly norm used to turn hours into position percent (default 35.5, rota work). */
  weeklyNorm?: number;
}

function predictionCode(base: string, taken: Set<string>): string {
  for (const c of [`P${base}`, `P${base}`.slice(0, 8), `PV${base}`.slice(0, 8)]) if (!taken.has(c)) return c;
  for (let i = 2; ; i++) {
    const c = `P${i}${base}`.slice(0, 8);
    if (!taken.has(c)) return c;
  }
}

export function withPredictionShifts(plan: Plan, slots: readonly PredictionSlotInput[], opts: PredictionPlanOptions = {}): PredictionPlan {
  const compiled = compileShiftTypes(plan);
  const taken = new Set(plan.shiftTypes.map((s) => s.code));
  const codes: Record<string, string> = {};
  const shiftTypes = [...plan.shiftTypes];
  const hoursOf = new Map<string, number>();
  for (const s of new Set(slots.filter((x) => x.count > 0).map((x) => x.shift))) {
    const base = plan.shiftTypes.find((t) => t.code === s);
    if (!base) throw new RangeError(`unknown shift code ${s}`);
    if (base.predictionFor !== undefined) throw new RangeError(`${s} is itself a prediction shift`);
    const existing = plan.shiftTypes.find((t) => t.predictionFor === s);
    const code = existing?.code ?? predictionCode(s, taken);
    taken.add(code);
    codes[s] = code;
    if (!existing) shiftTypes.push({ ...base, code, name: `Prediksjonsvakt ${base.name ?? s}`.slice(0, 80), predictionFor: s });
    const c = compiled.find((t) => t.code === s)!;
    const dur = ((c.endMin - c.startMin + 1440) % 1440 || 1440) - (c.breakPaid ? 0 : c.breakMin);
    hoursOf.set(s, dur / 60);
  }
  // Staffing-plan lines: one per (shift, competence, count) with its dates.
  const groups = new Map<string, { shift: string; competence: string | null; count: number; dates: string[] }>();
  let shifts = 0;
  let hours = 0;
  for (const x of slots) {
    if (x.count <= 0) continue;
    if (x.date < plan.start || x.date > plan.end) continue;
    const key = `${x.shift}|${x.competence ?? ''}|${x.count}`;
    const g = groups.get(key) ?? { shift: x.shift, competence: x.competence, count: x.count, dates: [] };
    g.dates.push(x.date);
    groups.set(key, g);
    shifts += x.count;
    hours += x.count * hoursOf.get(x.shift)!;
  }
  const demand = [
    ...plan.demand,
    ...[...groups.values()].map((g) => ({
      shift: codes[g.shift],
      dates: g.dates.sort(),
      min: 0,
      target: g.count,
      ...(g.competence ? { competence: g.competence } : {}),
    })),
  ];

  // Raise the positions of those who want more, largest wish first, until the hours are absorbed.
  const weeks = (toEpochDay(plan.end) - toEpochDay(plan.start) + 1) / 7;
  const norm = opts.weeklyNorm ?? 35.5;
  const percentPerHour = 100 / (norm * weeks);
  const positionChanges: PositionChange[] = [];
  let left = hours;
  const employees = plan.employees.map((e) => ({ ...e }));
  if (opts.raisePositions !== false) {
    const order = employees
      .filter((e) => e.desiredPositionPercent !== undefined && e.desiredPositionPercent > e.positionPercent)
      .sort((a, b) => b.desiredPositionPercent! - b.positionPercent - (a.desiredPositionPercent! - a.positionPercent) || a.id.localeCompare(b.id));
    for (const e of order) {
      if (left <= 1e-9) break;
      const room = e.desiredPositionPercent! - e.positionPercent;
      const add = Math.min(room, Math.ceil(left * percentPerHour * 100) / 100);
      const to = Math.round((e.positionPercent + add) * 100) / 100;
      positionChanges.push({ employee: e.id, from: e.positionPercent, to });
      left -= (to - e.positionPercent) / percentPerHour;
      e.positionPercent = to;
    }
  }
  return {
    plan: { ...plan, shiftTypes, demand, employees },
    codes,
    shifts,
    hours,
    positionChanges,
    unabsorbedHours: Math.max(0, left),
  };
}
