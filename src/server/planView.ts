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
import { assignmentsFromRows, checkDirector, compareViolations, describe, rowsFromAssignments, type Violation } from '../core/eval/checker.js';
import { absenceKindAt, buildContext, type EvalContext } from '../core/eval/context.js';
import { buildLine, FREE } from '../core/eval/line.js';
import { ScoreDirector } from '../core/eval/score.js';
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
  /** Set for editors: names the server's cached check of this rota, for the instant re-check of edits (see recheck.ts). */
  checkToken?: string;
}

/**
 * What changed in the grid after edits, for the employees and days given: their rows, every
 * violation of those employees and the unit-level ones on those days, wishes, coverage on those
 * days and the new totals. Everything else in the grid is unchanged by the edits (an employee
 * rule reads one employee's line, a staffing rule one day), so the page merges this into what it shows.
 */
export interface GridPatchView {
  employees: EmployeeRowView[];
  /** The dates reported: unit-level violations and coverage of these days are replaced. */
  dates: string[];
  /** Sorted like PlanGridView.violations. */
  violations: Violation[];
  wishes: WishView[];
  /** coverage[k][j]: coverage row k (in PlanGridView.coverage order) on dates[j]. */
  coverage: Array<Array<CoverageRowView['days'][number]>>;
  hardCount: number;
  softCount: number;
}

/** The compiled plan, its rota as rows and a ScoreDirector holding that rota. */
export interface GridCheck {
  ctx: EvalContext;
  rows: Int16Array[];
  director: ScoreDirector;
}

export function gridCheck(plan: Plan): GridCheck {
  const ctx = buildContext(plan);
  const rows = rowsFromAssignments(ctx, plan);
  return { ctx, rows, director: new ScoreDirector(ctx, rows) };
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
export function planGridView(plan: Plan, access: PlanAccess, self: string | null = null, pre?: GridCheck): PlanGridView {
  const ctx = pre?.ctx ?? buildContext(plan);
  const rows = pre?.director.rows ?? rowsFromAssignments(ctx, plan);
  const check = access === 'published' ? null : checkDirector(pre?.director ?? new ScoreDirector(ctx, rows));

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

  const byEmployee = new Map<string, Violation[]>();
  for (const v of check?.violations ?? []) {
    if (v.employee === null) continue;
    const l = byEmployee.get(v.employee);
    if (l) l.push(v);
    else byEmployee.set(v.employee, [v]);
  }
  const employees = ctx.employees.map((_, e) => employeeRowView(plan, ctx, rows, e, access, self, byEmployee.get(ctx.employees[e].id) ?? []));

  const wishes: WishView[] = [];
  ctx.employees.forEach((emp, e) => {
    if (access === 'published' && emp.id !== self) return;
    wishes.push(...wishViews(ctx, rows, e));
  });

  // Coverage: one row per (shift, competence) in the staffing plan, actual counts per day.
  const coverage: CoverageRowView[] = [];
  if (access !== 'published') {
    const layout = coverageLayout(ctx);
    for (const row of layout.rows) coverage.push({ shift: ctx.shiftTypes[row.shift].code, competence: row.competence, days: Array.from({ length: ctx.D }, () => null) });
    for (let d = 0; d < ctx.D; d++) coverageOn(ctx, rows, layout, d).forEach((x, k) => (coverage[k].days[d] = x));
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

/**
 * The grid changes for the editors' instant re-check (full access): the rows of employees `es`,
 * their violations and the unit-level ones on days `ds`, their wishes, coverage on `ds` and the
 * totals, for the rota `check.director` holds. Equal to the same parts of `planGridView` of that rota.
 */
export function gridPatchView(plan: Plan, check: GridCheck, es: readonly number[], ds: readonly number[]): GridPatchView {
  const { ctx, director } = check;
  const rows = director.rows;
  const emps = [...new Set(es)].sort((a, b) => a - b);
  const dayList = [...new Set(ds)].sort((a, b) => a - b);
  const own = emps.map((e) => director.employeeViolations(e).map((v) => describe(ctx, v)).sort(compareViolations));
  const unit = dayList.flatMap((d) => director.dayViolations(d).map((v) => describe(ctx, v)));
  let hardCount = 0;
  let total = 0;
  for (const v of director.rawViolations()) {
    total++;
    if (director.isHard(v.rule)) hardCount++;
  }
  const layout = coverageLayout(ctx);
  const perDay = dayList.map((d) => coverageOn(ctx, rows, layout, d));
  return {
    employees: emps.map((e, i) => employeeRowView(plan, ctx, rows, e, 'full', null, own[i])),
    dates: dayList.map((d) => ctx.days[d].date),
    violations: [...own.flat(), ...unit].sort(compareViolations),
    wishes: emps.flatMap((e) => wishViews(ctx, rows, e)),
    coverage: layout.rows.map((_, k) => perDay.map((c) => c[k])),
    hardCount,
    softCount: total - hardCount,
  };
}

function employeeRowView(plan: Plan, ctx: EvalContext, rows: Int16Array[], e: number, access: PlanAccess, self: string | null, mine: readonly Violation[]): EmployeeRowView {
  const emp = ctx.employees[e];
  const src = plan.employees[e];
  const own = self !== null && emp.id === self;
  const seeAbsence = access !== 'published' || own;
  const line = buildLine(ctx, e, rows[e]);
  const req = requiredHours(ctx, line);
  const seeWishes = access !== 'published' || own;
  let met = 0;
  let total = 0;
  if (seeWishes)
    for (const w of ctx.wishes[e]) {
      total += w.weight;
      if (wishMet(ctx, rows[e], w)) met += w.weight;
    }
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
}

function wishViews(ctx: EvalContext, rows: Int16Array[], e: number): WishView[] {
  const emp = ctx.employees[e];
  return ctx.wishes[e].map((w) => ({
    employee: emp.id,
    date: ctx.days[w.day].date,
    shift: w.shift === -1 ? null : ctx.shiftTypes[w.shift].code,
    kind: w.want ? 'want' : 'avoid',
    weight: w.weight,
    met: wishMet(ctx, rows[e], w),
  }));
}

interface CoverageLayout {
  /** The coverage rows in display order: by shift, then "any competence" first, then by competence. */
  rows: Array<{ shift: number; competence: string | null }>;
  index: Map<string, number>;
}

const coverageKey = (s: number, c: string | null) => `${s}|${c ?? ''}`;

function coverageLayout(ctx: EvalContext): CoverageLayout {
  const seen = new Set<string>();
  const rows: CoverageLayout['rows'] = [];
  for (const cells of ctx.demand)
    for (const cell of cells)
      if (!seen.has(coverageKey(cell.shift, cell.competence))) {
        seen.add(coverageKey(cell.shift, cell.competence));
        rows.push({ shift: cell.shift, competence: cell.competence });
      }
  rows.sort((a, b) => a.shift - b.shift || (a.competence === null ? -1 : b.competence === null ? 1 : a.competence.localeCompare(b.competence)));
  return { rows, index: new Map(rows.map((r, k) => [coverageKey(r.shift, r.competence), k])) };
}

/** Required minimum, target and actual count on day d, per coverage row (null where nothing is required). */
function coverageOn(ctx: EvalContext, rows: Int16Array[], layout: CoverageLayout, d: number): Array<CoverageRowView['days'][number]> {
  const out: Array<CoverageRowView['days'][number]> = layout.rows.map(() => null);
  for (const cell of ctx.demand[d]) {
    const k = layout.index.get(coverageKey(cell.shift, cell.competence))!;
    let actual = 0;
    ctx.employees.forEach((emp, e) => {
      if (rows[e][d] === cell.shift && (cell.competence === null || emp.competences.includes(cell.competence))) actual++;
    });
    const prev = out[k];
    out[k] = prev ? { min: prev.min + cell.min, target: prev.target + cell.target, actual } : { min: cell.min, target: cell.target, actual };
  }
  return out;
}
