/**
 * The rota grid as the web app shows it, computed on the server from the plan file with
 * the same checker the engine uses: days (week numbers, weekends, red days), one row per
 * employee with planned vs position hours, absences, wish markers, coverage per shift and
 * competence, and every rule violation. What a caller sees depends on its access level:
 *
 * - full      (leader, planner, admin): everything;
 * - hearing   (union and safety representatives): absence kinds are replaced by "absent",
 *             and violation messages do not name an absence kind;
 * - published (employees): the published rota only — no absences or wishes of others, no
 *             violations; the caller's own absences and wishes are shown.
 */
import { assignmentsFromRows, checkRows, rowsFromAssignments, type Violation } from '../core/eval/checker.js';
import { absenceKindAt, buildContext, type EvalContext } from '../core/eval/context.js';
import { buildLine, FREE } from '../core/eval/line.js';
import { holidayOn } from '../core/calendar/holidays.js';
import type { Plan } from '../core/model/plan.js';
import { requiredHours } from '../core/rules/weeklyNorm.js';
import type { PlanAccess } from './auth/permissions.js';

export interface DayView {
  date: string;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  isoWeek: number;
  weekend: boolean;
  red: boolean;
  holiday: string | null;
  holidayEn: string | null;
}

export interface ShiftTypeView {
  code: string;
  name: string;
  start: string;
  end: string;
  category: string;
  hours: number;
}

export interface EmployeeRowView {
  id: string;
  name: string;
  competence: string | null;
  competences: string[];
  positionPercent: number;
  /** Shift code per day (null = free). */
  cells: Array<string | null>;
  /** Absence per day: a kind, "absent" (kind hidden), or null. */
  absences: Array<string | null>;
  plannedHours: number;
  /** Hours the position requires over the period (null when hidden). */
  positionHours: number | null;
  wishesMet: number | null;
  wishesTotal: number | null;
  hardCount: number;
  softCount: number;
}

export interface WishView {
  employee: string;
  date: string;
  shift: string | null;
  kind: 'want' | 'avoid';
  weight: number;
  met: boolean;
}

export interface CoverageRowView {
  shift: string;
  competence: string | null;
  /** Per day: required minimum, target and actual count; null when nothing is required that day. */
  days: Array<{ min: number; target: number; actual: number } | null>;
}

export interface PlanGridView {
  access: PlanAccess;
  start: string;
  end: string;
  days: DayView[];
  shiftTypes: ShiftTypeView[];
  employees: EmployeeRowView[];
  wishes: WishView[];
  coverage: CoverageRowView[];
  violations: Violation[];
  hardCount: number;
  softCount: number;
  assignments: Plan['assignments'];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function redactViolation(v: Violation): Violation {
  if (v.rule !== 'PLAN-01') return v;
  return { ...v, message: v.message.replace(/\s*\([^)]*\)\s*$/, ''), messageEn: v.messageEn.replace(/\s*\([^)]*\)\s*$/, '') };
}

function wishMet(ctx: EvalContext, row: Int16Array, w: { day: number; shift: number; want: boolean }): boolean {
  const s = row[w.day];
  return w.want ? (w.shift === -1 ? s === FREE : s === w.shift) : w.shift === -1 ? s === FREE : s !== w.shift;
}

/** The grid for `plan` as `access` may see it; `self` is the caller's employee id (published access). */
export function planGridView(plan: Plan, access: PlanAccess, self: string | null = null): PlanGridView {
  const ctx = buildContext(plan);
  const rows = rowsFromAssignments(ctx, plan);
  const check = access === 'published' ? null : checkRows(ctx, rows);

  const days: DayView[] = ctx.days.map((d) => {
    const h = holidayOn(d.date);
    return { date: d.date, weekday: d.weekday, isoWeek: d.isoWeek, weekend: d.weekday >= 5, red: d.isRed, holiday: h?.nameNb ?? null, holidayEn: h?.nameEn ?? null };
  });
  const shiftTypes: ShiftTypeView[] = ctx.shiftTypes.map((s) => {
    const src = plan.shiftTypes[s.idx];
    // A prediction shift (prediksjonsvakt) gets a colour of its own in the grid and the exports.
    const category = s.predictionFor >= 0 ? 'prediction' : s.category;
    return { code: s.code, name: s.name, start: src.start, end: src.end, category, hours: round1(ctx.instance(0, s.idx).workMin / 60) };
  });

  const employees: EmployeeRowView[] = ctx.employees.map((emp, e) => {
    const src = plan.employees[e];
    const own = self !== null && emp.id === self;
    const seeAbsence = access !== 'published' || own;
    const line = buildLine(ctx, e, rows[e]);
    const req = requiredHours(ctx, line);
    const seeWishes = access !== 'published' || own;
    let met = 0;
    let total = 0;
    if (seeWishes) for (const w of ctx.wishes[e]) {
      total += w.weight;
      if (wishMet(ctx, rows[e], w)) met += w.weight;
    }
    const mine = check ? check.violations.filter((v) => v.employee === emp.id) : [];
    return {
      id: emp.id,
      name: emp.name,
      competence: emp.competences[0] ?? null,
      competences: emp.competences,
      positionPercent: src.positionPercent,
      cells: Array.from(rows[e], (s) => (s === FREE ? null : ctx.shiftTypes[s].code)),
      absences: Array.from({ length: ctx.D }, (_, d) => {
        if (!seeAbsence) return null;
        const k = absenceKindAt(ctx, e, d);
        return k === null ? null : access === 'full' || own ? k : 'absent';
      }),
      plannedHours: round1(req.planned),
      positionHours: access === 'published' && !own ? null : round1(req.required),
      wishesMet: seeWishes && ctx.wishes[e].length ? round1(met) : null,
      wishesTotal: seeWishes && ctx.wishes[e].length ? round1(total) : null,
      hardCount: mine.filter((v) => v.severity === 'hard').length,
      softCount: mine.filter((v) => v.severity === 'soft').length,
    };
  });

  const wishes: WishView[] = [];
  ctx.employees.forEach((emp, e) => {
    if (access === 'published' && emp.id !== self) return;
    for (const w of ctx.wishes[e])
      wishes.push({
        employee: emp.id,
        date: ctx.days[w.day].date,
        shift: w.shift === -1 ? null : ctx.shiftTypes[w.shift].code,
        kind: w.want ? 'want' : 'avoid',
        weight: w.weight,
        met: wishMet(ctx, rows[e], w),
      });
  });

  // Coverage: one row per (shift, competence) in the staffing plan, actual counts per day.
  const coverage: CoverageRowView[] = [];
  if (access !== 'published') {
    const key = (s: number, c: string | null) => `${s}|${c ?? ''}`;
    const index = new Map<string, CoverageRowView>();
    const order: Array<[number, string | null]> = [];
    for (const cells of ctx.demand)
      for (const cell of cells)
        if (!index.has(key(cell.shift, cell.competence))) {
          const row: CoverageRowView = { shift: ctx.shiftTypes[cell.shift].code, competence: cell.competence, days: Array.from({ length: ctx.D }, () => null) };
          index.set(key(cell.shift, cell.competence), row);
          order.push([cell.shift, cell.competence]);
        }
    order.sort((a, b) => a[0] - b[0] || (a[1] === null ? -1 : b[1] === null ? 1 : a[1].localeCompare(b[1])));
    for (let d = 0; d < ctx.D; d++)
      for (const cell of ctx.demand[d]) {
        const row = index.get(key(cell.shift, cell.competence))!;
        let actual = 0;
        ctx.employees.forEach((emp, e) => {
          if (rows[e][d] === cell.shift && (cell.competence === null || emp.competences.includes(cell.competence))) actual++;
        });
        const prev = row.days[d];
        row.days[d] = prev ? { min: prev.min + cell.min, target: prev.target + cell.target, actual } : { min: cell.min, target: cell.target, actual };
      }
    for (const [s, c] of order) coverage.push(index.get(key(s, c))!);
  }

  const violations = check ? (access === 'full' ? check.violations : check.violations.map(redactViolation)) : [];
  return {
    access,
    start: plan.start,
    end: plan.end,
    days,
    shiftTypes,
    employees,
    wishes,
    coverage,
    violations,
    hardCount: check?.hardCount ?? 0,
    softCount: check?.softCount ?? 0,
    assignments: assignmentsFromRows(ctx, rows),
  };
}
