/**
 * Incremental scorer for the Curtois & Qu benchmark (FORMAT.md sections 4 and 5).
 *
 * Score.soft is exactly the benchmark penalty (requests + cover). Score.hard is a weighted
 * measure of how far the rota is from feasible (0 = feasible), graded by magnitude so that a
 * local search gets a gradient: one unit per forbidden succession, per shift above MaxShifts,
 * per started `minutesUnit` (60) minutes outside [MinTotalMinutes, MaxTotalMinutes], per day a
 * work run is too long or too short, per day an off run is too short, per weekend above
 * MaxWeekends and per worked fixed day off, each times its weight in `HardWeights`.
 *
 * Every change is applied cell by cell; each cell change computes its exact delta in O(1) for
 * the counting constraints and by scanning only the runs around the changed day for the run
 * constraints (off runs are scanned at most MinConsecutiveDaysOff days). `peekMany` applies
 * the changes, reads the total and undoes them; nothing is allocated apart from the returned
 * Score. `scoreFromScratch` is a separate, straightforward evaluation used to check the rest.
 */
import { FREE, type Change, type IncrementalScorer, type Score } from '../engine/types.js';
import type { CurtoisInstance } from './parse.js';

export interface HardWeights {
  /** Per pair of consecutive days with a forbidden succession. */
  succession: number;
  /** Per shift above MaxShifts(e, s). */
  maxShifts: number;
  /** Per started `minutesUnit` minutes below MinTotalMinutes or above MaxTotalMinutes. */
  minutes: number;
  minutesUnit: number;
  /** Per day a work run is longer than MaxConsecutiveShifts. */
  maxConsecutive: number;
  /** Per day an inner work run is shorter than MinConsecutiveShifts. */
  minConsecutive: number;
  /** Per day an inner off run is shorter than MinConsecutiveDaysOff. */
  minDaysOff: number;
  /** Per worked weekend above MaxWeekends. */
  weekends: number;
  /** Per worked fixed day off. */
  dayOff: number;
}

export const DEFAULT_HARD_WEIGHTS: Readonly<HardWeights> = Object.freeze({
  succession: 1,
  maxShifts: 1,
  minutes: 1,
  minutesUnit: 60,
  maxConsecutive: 1,
  minConsecutive: 1,
  minDaysOff: 1,
  weekends: 1,
  dayOff: 1,
});

export interface CurtoisScorerOptions {
  hardWeights?: Partial<HardWeights>;
}

/** Unweighted violation magnitudes and penalty parts, from a full evaluation. */
export interface CurtoisBreakdown {
  succession: number;
  maxShifts: number;
  /** In started minutesUnit units. */
  minutes: number;
  maxConsecutive: number;
  minConsecutive: number;
  minDaysOff: number;
  weekends: number;
  dayOff: number;
  onRequests: number;
  offRequests: number;
  coverUnder: number;
  coverOver: number;
}

/** The solution JSON: one entry per day per staff ID, a shift ID or null for off. */
export type CurtoisRoster = Record<string, (string | null)[]>;
export interface CurtoisSolution {
  roster: CurtoisRoster;
}

export class CurtoisScorer implements IncrementalScorer {
  readonly E: number;
  readonly D: number;
  readonly S: number;
  readonly weights: Readonly<HardWeights>;

  // Static data, flat typed arrays.
  private readonly S1: number;
  /** Length by shift + 1 (index 0 = off = 0 minutes). */
  private readonly len: Int32Array;
  /** forbid[(a + 1) * S1 + (b + 1)] = 1 if b may not follow a. Row and column 0 (off) are 0. */
  private readonly forbid: Uint8Array;
  private readonly maxShifts: Int32Array;
  private readonly maxMin: Int32Array;
  private readonly minMin: Int32Array;
  private readonly maxCons: Int32Array;
  private readonly minCons: Int32Array;
  private readonly minOff: Int32Array;
  /** How far an off run needs to be scanned: max(1, MinConsecutiveDaysOff). */
  private readonly offCap: Int32Array;
  private readonly maxWk: Int32Array;
  private readonly fixedOff: Uint8Array;
  /** reqCost[(e * D + d) * S1 + s + 1] = request penalty of employee e having s on day d. */
  private readonly reqCost: Int32Array;
  private readonly covReq: Int32Array;
  private readonly covUnder: Int32Array;
  private readonly covOver: Int32Array;
  private readonly wSucc: number;
  private readonly wMax: number;
  private readonly wMin: number;
  private readonly unit: number;
  private readonly wMaxC: number;
  private readonly wMinC: number;
  private readonly wOff: number;
  private readonly wWk: number;
  private readonly wDayOff: number;

  // State.
  private readonly grid: Int16Array;
  private readonly rows: Int16Array[];
  private readonly cnt: Int32Array;
  private readonly covCnt: Int32Array;
  private readonly minutes: Int32Array;
  private readonly weekends: Int32Array;
  private readonly empHard: Float64Array;
  private readonly empSoft: Float64Array;
  private hardTotal = 0;
  private softTotal = 0;

  // Result of the last applyCell.
  private dHard = 0;
  private dReq = 0;
  private dCover = 0;
  private undoBuf = new Int16Array(16);

  constructor(
    readonly instance: CurtoisInstance,
    rows?: readonly ArrayLike<number>[],
    options: CurtoisScorerOptions = {},
  ) {
    const E = (this.E = instance.staff.length);
    const D = (this.D = instance.horizon);
    const S = (this.S = instance.shifts.length);
    const S1 = (this.S1 = S + 1);
    const w = (this.weights = Object.freeze({ ...DEFAULT_HARD_WEIGHTS, ...options.hardWeights }));
    for (const [k, v] of Object.entries(w))
      if (!Number.isSafeInteger(v) || v < (k === 'minutesUnit' ? 1 : 0)) throw new Error(`hard weight ${k} must be a non-negative integer (minutesUnit >= 1)`);
    this.wSucc = w.succession;
    this.wMax = w.maxShifts;
    this.wMin = w.minutes;
    this.unit = w.minutesUnit;
    this.wMaxC = w.maxConsecutive;
    this.wMinC = w.minConsecutive;
    this.wOff = w.minDaysOff;
    this.wWk = w.weekends;
    this.wDayOff = w.dayOff;
    if (S > 32000) throw new Error('too many shift types');

    this.len = new Int32Array(S1);
    this.forbid = new Uint8Array(S1 * S1);
    for (const sh of instance.shifts) {
      this.len[sh.index + 1] = sh.length;
      for (const t of sh.forbiddenNext) this.forbid[(sh.index + 1) * S1 + t + 1] = 1;
    }
    this.maxShifts = new Int32Array(E * S);
    this.maxMin = new Int32Array(E);
    this.minMin = new Int32Array(E);
    this.maxCons = new Int32Array(E);
    this.minCons = new Int32Array(E);
    this.minOff = new Int32Array(E);
    this.offCap = new Int32Array(E);
    this.maxWk = new Int32Array(E);
    this.fixedOff = new Uint8Array(E * D);
    for (const st of instance.staff) {
      const e = st.index;
      for (let s = 0; s < S; s++) this.maxShifts[e * S + s] = st.maxShifts[s];
      this.maxMin[e] = st.maxTotalMinutes;
      this.minMin[e] = st.minTotalMinutes;
      this.maxCons[e] = st.maxConsecutiveShifts;
      this.minCons[e] = st.minConsecutiveShifts;
      this.minOff[e] = st.minConsecutiveDaysOff;
      this.offCap[e] = Math.max(1, st.minConsecutiveDaysOff);
      this.maxWk[e] = st.maxWeekends;
      for (const d of st.daysOff) this.fixedOff[e * D + d] = 1;
    }
    this.reqCost = new Int32Array(E * D * S1);
    for (const r of instance.onRequests) {
      const b = (r.employee * D + r.day) * S1;
      for (let x = 0; x < S1; x++) if (x !== r.shift + 1) this.reqCost[b + x] += r.weight;
    }
    for (const r of instance.offRequests) this.reqCost[(r.employee * D + r.day) * S1 + r.shift + 1] += r.weight;
    this.covReq = new Int32Array(D * S);
    this.covUnder = new Int32Array(D * S);
    this.covOver = new Int32Array(D * S);
    for (let d = 0; d < D; d++)
      for (let s = 0; s < S; s++) {
        const c = instance.cover[d][s];
        this.covReq[d * S + s] = c.requirement;
        this.covUnder[d * S + s] = c.weightUnder;
        this.covOver[d * S + s] = c.weightOver;
      }

    this.grid = new Int16Array(E * D).fill(FREE);
    this.rows = Array.from({ length: E }, (_, e) => this.grid.subarray(e * D, (e + 1) * D));
    if (rows) {
      if (rows.length !== E) throw new Error(`expected ${E} rows, got ${rows.length}`);
      rows.forEach((row, e) => {
        if (row.length !== D) throw new Error(`row ${e} has ${row.length} days, expected ${D}`);
        for (let d = 0; d < D; d++) {
          const s = row[d];
          if (!Number.isInteger(s) || s < FREE || s >= S) throw new Error(`row ${e}, day ${d}: invalid shift index ${s}`);
          this.grid[e * D + d] = s;
        }
      });
    }
    this.cnt = new Int32Array(E * S);
    this.covCnt = new Int32Array(D * S);
    this.minutes = new Int32Array(E);
    this.weekends = new Int32Array(E);
    this.empHard = new Float64Array(E);
    this.empSoft = new Float64Array(E);
    this.rebuild();
  }

  /** Recomputes every cache from the grid. */
  private rebuild(): void {
    const { E, D, S, grid } = this;
    this.cnt.fill(0);
    this.covCnt.fill(0);
    this.minutes.fill(0);
    this.weekends.fill(0);
    for (let e = 0; e < E; e++) {
      for (let d = 0; d < D; d++) {
        const s = grid[e * D + d];
        if (s === FREE) continue;
        this.cnt[e * S + s]++;
        this.covCnt[d * S + s]++;
        this.minutes[e] += this.len[s + 1];
      }
      this.weekends[e] = this.countWeekends(e);
    }
    let hard = 0;
    let soft = 0;
    for (let e = 0; e < E; e++) {
      const b = this.evaluateEmployee(e);
      this.empHard[e] = b.hard;
      this.empSoft[e] = b.soft;
      hard += b.hard;
      soft += b.soft;
    }
    for (let k = 0; k < D * S; k++) soft += this.coverPen(k, this.covCnt[k]);
    this.hardTotal = hard;
    this.softTotal = soft;
  }

  private countWeekends(e: number): number {
    const { D, grid } = this;
    let n = 0;
    for (let sat = 5; sat < D; sat += 7)
      if (grid[e * D + sat] !== FREE || (sat + 1 < D && grid[e * D + sat + 1] !== FREE)) n++;
    return n;
  }

  // ---------------------------------------------------------------- IncrementalScorer

  get(e: number, d: number): number {
    return this.grid[e * this.D + d];
  }

  score(): Score {
    return { hard: this.hardTotal, soft: this.softTotal };
  }

  isFixed(e: number, d: number): boolean {
    return this.fixedOff[e * this.D + d] === 1;
  }

  canWork(e: number, s: number): boolean {
    return this.maxShifts[e * this.S + s] > 0;
  }

  snapshot(): Int16Array[] {
    return this.rows.map((r) => Int16Array.from(r));
  }

  /** Score after one cell change, leaving everything as it was. */
  peek(e: number, d: number, s: number): Score {
    const old = this.grid[e * this.D + d];
    this.applyCell(e, d, s);
    const hard = this.hardTotal + this.dHard;
    const soft = this.softTotal + this.dReq + this.dCover;
    this.restoreCell(e, d, old);
    return { hard, soft };
  }

  peekMany(changes: readonly Change[]): Score {
    const n = changes.length;
    if (n > this.undoBuf.length) this.undoBuf = new Int16Array(Math.max(n, 2 * this.undoBuf.length));
    const buf = this.undoBuf;
    const D = this.D;
    let hard = this.hardTotal;
    let soft = this.softTotal;
    for (let i = 0; i < n; i++) {
      const c = changes[i];
      const e = c[0];
      const d = c[1];
      buf[i] = this.grid[e * D + d];
      this.applyCell(e, d, c[2]);
      hard += this.dHard;
      soft += this.dReq + this.dCover;
    }
    for (let i = n - 1; i >= 0; i--) {
      const c = changes[i];
      this.restoreCell(c[0], c[1], buf[i]);
    }
    return { hard, soft };
  }

  set(e: number, d: number, s: number): void {
    this.commitCell(e, d, s);
  }

  /** Hard part of the last `peekFlat`. */
  peekHard = 0;
  /** Soft part of the last `peekFlat`. */
  peekSoft = 0;

  /**
   * Like peekMany, for a search's inner loop: the changes are n triples (e, d, s) in `cells`,
   * nothing is allocated, and the score lands in `peekHard` / `peekSoft`.
   */
  peekFlat(cells: Int32Array, n: number): void {
    if (n > this.undoBuf.length) this.undoBuf = new Int16Array(Math.max(n, 2 * this.undoBuf.length));
    const buf = this.undoBuf;
    const D = this.D;
    let hard = this.hardTotal;
    let soft = this.softTotal;
    for (let i = 0; i < n; i++) {
      const e = cells[3 * i];
      const d = cells[3 * i + 1];
      buf[i] = this.grid[e * D + d];
      this.applyCell(e, d, cells[3 * i + 2]);
      hard += this.dHard;
      soft += this.dReq + this.dCover;
    }
    for (let i = n - 1; i >= 0; i--) this.restoreCell(cells[3 * i], cells[3 * i + 1], buf[i]);
    this.peekHard = hard;
    this.peekSoft = soft;
  }

  /** Applies n triples (e, d, s) from `cells`. */
  setFlat(cells: Int32Array, n: number): void {
    for (let i = 0; i < n; i++) this.commitCell(cells[3 * i], cells[3 * i + 1], cells[3 * i + 2]);
  }

  /** Total hard and soft without allocating. */
  get hard(): number {
    return this.hardTotal;
  }

  get soft(): number {
    return this.softTotal;
  }

  /** The live row of employee e (a view of the grid: read only). */
  row(e: number): Int16Array {
    return this.rows[e];
  }

  /** Worked weekends of employee e. */
  weekendCount(e: number): number {
    return this.weekends[e];
  }

  setMany(changes: readonly Change[]): void {
    for (let i = 0; i < changes.length; i++) {
      const c = changes[i];
      this.commitCell(c[0], c[1], c[2]);
    }
  }

  scoreFromScratch(): Score {
    let hard = 0;
    let soft = 0;
    for (let e = 0; e < this.E; e++) {
      const b = this.evaluateEmployee(e);
      hard += b.hard;
      soft += b.soft;
    }
    const b = this.coverFromScratch();
    return { hard, soft: soft + b.under + b.over };
  }

  // ---------------------------------------------------------------- extras for a search

  /** The cached part of the score that belongs to employee e (requests; cover is global). */
  employeeScore(e: number): Score {
    return { hard: this.empHard[e], soft: this.empSoft[e] };
  }

  /** Employees working shift s on day d. */
  coverCount(d: number, s: number): number {
    return this.covCnt[d * this.S + s];
  }

  requirement(d: number, s: number): number {
    return this.covReq[d * this.S + s];
  }

  /** Shifts of type s employee e works in the current rota. */
  shiftCount(e: number, s: number): number {
    return this.cnt[e * this.S + s];
  }

  totalMinutes(e: number): number {
    return this.minutes[e];
  }

  /** Unweighted magnitudes of every term, from a full evaluation. */
  breakdown(): CurtoisBreakdown {
    const out: CurtoisBreakdown = {
      succession: 0,
      maxShifts: 0,
      minutes: 0,
      maxConsecutive: 0,
      minConsecutive: 0,
      minDaysOff: 0,
      weekends: 0,
      dayOff: 0,
      onRequests: 0,
      offRequests: 0,
      coverUnder: 0,
      coverOver: 0,
    };
    for (let e = 0; e < this.E; e++) {
      const p = this.evaluateEmployee(e).parts;
      for (const k of Object.keys(p) as (keyof typeof p)[]) out[k] += p[k];
    }
    const c = this.coverFromScratch();
    out.coverUnder = c.under;
    out.coverOver = c.over;
    return out;
  }

  /** Throws if the incremental state differs from a full recomputation. */
  assertConsistent(): void {
    const a = this.score();
    const b = this.scoreFromScratch();
    if (a.hard !== b.hard || a.soft !== b.soft)
      throw new Error(`incremental score ${a.hard}/${a.soft} != from scratch ${b.hard}/${b.soft}`);
  }

  // ---------------------------------------------------------------- incremental core

  private commitCell(e: number, d: number, s: number): void {
    this.applyCell(e, d, s);
    this.empHard[e] += this.dHard;
    this.empSoft[e] += this.dReq;
    this.hardTotal += this.dHard;
    this.softTotal += this.dReq + this.dCover;
  }

  private coverPen(k: number, n: number): number {
    const req = this.covReq[k];
    return n < req ? this.covUnder[k] * (req - n) : this.covOver[k] * (n - req);
  }

  private minutesPen(e: number, m: number): number {
    const max = this.maxMin[e];
    const min = this.minMin[e];
    const u = this.unit;
    if (m > max) return this.wMin * Math.ceil((m - max) / u);
    if (m < min) return this.wMin * Math.ceil((min - m) / u);
    return 0;
  }

  /** Penalty of one complete run; `border` = it contains day 0 or day D-1. */
  private runPen(e: number, work: boolean, n: number, border: boolean): number {
    if (work) {
      let p = 0;
      const max = this.maxCons[e];
      if (n > max) p += this.wMaxC * (n - max);
      if (!border) {
        const min = this.minCons[e];
        if (n < min) p += this.wMinC * (min - n);
      }
      return p;
    }
    if (border) return 0;
    const min = this.minOff[e];
    return n < min ? this.wOff * (min - n) : 0;
  }

  /**
   * Run penalty of the runs around day d with d's work flag set to c, given the pieces next
   * to it: l days of flag lf left of d (lb: the piece reaches day 0), r days of flag rf right
   * of d (rb: reaches day D-1). l = 0 only when d = 0, r = 0 only when d = D-1.
   */
  private around(e: number, c: boolean, l: number, lf: boolean, lb: boolean, r: number, rf: boolean, rb: boolean): number {
    let total = 0;
    let n = 1;
    let border = false;
    if (l === 0) border = true;
    else if (lf === c) {
      n += l;
      border = lb;
    } else total += this.runPen(e, lf, l, lb);
    if (r === 0) border = true;
    else if (rf === c) {
      n += r;
      if (rb) border = true;
    } else total += this.runPen(e, rf, r, rb);
    return total + this.runPen(e, c, n, border);
  }

  /** Change in run penalty when day d of employee e flips from work flag f to !f. */
  private runFlipDelta(e: number, d: number, f: boolean): number {
    const D = this.D;
    const g = this.grid;
    const base = e * D;
    let l = 0;
    let lf = false;
    let lb = true;
    if (d > 0) {
      lf = g[base + d - 1] !== FREE;
      const cap = lf ? D : this.offCap[e];
      let j = d - 1;
      while (j >= 0 && l < cap && (g[base + j] !== FREE) === lf) {
        l++;
        j--;
      }
      lb = j < 0;
    }
    let r = 0;
    let rf = false;
    let rb = true;
    if (d < D - 1) {
      rf = g[base + d + 1] !== FREE;
      const cap = rf ? D : this.offCap[e];
      let j = d + 1;
      while (j < D && r < cap && (g[base + j] !== FREE) === rf) {
        r++;
        j++;
      }
      rb = j >= D;
    }
    return this.around(e, !f, l, lf, lb, r, rf, rb) - this.around(e, f, l, lf, lb, r, rf, rb);
  }

  /**
   * Sets cell (e, d) to s, updating the counters, and leaves the exact score change in
   * dHard (employee e's hard part), dReq (e's request penalty) and dCover (cover penalty).
   */
  private applyCell(e: number, d: number, s: number): void {
    const D = this.D;
    const S = this.S;
    const S1 = this.S1;
    const g = this.grid;
    const i = e * D + d;
    const old = g[i];
    if (old === s) {
      this.dHard = 0;
      this.dReq = 0;
      this.dCover = 0;
      return;
    }
    const rb = i * S1 + 1;
    this.dReq = this.reqCost[rb + s] - this.reqCost[rb + old];

    let c = 0;
    const cb = d * S;
    if (old !== FREE) {
      const k = cb + old;
      const n = this.covCnt[k];
      c += this.coverPen(k, n - 1) - this.coverPen(k, n);
      this.covCnt[k] = n - 1;
    }
    if (s !== FREE) {
      const k = cb + s;
      const n = this.covCnt[k];
      c += this.coverPen(k, n + 1) - this.coverPen(k, n);
      this.covCnt[k] = n + 1;
    }
    this.dCover = c;

    let h = 0;
    const forbid = this.forbid;
    if (d > 0) {
      const p = (g[i - 1] + 1) * S1;
      h += this.wSucc * (forbid[p + s + 1] - forbid[p + old + 1]);
    }
    if (d < D - 1) {
      const nx = g[i + 1] + 1;
      h += this.wSucc * (forbid[(s + 1) * S1 + nx] - forbid[(old + 1) * S1 + nx]);
    }

    const eb = e * S;
    if (old !== FREE) {
      const k = eb + old;
      if (this.cnt[k] > this.maxShifts[k]) h -= this.wMax;
      this.cnt[k]--;
    }
    if (s !== FREE) {
      const k = eb + s;
      if (this.cnt[k] >= this.maxShifts[k]) h += this.wMax;
      this.cnt[k]++;
    }

    const m0 = this.minutes[e];
    const m1 = m0 - this.len[old + 1] + this.len[s + 1];
    if (m1 !== m0) {
      h += this.minutesPen(e, m1) - this.minutesPen(e, m0);
      this.minutes[e] = m1;
    }

    const wasWork = old !== FREE;
    if (wasWork !== (s !== FREE)) {
      if (this.fixedOff[i] === 1) h += wasWork ? -this.wDayOff : this.wDayOff;
      const dow = d % 7;
      if (dow >= 5) {
        const other = dow === 5 ? d + 1 : d - 1;
        if (other >= D || g[e * D + other] === FREE) {
          const w0 = this.weekends[e];
          const w1 = wasWork ? w0 - 1 : w0 + 1;
          const max = this.maxWk[e];
          h += this.wWk * (Math.max(0, w1 - max) - Math.max(0, w0 - max));
          this.weekends[e] = w1;
        }
      }
      h += this.runFlipDelta(e, d, wasWork);
    }
    g[i] = s;
    this.dHard = h;
  }

  /** Sets cell (e, d) to s updating the counters only (undo of applyCell). */
  private restoreCell(e: number, d: number, s: number): void {
    const D = this.D;
    const S = this.S;
    const g = this.grid;
    const i = e * D + d;
    const old = g[i];
    if (old === s) return;
    if (old !== FREE) {
      this.covCnt[d * S + old]--;
      this.cnt[e * S + old]--;
    }
    if (s !== FREE) {
      this.covCnt[d * S + s]++;
      this.cnt[e * S + s]++;
    }
    this.minutes[e] += this.len[s + 1] - this.len[old + 1];
    const wasWork = old !== FREE;
    if (wasWork !== (s !== FREE)) {
      const dow = d % 7;
      if (dow >= 5) {
        const other = dow === 5 ? d + 1 : d - 1;
        if (other >= D || g[e * D + other] === FREE) this.weekends[e] += wasWork ? -1 : 1;
      }
    }
    g[i] = s;
  }

  // ---------------------------------------------------------------- from scratch

  /** Full evaluation of one employee's row, independent of the incremental counters. */
  private evaluateEmployee(e: number): { hard: number; soft: number; parts: Omit<CurtoisBreakdown, 'coverUnder' | 'coverOver'> } {
    const inst = this.instance;
    const st = inst.staff[e];
    const D = this.D;
    const row = this.rows[e];
    const x = (d: number) => row[d];
    const parts = {
      succession: 0,
      maxShifts: 0,
      minutes: 0,
      maxConsecutive: 0,
      minConsecutive: 0,
      minDaysOff: 0,
      weekends: 0,
      dayOff: 0,
      onRequests: 0,
      offRequests: 0,
    };
    const counts = new Array<number>(this.S).fill(0);
    let minutes = 0;
    for (let d = 0; d < D; d++) {
      const s = x(d);
      if (s === FREE) continue;
      counts[s]++;
      minutes += inst.shifts[s].length;
      if (d + 1 < D && x(d + 1) !== FREE && inst.shifts[s].forbiddenNext.includes(x(d + 1))) parts.succession++;
    }
    counts.forEach((n, s) => (parts.maxShifts += Math.max(0, n - st.maxShifts[s])));
    const u = this.weights.minutesUnit;
    if (minutes > st.maxTotalMinutes) parts.minutes = Math.ceil((minutes - st.maxTotalMinutes) / u);
    else if (minutes < st.minTotalMinutes) parts.minutes = Math.ceil((st.minTotalMinutes - minutes) / u);
    for (let start = 0; start < D; ) {
      const work = x(start) !== FREE;
      let end = start;
      while (end + 1 < D && (x(end + 1) !== FREE) === work) end++;
      const n = end - start + 1;
      const border = start === 0 || end === D - 1;
      if (work) {
        parts.maxConsecutive += Math.max(0, n - st.maxConsecutiveShifts);
        if (!border) parts.minConsecutive += Math.max(0, st.minConsecutiveShifts - n);
      } else if (!border) parts.minDaysOff += Math.max(0, st.minConsecutiveDaysOff - n);
      start = end + 1;
    }
    let weekends = 0;
    for (let w = 0; 7 * w + 5 < D; w++) {
      const sat = 7 * w + 5;
      if (x(sat) !== FREE || (sat + 1 < D && x(sat + 1) !== FREE)) weekends++;
    }
    parts.weekends = Math.max(0, weekends - st.maxWeekends);
    for (const d of st.daysOff) if (x(d) !== FREE) parts.dayOff++;
    for (const r of inst.onRequests) if (r.employee === e && x(r.day) !== r.shift) parts.onRequests += r.weight;
    for (const r of inst.offRequests) if (r.employee === e && x(r.day) === r.shift) parts.offRequests += r.weight;
    const w = this.weights;
    const hard =
      w.succession * parts.succession +
      w.maxShifts * parts.maxShifts +
      w.minutes * parts.minutes +
      w.maxConsecutive * parts.maxConsecutive +
      w.minConsecutive * parts.minConsecutive +
      w.minDaysOff * parts.minDaysOff +
      w.weekends * parts.weekends +
      w.dayOff * parts.dayOff;
    return { hard, soft: parts.onRequests + parts.offRequests, parts };
  }

  private coverFromScratch(): { under: number; over: number } {
    const inst = this.instance;
    let under = 0;
    let over = 0;
    for (let d = 0; d < this.D; d++)
      for (let s = 0; s < this.S; s++) {
        let n = 0;
        for (let e = 0; e < this.E; e++) if (this.rows[e][d] === s) n++;
        const c = inst.cover[d][s];
        if (n < c.requirement) under += c.weightUnder * (c.requirement - n);
        else over += c.weightOver * (n - c.requirement);
      }
    return { under, over };
  }
}

// ------------------------------------------------------------------ solutions

function unwrap(x: CurtoisSolution | CurtoisRoster): CurtoisRoster {
  const r = (x as { roster?: unknown }).roster;
  return r !== null && typeof r === 'object' && !Array.isArray(r) ? (r as CurtoisRoster) : (x as CurtoisRoster);
}

/** Rows of shift indices from a solution (`{roster: {...}}` or the bare roster map). Strict. */
export function rowsFromRoster(instance: CurtoisInstance, solution: CurtoisSolution | CurtoisRoster): Int16Array[] {
  const roster = unwrap(solution);
  const shiftIdx = new Map(instance.shifts.map((s) => [s.id, s.index]));
  const staffIds = new Set(instance.staff.map((s) => s.id));
  for (const id of Object.keys(roster)) if (!staffIds.has(id)) throw new Error(`roster: unknown staff ID "${id}"`);
  return instance.staff.map((st) => {
    const days = roster[st.id];
    if (!Array.isArray(days)) throw new Error(`roster: no entry for staff "${st.id}"`);
    if (days.length !== instance.horizon) throw new Error(`roster: staff "${st.id}" has ${days.length} days, expected ${instance.horizon}`);
    return Int16Array.from(days, (v, d) => {
      if (v === null) return FREE;
      const s = typeof v === 'string' ? shiftIdx.get(v) : undefined;
      if (s === undefined) throw new Error(`roster: staff "${st.id}", day ${d}: unknown shift ${JSON.stringify(v)}`);
      return s;
    });
  });
}

export function fromRoster(instance: CurtoisInstance, solution: CurtoisSolution | CurtoisRoster, options?: CurtoisScorerOptions): CurtoisScorer {
  return new CurtoisScorer(instance, rowsFromRoster(instance, solution), options);
}

/** `{"roster": {"<staff id>": ["<shift id>" | null, ... one per day]}}`. */
export function toSolutionJson(instance: CurtoisInstance, rows: readonly ArrayLike<number>[]): CurtoisSolution {
  if (rows.length !== instance.staff.length) throw new Error(`expected ${instance.staff.length} rows, got ${rows.length}`);
  const roster: CurtoisRoster = {};
  instance.staff.forEach((st, e) => {
    const row = rows[e];
    roster[st.id] = Array.from({ length: instance.horizon }, (_, d) => (row[d] === FREE ? null : instance.shifts[row[d]].id));
  });
  return { roster };
}
