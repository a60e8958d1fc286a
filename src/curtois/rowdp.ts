/**
 * Exact re-rostering of one employee over a window of days, everybody else fixed: a dynamic
 * programme over the days whose state is (class of the last shift or off, length of the
 * current run, minutes worked in the window, weekends worked in the window). The cost of
 * giving the employee value v on day d is the change it makes to the benchmark penalty given
 * the other employees (cover) plus the employee's request penalty, so the optimum of the
 * programme is the best row for that employee (in the window) given everybody else.
 *
 * Enforced exactly: forbidden successions (also across the window's edges), maximum and
 * minimum run lengths with the border exemptions, minimum days off, total minutes, maximum
 * weekends, fixed days off, qualifications. MaxShifts: Lagrangian penalties on a type the
 * optimum uses too often; when they do not settle it within two rounds, or the feasible result
 * leaves a penalised type below its allowance (so it is not provably optimal), that type's
 * count goes into the state (while the product of the counted allowances + 1 stays at most
 * MAX_COUNT_STATES), which makes the row exact. The caller checks the result with the scorer anyway.
 *
 * "Class" of a shift: shifts with the same ForbiddenNext list behave the same for what may
 * follow, so the state only records the class.
 */
import { FREE } from '../engine/types.js';
import type { CurtoisInstance } from './parse.js';
import type { CurtoisScorer } from './scorer.js';

const INF = Number.POSITIVE_INFINITY;
/** Largest product of (allowance + 1) over the shift types counted exactly in the state. */
const MAX_COUNT_STATES = 16;
/**
 * The same for pricing (colgen.ts): the cover duals make many shifts attractive at once, and a
 * row the DP cannot make exact is a column the master never sees.
 */
const PRICING_COUNT_STATES = 256;

/** Request penalty per (employee, day, value + 1), value -1 = off: index (e * D + d) * (S + 1) + v + 1. */
export function requestCosts(inst: CurtoisInstance): Int32Array {
  const D = inst.horizon;
  const S1 = inst.shifts.length + 1;
  const req = new Int32Array(inst.staff.length * D * S1);
  for (const r of inst.onRequests) {
    const base = (r.employee * D + r.day) * S1;
    for (let x = 0; x < S1; x++) if (x !== r.shift + 1) req[base + x] += r.weight;
  }
  for (const r of inst.offRequests) req[(r.employee * D + r.day) * S1 + r.shift + 1] += r.weight;
  return req;
}

/**
 * Totals that replace the employee's own limits in one DP call (all counted over the whole row,
 * outside days included): the construction (construct.ts) fills the horizon piece by piece and
 * gives each piece its pro-rated share of the year, so an early piece cannot use up the year.
 */
export interface RowLimits {
  minTotalMinutes: number;
  maxTotalMinutes: number;
  maxWeekends: number;
  maxShifts: readonly number[];
}

export interface RowResult {
  /** New values for days a..b. */
  values: Int16Array;
  /** DP cost of the new values and of the current ones (same cost function). */
  cost: number;
  currentCost: number;
}

export class RowOptimizer {
  private readonly E: number;
  private readonly D: number;
  private readonly S: number;
  /** Class (1..C) of each shift; 0 = off. */
  private readonly cls: Int32Array;
  private readonly C: number;
  /** forbidAfter[c * S + t] = 1 if shift t may not follow a shift of class c (c >= 1). */
  private readonly forbidAfter: Uint8Array;
  private readonly unit: number;
  private readonly units: Int32Array;
  /** Largest entry of `units`. */
  private readonly maxUnit: number;
  /** Request cost per (e, d, value+1). */
  private readonly req: Int32Array;
  private readonly fixedOff: Uint8Array;
  private readonly covUnder: Int32Array;
  private readonly covOver: Int32Array;
  private costBuf = new Float64Array(0);
  private backBuf = new Int32Array(0);
  private choiceBuf = new Int16Array(0);

  constructor(private readonly inst: CurtoisInstance) {
    const E = (this.E = inst.staff.length);
    const D = (this.D = inst.horizon);
    const S = (this.S = inst.shifts.length);
    const keys = new Map<string, number>();
    this.cls = new Int32Array(S);
    inst.shifts.forEach((sh, s) => {
      const k = sh.forbiddenNext.join(',');
      if (!keys.has(k)) keys.set(k, keys.size + 1);
      this.cls[s] = keys.get(k)!;
    });
    this.C = keys.size;
    this.forbidAfter = new Uint8Array((this.C + 1) * S);
    inst.shifts.forEach((sh, s) => {
      for (const t of sh.forbiddenNext) this.forbidAfter[this.cls[s] * S + t] = 1;
    });
    const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
    this.unit = inst.shifts.reduce((g, sh) => gcd(g, sh.length), 0) || 1;
    this.units = Int32Array.from(inst.shifts, (sh) => sh.length / this.unit);
    this.maxUnit = Math.max(...this.units);
    this.req = requestCosts(inst);
    this.fixedOff = new Uint8Array(E * D);
    inst.staff.forEach((st, e) => st.daysOff.forEach((d) => (this.fixedOff[e * D + d] = 1)));
    this.covUnder = new Int32Array(D * S);
    this.covOver = new Int32Array(D * S);
    for (let d = 0; d < D; d++)
      for (let s = 0; s < S; s++) {
        this.covUnder[d * S + s] = inst.cover[d][s].weightUnder;
        this.covOver[d * S + s] = inst.cover[d][s].weightOver;
      }
  }

  /**
   * The best values for employee e on days a..b given the scorer's current rota (everything
   * else fixed), or null when the window has no feasible filling. A total of minutes outside
   * the employee's range is allowed at `hardWeight` per started hour. `noise` (optional, per day
   * and value, indexed (d - a) * (S + 1) + v + 1) is added to the cost, for diversification.
   */
  optimize(sc: CurtoisScorer, e: number, a: number, b: number, hardWeight: number, noise?: Float64Array, limits?: RowLimits): RowResult | null {
    const { D, S } = this;
    const row = sc.row(e);
    const n = b - a + 1;
    const S1 = S + 1;
    // Per-day costs for every value (index (d - a) * S1 + v + 1).
    const cost = new Float64Array(n * S1);
    for (let i = 0; i < n; i++) {
      const d = a + i;
      const base = (e * D + d) * S1;
      const cur = row[d];
      cost[i * S1] = this.req[base];
      for (let s = 0; s < S; s++) {
        const k = d * S + s;
        const req = sc.requirement(d, s);
        const others = sc.coverCount(d, s) - (cur === s ? 1 : 0);
        // Penalty change of one more person on (d, s).
        const delta = others < req ? -this.covUnder[k] : this.covOver[k];
        cost[i * S1 + s + 1] = this.req[base + s + 1] + delta;
      }
      if (noise) for (let v = 0; v < S1; v++) cost[i * S1 + v] += noise[i * S1 + v];
    }
    return this.solveWindow(row, e, a, b, cost, hardWeight, MAX_COUNT_STATES, limits);
  }

  /**
   * The best whole-horizon row for employee e under arbitrary per-day costs (`cost[d * (S + 1) +
   * v + 1]`, v = -1 for off) with the same constraints as `optimize` and nobody else involved:
   * the pricing step of column generation (colgen.ts), where the costs are the request penalties
   * less the cover duals. Null when no row satisfies the employee's constraints.
   */
  priceRow(e: number, cost: Float64Array, hardWeight: number, maxCountStates = PRICING_COUNT_STATES): RowResult | null {
    return this.solveWindow(new Int16Array(this.D).fill(FREE), e, 0, this.D - 1, cost, hardWeight, maxCountStates);
  }

  /** The DP for employee e on days a..b with the given per-day costs and the rest of `row` fixed. */
  private solveWindow(row: ArrayLike<number>, e: number, a: number, b: number, cost: Float64Array, hardWeight: number, maxCountStates = MAX_COUNT_STATES, limits?: RowLimits): RowResult | null {
    const { D, S, inst } = this;
    const st = limits ? { ...inst.staff[e], ...limits } : inst.staff[e];
    const n = b - a + 1;
    const S1 = S + 1;
    let currentCost = 0;
    let curMinutes = 0;
    for (let i = 0; i < n; i++) {
      currentCost += cost[i * S1 + row[a + i] + 1];
      if (row[a + i] !== FREE) curMinutes += inst.shifts[row[a + i]].length;
    }

    // Counts outside the window.
    let outMin = 0;
    const outCount = new Int32Array(S);
    for (let d = 0; d < D; d++) {
      if (d >= a && d <= b) continue;
      const s = row[d];
      if (s !== FREE) {
        outMin += inst.shifts[s].length;
        outCount[s]++;
      }
    }
    // Minutes are tracked in the window (in units of the shifts' common divisor) and a total
    // outside [Min, Max] is charged `hardWeight` per started 60 minutes, like the scorer.
    const maxU = this.maxUnit;
    const Mmax = Math.floor((st.maxTotalMinutes - outMin) / this.unit);
    const M = Math.min(n * maxU, Math.max(0, Mmax) + 2 * maxU) + 1;
    const minutesPen = new Float64Array(M);
    const curDev = Math.max(0, outMin + curMinutes - st.maxTotalMinutes, st.minTotalMinutes - outMin - curMinutes);
    const curMinutesPen = curDev > 0 ? hardWeight * Math.ceil(curDev / 60) : 0;
    for (let m = 0; m < M; m++) {
      const total = outMin + m * this.unit;
      const dev = total > st.maxTotalMinutes ? total - st.maxTotalMinutes : total < st.minTotalMinutes ? st.minTotalMinutes - total : 0;
      minutesPen[m] = dev > 0 ? hardWeight * Math.ceil(dev / 60) : 0;
    }
    // Allowed shifts and remaining allowances.
    const allowance = new Int32Array(S);
    const allowed: number[] = [];
    for (let s = 0; s < S; s++) {
      // A type already over its limit outside the window gets none inside it (and the window is
      // still solved: the excess outside is the scorer's to count, not a reason to give up).
      allowance[s] = Math.max(0, st.maxShifts[s] - outCount[s]);
      if (allowance[s] > 0) allowed.push(s);
    }
    // Weekends: counted outside (or partly outside with the outside day worked).
    const wkPre = new Uint8Array(Math.ceil(D / 7) + 1);
    let outWk = 0;
    for (let sat = 5; sat < D; sat += 7) {
      const w = (sat - 5) / 7;
      const days = sat + 1 < D ? [sat, sat + 1] : [sat];
      if (days.some((d) => (d < a || d > b) && row[d] !== FREE)) {
        wkPre[w] = 1;
        outWk++;
      }
    }
    let inWindow = 0;
    for (let sat = 5; sat < D; sat += 7) if (sat <= b && sat + 1 >= a && wkPre[(sat - 5) / 7] === 0) inWindow++;
    // Weekends above MaxWeekends are charged `hardWeight` each (like the scorer), so that a
    // window can also repair a rota that works too many weekends.
    const W = Math.max(0, Math.min(st.maxWeekends - outWk, inWindow)) + 1;
    const weekendPen = new Float64Array(W);
    for (let w = 0; w < W; w++) weekendPen[w] = hardWeight * Math.max(0, outWk + w - st.maxWeekends);
    let curWk = 0;
    for (let sat = 5; sat < D; sat += 7)
      if (wkPre[(sat - 5) / 7] === 0 && sat <= b && sat + 1 >= a && (row[sat] !== FREE || (sat + 1 < D && row[sat + 1] !== FREE))) curWk++;
    const cap = Math.max(1, st.minConsecutiveDaysOff);
    const maxC = st.maxConsecutiveShifts;
    const minC = st.minConsecutiveShifts;
    const minOff = st.minConsecutiveDaysOff;
    const R = Math.max(cap, maxC) + 1;
    const C1 = this.C + 1;
    // MaxShifts: the counts of some shift types can be part of the state (mixed radix: stride
    // per counted type, K = product of their allowance + 1); see the rounds below.
    const stride = new Int32Array(S);
    const lim = new Int32Array(S);
    let K = 1;

    // Initial state from the left context.
    let c0 = 0;
    let r0 = cap;
    if (a > 0) {
      const v = row[a - 1];
      const work = v !== FREE;
      let len = 0;
      let j = a - 1;
      while (j >= 0 && (row[j] !== FREE) === work) {
        len++;
        j--;
      }
      if (work) {
        c0 = this.cls[v];
        r0 = Math.min(len, maxC);
        if (r0 < 1) r0 = 1;
      } else {
        c0 = 0;
        r0 = j < 0 ? cap : Math.min(len, cap);
      }
    }
    // Right context.
    let rightWork = false;
    let rightVal = FREE;
    let rightLen = 0;
    let rightBorder = true;
    if (b < D - 1) {
      rightVal = row[b + 1];
      rightWork = rightVal !== FREE;
      let j = b + 1;
      while (j < D && (row[j] !== FREE) === rightWork) {
        rightLen++;
        j++;
      }
      rightBorder = j >= D;
    }

    const extra = new Float64Array(S);
    /** Counts type t in the state from now on (false when that would make the state too large). */
    const countExactly = (t: number): boolean => {
      if (stride[t] > 0 || K * (allowance[t] + 1) > maxCountStates) return false;
      stride[t] = K;
      lim[t] = allowance[t];
      K *= allowance[t] + 1;
      extra[t] = 0;
      return true;
    };
    for (let round = 0; round < 6; round++) {
      const nStates = C1 * R * M * W * K;
      const values = this.run(e, a, b, n, cost, extra, allowed, nStates, { c0, r0, M, W, R, cap, maxC, minC, minOff, minutesPen, weekendPen, wkPre, rightWork, rightVal, rightLen, rightBorder, K, stride, lim });
      if (!values) return null;
      // MaxShifts check.
      const count = new Int32Array(S);
      for (let i = 0; i < n; i++) if (values[i] !== FREE) count[values[i]]++;
      let over = false;
      for (let s = 0; s < S; s++)
        if (count[s] > allowance[s]) {
          over = true;
          // Lagrangian steps first; the count goes into the state if they do not settle it.
          if (round < 2 || !countExactly(s)) extra[s] += 20 * (round + 1) * (count[s] - allowance[s]);
        }
      if (!over) {
        // Feasible. It is optimal when every penalised type is used up to its allowance
        // (complementary slackness); otherwise count those types exactly and solve again.
        let again = false;
        for (let s = 0; s < S; s++) if (extra[s] > 0 && count[s] < allowance[s] && countExactly(s)) again = true;
        if (again) continue;
      }
      let c = 0;
      let m = 0;
      for (let i = 0; i < n; i++) {
        c += cost[i * S1 + values[i] + 1];
        if (values[i] !== FREE) m += this.units[values[i]];
      }
      let wk = 0;
      for (let sat = 5; sat < D; sat += 7)
        if (wkPre[(sat - 5) / 7] === 0 && sat <= b && sat + 1 >= a) {
          const worked = (d: number) => d >= a && d <= b && values[d - a] !== FREE;
          if (worked(sat) || worked(sat + 1)) wk++;
        }
      if (!over) return { values, cost: c + minutesPen[m] + weekendPen[wk], currentCost: currentCost + curMinutesPen + hardWeight * Math.max(0, outWk + curWk - st.maxWeekends) };
    }
    return null;
  }

  private run(
    e: number,
    a: number,
    b: number,
    n: number,
    cost: Float64Array,
    extra: Float64Array,
    allowed: number[],
    nStates: number,
    p: {
      c0: number;
      r0: number;
      M: number;
      W: number;
      R: number;
      cap: number;
      maxC: number;
      minC: number;
      minOff: number;
      minutesPen: Float64Array;
      weekendPen: Float64Array;
      wkPre: Uint8Array;
      rightWork: boolean;
      rightVal: number;
      rightLen: number;
      rightBorder: boolean;
      K: number;
      stride: Int32Array;
      lim: Int32Array;
    },
  ): Int16Array | null {
    const { S, D } = this;
    const S1 = S + 1;
    const { M, W, R, cap, maxC, minC, minOff, K, stride, lim } = p;
    const WK = W * K;
    const idx = (c: number, r: number, m: number, w: number) => (((c * R + r) * M + m) * W + w) * K;
    const C1 = this.C + 1;
    if (this.costBuf.length < 2 * nStates) this.costBuf = new Float64Array(2 * nStates);
    if (this.backBuf.length < n * nStates) {
      this.backBuf = new Int32Array(n * nStates);
      this.choiceBuf = new Int16Array(n * nStates);
    }
    let prev = this.costBuf.subarray(0, nStates);
    let next = this.costBuf.subarray(nStates, 2 * nStates);
    prev.fill(INF);
    next.fill(INF);
    const back = this.backBuf;
    const choice = this.choiceBuf;
    prev[idx(p.c0, p.r0, 0, 0)] = 0;
    const fixedOff = this.fixedOff;
    const cls = this.cls;
    const units = this.units;
    const forbidAfter = this.forbidAfter;
    const maxUnit = this.maxUnit;

    for (let i = 0; i < n; i++) {
      const d = a + i;
      next.fill(INF);
      // After i days at most i * maxUnit units are worked: higher minute states are unreachable.
      const mTop = Math.min(M, i * maxUnit + 1);
      const dow = d % 7;
      const wkIdx = dow >= 5 ? Math.floor((d - 5) / 7) : -1;
      const wkOpen = wkIdx >= 0 && p.wkPre[wkIdx] === 0;
      const isFixed = fixedOff[e * D + d] === 1;
      const cOff = cost[i * S1];
      const bb = i * nStates;
      for (let c = 0; c < C1; c++)
        for (let r = 1; r < R; r++)
          for (let m = 0; m < mTop; m++) {
            const base = ((c * R + r) * M + m) * WK;
            for (let wk = 0; wk < WK; wk++) {
              const v0 = prev[base + wk];
              if (v0 === INF) continue;
              const from = base + wk;
              const w = K === 1 ? wk : (wk / K) | 0;
              const kk = wk - w * K;
              // Off.
              let ok = true;
              let nr: number;
              if (c > 0) {
                // A work run of length r ends at d-1; it started at d - r.
                if (r < minC && d - r !== 0) ok = false;
                nr = 1;
              } else nr = r + 1 > cap ? cap : r + 1;
              if (ok) {
                const to = ((0 * R + nr) * M + m) * WK + wk;
                const v = v0 + cOff;
                if (v < next[to]) {
                  next[to] = v;
                  back[bb + to] = from;
                  choice[bb + to] = 0;
                }
              }
              if (isFixed) continue;
              // Work.
              if (c > 0) {
                if (r + 1 > maxC) continue;
              } else if (r < minOff) continue;
              const nr2 = c > 0 ? r + 1 : 1;
              let nw = w;
              if (wkOpen && (dow === 5 || c === 0)) nw = w + 1;
              if (nw >= W) continue;
              for (let k = 0; k < allowed.length; k++) {
                const t = allowed[k];
                if (c > 0 && forbidAfter[c * S + t] === 1) continue;
                const nm = m + units[t];
                if (nm >= M) continue;
                let nk = kk;
                if (stride[t] > 0) {
                  if (((kk / stride[t]) | 0) % (lim[t] + 1) >= lim[t]) continue;
                  nk += stride[t];
                }
                const to = ((cls[t] * R + nr2) * M + nm) * WK + nw * K + nk;
                const v = v0 + cost[i * S1 + t + 1] + extra[t];
                if (v < next[to]) {
                  next[to] = v;
                  back[bb + to] = from;
                  choice[bb + to] = t + 1;
                }
              }
            }
          }
      const tmp = prev;
      prev = next;
      next = tmp;
    }
    // Final states.
    let bestState = -1;
    let bestCost = INF;
    for (let c = 0; c < C1; c++)
      for (let r = 1; r < R; r++)
        for (let m = 0; m < M; m++)
          for (let wk = 0; wk < WK; wk++) {
            const s = idx(c, r, m, 0) + wk;
            const v = prev[s] + p.minutesPen[m] + p.weekendPen[(wk / K) | 0];
            if (v >= bestCost) continue;
            if (!this.endOk(c, r, b, p)) continue;
            bestCost = v;
            bestState = s;
          }
    if (bestState < 0) return null;
    const values = new Int16Array(n);
    let s = bestState;
    for (let i = n - 1; i >= 0; i--) {
      const ch = choice[i * nStates + s];
      values[i] = ch - 1;
      s = back[i * nStates + s];
    }
    return values;
  }

  private endOk(
    c: number,
    r: number,
    b: number,
    p: { cap: number; maxC: number; minC: number; minOff: number; rightWork: boolean; rightVal: number; rightLen: number; rightBorder: boolean },
  ): boolean {
    if (b >= this.D - 1) return true;
    const { maxC, minC, minOff } = p;
    const work = c > 0;
    if (p.rightWork) {
      if (work) {
        if (this.forbidAfter[c * this.S + p.rightVal] === 1) return false;
        const total = r + p.rightLen;
        if (total > maxC) return false;
        const start = b - r + 1;
        if (total < minC && start !== 0 && !p.rightBorder) return false;
        return true;
      }
      if (r < minOff) return false;
      if (p.rightLen < minC && !p.rightBorder) return false;
      return true;
    }
    if (work) {
      const start = b - r + 1;
      if (r < minC && start !== 0) return false;
      if (p.rightLen < minOff && !p.rightBorder) return false;
      return true;
    }
    if (r < p.cap && r + p.rightLen < minOff && !p.rightBorder) return false;
    return true;
  }
}
