/**
 * The editors' instant re-check of a rota, incrementally.
 *
 * The grid an editor gets (`GET /api/plans/:id/page`, `POST …/preview`) carries a check token. It
 * names the server's check of that plan file: the plan, its compiled context and a ScoreDirector
 * holding the rota, kept here in a small LRU by the file's content (so a reload, or a colleague
 * opening the same version, is not evaluated again). An edit is sent as the cells that now differ
 * from that rota (`POST …/recheck`): the director moves to them with `setMany`, so only the rules
 * of the changed employees and days run again – the same rule catalogue and director the generator
 * uses – and the answer carries only the rows, violations, wishes and coverage of the employees and
 * days edited since the page's last answer (`gridPatchView`).
 *
 * A token the cache no longer holds (evicted, server restarted) is a 409 on path "token": the page
 * then sends the whole rota to `…/preview` once, as before, and continues with its new token.
 */
import { createHash, randomBytes } from 'node:crypto';
import { FREE } from '../core/eval/line.js';
import type { Plan } from '../core/model/plan.js';
import { overlapProblems, type PlacedShift } from '../core/model/validatePlan.js';
import { toEpochDay } from '../core/time/localDate.js';
import { ValidationError } from '../db/errors.js';
import { StateError } from './errors.js';
import { gridCheck, gridPatchView, type GridCheck, type GridPatchView } from './planView.js';

/** A check of one plan file, shared by every page showing that file; its director moves with the edits. */
interface Checked {
  plan: Plan;
  check: GridCheck;
  /** The plan's own rota (where the director starts). */
  base: Int16Array[];
  /** Cells (e * D + d) where the director now differs from `base`. */
  moved: Set<number>;
}

export interface CellChange {
  employee: string;
  date: string;
  /** Shift code, or null for a free day. */
  shift: string | null;
}

export class CheckCache {
  /** Checks by the content of their plan file (least recently used first). */
  private readonly checks = new Map<string, Checked>();
  /** Tokens handed out: the plan and the content they stand for (least recently used first). */
  private readonly tokens = new Map<string, { planId: string; content: string }>();

  /**
   * At most `maxChecks` checks are kept (about 2 MB each for a year-long rota of 30) and `maxTokens`
   * tokens (a page load or a full re-check each makes one); the least recently used go first.
   */
  constructor(
    private readonly maxChecks = 8,
    private readonly maxTokens = 200,
  ) {}

  /**
   * The check of `plan` (the plan file of `planId` as it is now, or an edited copy) with its
   * director holding the plan's own rota, and a token for re-checking edits of it. A plan file
   * checked before – the same plan reloaded, or opened by someone else – is not evaluated again.
   */
  checkFor(planId: string, plan: Plan): { check: GridCheck; token: string } {
    const content = createHash('sha256').update(JSON.stringify(plan)).digest('base64url');
    let checked = lru(this.checks, content);
    if (checked) this.moveTo(checked, new Map());
    else {
      const check = gridCheck(plan);
      checked = { plan, check, base: check.director.snapshot(), moved: new Set() };
      this.checks.set(content, checked);
      trim(this.checks, this.maxChecks);
    }
    const token = randomBytes(16).toString('base64url');
    this.tokens.set(token, { planId, content });
    trim(this.tokens, this.maxTokens);
    return { check: checked.check, token };
  }

  private checked(planId: string, token: string): Checked {
    const t = lru(this.tokens, token);
    const checked = t && t.planId === planId ? lru(this.checks, t.content) : undefined;
    if (!checked) throw new StateError('kontrollen av turnusen er utløpt – sjekker hele turnusen på nytt / the check of this rota has expired', 'token');
    return checked;
  }

  /** Moves the director from where it is to `base` with `target` (cell → shift): only the cells that differ are set. */
  private moveTo(checked: Checked, target: Map<number, number>): void {
    const { director } = checked.check;
    const D = checked.check.ctx.D;
    const want = (k: number) => target.get(k) ?? checked.base[Math.floor(k / D)][k % D];
    const moves: Array<[number, number, number]> = [];
    for (const k of new Set([...checked.moved, ...target.keys()])) {
      const e = Math.floor(k / D);
      const d = k % D;
      if (director.rows[e][d] !== want(k)) moves.push([e, d, want(k)]);
    }
    if (moves.length) director.setMany(moves);
    checked.moved = new Set([...target.keys()].filter((k) => target.get(k) !== checked.base[Math.floor(k / D)][k % D]));
  }

  /**
   * The rota of `token` with `changes` (the cells that differ from it, each at most once),
   * checked; the patch reports the employees and days of the `edited` cells. An invalid rota is a
   * ValidationError with what `parsePlan` would say of it (overlapping shifts: with the paths of
   * the rota as the page sends it to …/preview, employee order then date).
   */
  recheck(planId: string, token: string, changes: readonly CellChange[], edited: ReadonlyArray<{ employee: string; date: string }>): GridPatchView {
    const entry = this.checked(planId, token);
    const { ctx } = entry.check;
    const D = ctx.D;
    const problems: Array<{ path: string; message: string }> = [];
    const cellOf = (c: { employee: string; date: string }, path: string): number | null => {
      const e = ctx.employeeIndex.get(c.employee);
      if (e === undefined) problems.push({ path: `${path}.employee`, message: `ukjent ansatt «${c.employee}» / unknown employee` });
      const d = toEpochDay(c.date) - ctx.startEpoch;
      if (d < 0 || d >= D) problems.push({ path: `${path}.date`, message: `datoen ${c.date} er utenfor perioden ${entry.plan.start}–${entry.plan.end} / date outside the period` });
      return e === undefined || d < 0 || d >= D ? null : e * D + d;
    };

    const target = new Map<number, number>();
    changes.forEach((c, i) => {
      const k = cellOf(c, `changes[${i}]`);
      const s = c.shift === null ? FREE : ctx.shiftIndex.get(c.shift);
      if (s === undefined) problems.push({ path: `changes[${i}].shift`, message: `ukjent vaktkode «${c.shift}» / unknown shift code` });
      if (k === null || s === undefined) return;
      if (target.has(k)) problems.push({ path: `changes[${i}]`, message: `${c.employee} ${c.date} er med flere ganger / the cell is listed more than once` });
      target.set(k, s);
    });
    const es = new Set<number>();
    const ds = new Set<number>();
    edited.forEach((c, i) => {
      const k = cellOf(c, `edited[${i}]`);
      if (k === null) return;
      es.add(Math.floor(k / D));
      ds.add(k % D);
    });
    if (problems.length) throw new ValidationError('ugyldig endring / invalid change', problems);

    const want = (k: number) => target.get(k) ?? entry.base[Math.floor(k / D)][k % D];
    // The rota asked for must be a valid plan: no overlapping shifts for the employees with changes.
    const changed = new Set([...target.keys()].map((k) => Math.floor(k / D)));
    if (changed.size) {
      // Each assignment's index in the rota as the page sends it to …/preview (employee order, then date).
      let index = 0;
      for (let e = 0; e < ctx.employees.length; e++) {
        if (!changed.has(e)) {
          for (let d = 0; d < D; d++) if (want(e * D + d) !== FREE) index++;
          continue;
        }
        const shifts: Array<PlacedShift & { day: number }> = [];
        for (let d = 0; d < D; d++) {
          const s = want(e * D + d);
          if (s !== FREE) shifts.push({ i: index++, date: ctx.days[d].date, shift: s, day: d });
        }
        problems.push(
          ...overlapProblems(ctx.shiftTypes, ctx.employees[e].id, shifts, (x) => {
            const inst = ctx.instance(x.day, x.shift);
            return [inst.start, inst.end];
          }),
        );
      }
      if (problems.length) throw new ValidationError('ugyldig turnus / invalid rota', problems);
    }

    this.moveTo(entry, target);
    return gridPatchView(entry.plan, entry.check, [...es], [...ds]);
  }
}

/** The value of `key`, made the most recently used. */
function lru<K, V>(map: Map<K, V>, key: K): V | undefined {
  const v = map.get(key);
  if (v !== undefined) {
    map.delete(key);
    map.set(key, v);
  }
  return v;
}

function trim<K, V>(map: Map<K, V>, max: number): void {
  while (map.size > max) map.delete(map.keys().next().value!);
}
