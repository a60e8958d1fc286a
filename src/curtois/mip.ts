/**
 * The Curtois & Qu problem as a mixed-integer programme (FORMAT.md §§ 4–5), solved with HiGHS
 * (npm `highs`, WebAssembly). Used on the smaller instances, where it can prove or nearly reach
 * the optimum within the time limit, and warm-started with the local search's best rota.
 *
 * x(e,d,s) binary: employee e works shift s on day d (no variable where e may not work s or has
 * a fixed day off); w(e,k) binary: e works weekend k; u(d,s), o(d,s) ≥ 0: under- and over-cover.
 * The constraints are the standard ones (as in Strandmark's open formulation): at most one shift
 * a day; forbidden successions; max shifts per type; total minutes; at most Max worked days in
 * every window of Max+1 days; short work and off runs forbidden only where both neighbours lie
 * inside the horizon; weekends; requests and cover in the objective.
 */
import * as highsModule from 'highs';
import type { Highs, Model } from 'highs';
import { FREE } from '../engine/types.js';
import type { CurtoisInstance } from './parse.js';

export interface CurtoisLp {
  /** CPLEX LP text. */
  text: string;
  /** Column names in the order they were declared (the objective lists every column). */
  columns: string[];
  /** Constant part of the objective (on-request weights). */
  offset: number;
}

const xName = (e: number, d: number, s: number) => `x${e}_${d}_${s}`;

/**
 * A sub-problem: only the employees in `free` are variables; everybody else keeps their row of
 * `rows` and counts towards the cover as a constant. Employees are independent apart from the
 * cover, so the sub-problem is exact for the chosen employees given the others.
 */
export interface CurtoisSubProblem {
  free: readonly number[];
  rows: readonly ArrayLike<number>[];
  /** Days [from, to] the free employees may change (default: all); outside it they keep their rows. */
  window?: readonly [number, number];
}

/** Builds the LP text of an instance (or of a sub-problem of it). */
export function buildCurtoisLp(inst: CurtoisInstance, sub?: CurtoisSubProblem): CurtoisLp {
  const E = inst.staff.length;
  const D = inst.horizon;
  const S = inst.shifts.length;
  const isFree = new Uint8Array(E).fill(sub ? 0 : 1);
  if (sub) for (const e of sub.free) isFree[e] = 1;
  const fixedCover = new Int32Array(D * S);
  if (sub)
    for (let e = 0; e < E; e++) {
      if (isFree[e]) continue;
      for (let d = 0; d < D; d++) if (sub.rows[e][d] !== FREE) fixedCover[d * S + sub.rows[e][d]]++;
    }
  const can = (e: number, d: number, s: number) => isFree[e] === 1 && inst.staff[e].maxShifts[s] > 0 && !inst.staff[e].daysOff.includes(d);
  const obj = new Map<string, number>();
  const columns: string[] = [];
  const binaries: string[] = [];
  const addCol = (name: string, cost: number, binary: boolean) => {
    columns.push(name);
    obj.set(name, cost);
    if (binary) binaries.push(name);
  };
  for (let e = 0; e < E; e++) for (let d = 0; d < D; d++) for (let s = 0; s < S; s++) if (can(e, d, s)) addCol(xName(e, d, s), 0, true);
  const W = Math.floor(D / 7);
  for (let e = 0; e < E; e++) if (isFree[e]) for (let k = 0; k < W; k++) addCol(`w${e}_${k}`, 0, true);
  for (let d = 0; d < D; d++)
    for (let s = 0; s < S; s++) {
      addCol(`u${d}_${s}`, inst.cover[d][s].weightUnder, false);
      addCol(`o${d}_${s}`, inst.cover[d][s].weightOver, false);
    }
  let offset = 0;
  for (const r of inst.onRequests) {
    if (!isFree[r.employee]) continue;
    offset += r.weight;
    const n = xName(r.employee, r.day, r.shift);
    if (obj.has(n)) obj.set(n, obj.get(n)! - r.weight);
  }
  for (const r of inst.offRequests) {
    const n = xName(r.employee, r.day, r.shift);
    if (obj.has(n)) obj.set(n, obj.get(n)! + r.weight);
  }
  const rows: string[] = [];
  const has = (n: string) => obj.has(n);
  const term = (coef: number, n: string) => (coef === 1 ? ` + ${n}` : coef === -1 ? ` - ${n}` : coef >= 0 ? ` + ${coef} ${n}` : ` - ${-coef} ${n}`);
  const push = (terms: string[], rhs: string) => {
    if (terms.length === 0) return;
    rows.push(` r${rows.length}:${terms.join('')} ${rhs}`);
  };
  /** y(e,d) = sum over s of x(e,d,s), as terms with a coefficient. */
  const y = (e: number, d: number, coef: number): string[] => {
    const t: string[] = [];
    for (let s = 0; s < S; s++) if (has(xName(e, d, s))) t.push(term(coef, xName(e, d, s)));
    return t;
  };
  for (let e = 0; e < E; e++) {
    if (!isFree[e]) continue;
    const st = inst.staff[e];
    for (let d = 0; d < D; d++) push(y(e, d, 1), '<= 1');
    if (sub?.window)
      for (let d = 0; d < D; d++) {
        if (d >= sub.window[0] && d <= sub.window[1]) continue;
        for (let s = 0; s < S; s++) if (has(xName(e, d, s))) push([term(1, xName(e, d, s))], `= ${sub.rows[e][d] === s ? 1 : 0}`);
      }
    // Forbidden successions.
    for (let d = 0; d + 1 < D; d++)
      for (let s = 0; s < S; s++) {
        if (!has(xName(e, d, s))) continue;
        const next = inst.shifts[s].forbiddenNext.filter((t) => has(xName(e, d + 1, t)));
        if (next.length) push([term(1, xName(e, d, s)), ...next.map((t) => term(1, xName(e, d + 1, t)))], '<= 1');
      }
    // Max shifts per type, total minutes.
    for (let s = 0; s < S; s++) {
      const t: string[] = [];
      for (let d = 0; d < D; d++) if (has(xName(e, d, s))) t.push(term(1, xName(e, d, s)));
      if (t.length > st.maxShifts[s]) push(t, `<= ${st.maxShifts[s]}`);
    }
    const mins: string[] = [];
    for (let d = 0; d < D; d++) for (let s = 0; s < S; s++) if (has(xName(e, d, s))) mins.push(term(inst.shifts[s].length, xName(e, d, s)));
    push(mins, `<= ${st.maxTotalMinutes}`);
    if (st.minTotalMinutes > 0) push(mins, `>= ${st.minTotalMinutes}`);
    // At most Max worked days in every window of Max+1 days.
    const mx = st.maxConsecutiveShifts;
    for (let a = 0; a + mx < D; a++) {
      const t: string[] = [];
      for (let d = a; d <= a + mx; d++) t.push(...y(e, d, 1));
      push(t, `<= ${mx}`);
    }
    // Short work runs d..d+L-1 with off neighbours inside the horizon.
    for (let L = 1; L < st.minConsecutiveShifts; L++)
      for (let d = 1; d + L <= D - 1; d++) {
        const t = [...y(e, d - 1, -1), ...y(e, d + L, -1)];
        for (let i = d; i < d + L; i++) t.push(...y(e, i, 1));
        push(t, `<= ${L - 1}`);
      }
    // Short off runs with worked neighbours inside the horizon.
    for (let L = 1; L < st.minConsecutiveDaysOff; L++)
      for (let d = 1; d + L <= D - 1; d++) {
        const t = [...y(e, d - 1, 1), ...y(e, d + L, 1)];
        for (let i = d; i < d + L; i++) t.push(...y(e, i, -1));
        push(t, '<= 1');
      }
    // Weekends.
    const wk: string[] = [];
    for (let k = 0; k < W; k++) {
      const w = `w${e}_${k}`;
      wk.push(term(1, w));
      for (const d of [7 * k + 5, 7 * k + 6]) if (d < D) for (let s = 0; s < S; s++) if (has(xName(e, d, s))) push([term(1, xName(e, d, s)), term(-1, w)], '<= 0');
    }
    if (W > st.maxWeekends) push(wk, `<= ${st.maxWeekends}`);
  }
  // Cover: sum x + u - o = requirement.
  for (let d = 0; d < D; d++)
    for (let s = 0; s < S; s++) {
      const t: string[] = [];
      for (let e = 0; e < E; e++) if (has(xName(e, d, s))) t.push(term(1, xName(e, d, s)));
      t.push(term(1, `u${d}_${s}`), term(-1, `o${d}_${s}`));
      push(t, `= ${inst.cover[d][s].requirement - fixedCover[d * S + s]}`);
    }
  const objTerms = columns.map((n) => term(obj.get(n)!, n)).join('');
  const text = `Minimize\n obj:${objTerms}\nSubject To\n${rows.join('\n')}\nBinary\n ${binaries.join(' ')}\nEnd\n`;
  return { text, columns, offset };
}

export interface CurtoisMipResult {
  /** Rows of shift indices (FREE = off), or null when HiGHS found no solution. */
  rows: Int16Array[] | null;
  /** Penalty of the solution (objective + offset), null without one. */
  penalty: number | null;
  /** Lower bound on the penalty proven by HiGHS (null if none). */
  bound: number | null;
  /** HiGHS model status text (e.g. "Optimal", "Time limit reached"). */
  status: string;
}

let loaded: Promise<Highs> | null = null;
// The package's types describe a CommonJS default export; at run time the ES module's default is the loader.
const highsLoader = (highsModule as unknown as { default: () => Promise<Highs> }).default;
/** Loads (once) the HiGHS WebAssembly runtime. */
export const loadHighs = (): Promise<Highs> => (loaded ??= highsLoader());
const highs = loadHighs;

/**
 * Solves the MIP of an instance within `seconds` (HiGHS' own time limit), optionally starting
 * from a known rota. Blocks the calling thread: run it in a worker.
 */
export async function solveCurtoisMip(inst: CurtoisInstance, opts: { seconds: number; start?: readonly ArrayLike<number>[]; sub?: CurtoisSubProblem }): Promise<CurtoisMipResult> {
  return solveCurtoisMipWith(await highs(), inst, opts);
}

/**
 * The same, synchronously, on a loaded HiGHS runtime (see loadHighs): for use inside the local
 * search. With `sub`, the result's rows are `sub.rows` with the free employees' rows replaced and
 * the penalty is that of the sub-problem (cover of all days plus the free employees' requests).
 */
export function solveCurtoisMipWith(h: Highs, inst: CurtoisInstance, opts: { seconds: number; start?: readonly ArrayLike<number>[]; sub?: CurtoisSubProblem }): CurtoisMipResult {
  const lp = buildCurtoisLp(inst, opts.sub);
  const model = h.createModel({ format: 'lp', data: lp.text });
  try {
    model.options.set('time_limit', Math.max(0.1, opts.seconds));
    model.options.set('output_flag', false);
    model.options.set('mip_rel_gap', 0);
    // Column order as HiGHS holds it (read back, not assumed).
    if (opts.start) {
      model.setSolution({ colValue: startVector(inst, opts.start, columnNames(model, lp.columns.length)) });
    }
    model.run();
    const code = model.getModelStatus();
    const status = STATUS[code] ?? `status ${code}`;
    const values = model.getSolution().colValue;
    const names = columnNames(model, lp.columns.length);
    let rows: Int16Array[] | null = null;
    let penalty: number | null = null;
    if (values && values.length === names.length && Number.isFinite(model.getObjectiveValue())) {
      const sub = opts.sub;
      rows = inst.staff.map((_, e) => (sub && !sub.free.includes(e) ? Int16Array.from(sub.rows[e]) : new Int16Array(inst.horizon).fill(FREE)));
      names.forEach((n, i) => {
        if (n[0] !== 'x' || values[i] < 0.5) return;
        const [e, d, s] = n.slice(1).split('_').map(Number);
        rows![e][d] = s;
      });
      penalty = Math.round(model.getObjectiveValue() + lp.offset);
    }
    const boundRaw = Number(model.info.get('mip_dual_bound'));
    return { rows, penalty, bound: Number.isFinite(boundRaw) ? Math.ceil(boundRaw + lp.offset - 1e-6) : null, status };
  } finally {
    model.dispose();
  }
}

const STATUS: Record<number, string> = { 7: 'optimal', 8: 'infeasible', 13: 'time limit', 17: 'interrupted' };

function columnNames(model: Model, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(model.getColName(i));
  return out;
}

function startVector(inst: CurtoisInstance, rows: readonly ArrayLike<number>[], names: readonly string[]): Float64Array {
  const D = inst.horizon;
  const S = inst.shifts.length;
  const cover = new Int32Array(D * S);
  rows.forEach((r) => {
    for (let d = 0; d < D; d++) if (r[d] !== FREE) cover[d * S + r[d]]++;
  });
  const v = new Float64Array(names.length);
  names.forEach((n, i) => {
    const p = n.slice(1).split('_').map(Number);
    if (n[0] === 'x') v[i] = rows[p[0]][p[1]] === p[2] ? 1 : 0;
    else if (n[0] === 'w') v[i] = rows[p[0]][7 * p[1] + 5] !== FREE || rows[p[0]][7 * p[1] + 6] !== FREE ? 1 : 0;
    else if (n[0] === 'u') v[i] = Math.max(0, inst.cover[p[0]][p[1]].requirement - cover[p[0] * S + p[1]]);
    else if (n[0] === 'o') v[i] = Math.max(0, cover[p[0] * S + p[1]] - inst.cover[p[0]][p[1]].requirement);
  });
  return v;
}

/** Whether the exact model is worth running on an instance (small enough for HiGHS in WebAssembly). */
export function mipSuits(inst: CurtoisInstance): boolean {
  let cols = 0;
  for (const st of inst.staff) for (let s = 0; s < inst.shifts.length; s++) if (st.maxShifts[s] > 0) cols += inst.horizon - st.daysOff.length;
  return cols <= 1200;
}
