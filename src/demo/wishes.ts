/**
 * Wish forms (ønskeskjema): a realistic handful of dated wishes per employee — days off for
 * family events, a weekend off, a shift wanted or avoided, a weekly evening kept free for a
 * child's training. Students on weekend-only positions mark every weekday as unavailable;
 * fixed night staff ask for particular nights.
 */
import { fromEpochDay, weekdayOfEpochDay, WEEKDAY_KEYS } from '../core/time/localDate.js';
import { clockToMinutes } from '../core/time/zone.js';
import type { Wish, ShiftTypeInput, Demand } from '../core/model/plan.js';
import type { Rng } from './random.js';
import type { StaffPattern } from './units.js';

export interface WishPerson {
  id: string;
  pattern: StaffPattern;
  canWorkNights: boolean;
  canWorkLongShifts: boolean;
  youth: boolean;
}

export type ShiftKind = 'night' | 'long' | 'other';

export function shiftKind(st: ShiftTypeInput): ShiftKind {
  const a = clockToMinutes(st.start);
  const b = clockToMinutes(st.end);
  if (b <= a) return 'night';
  if (b - a >= 10 * 60) return 'long';
  return 'other';
}

/** Shift codes with a positive target on each ISO weekday (0 = Monday). */
export function shiftsByWeekday(demand: readonly Demand[]): string[][] {
  const out: Array<Set<string>> = WEEKDAY_KEYS.map(() => new Set<string>());
  for (const d of demand) {
    if ((d.target ?? d.min) <= 0 || d.dates) continue;
    const days = d.days ?? WEEKDAY_KEYS;
    for (const k of days) out[WEEKDAY_KEYS.indexOf(k)].add(d.shift);
  }
  return out.map((s) => [...s].sort());
}

export function generateWishes(
  rng: Rng,
  person: WishPerson,
  shiftTypes: readonly ShiftTypeInput[],
  byWeekday: readonly string[][],
  periodDays: readonly number[],
  unavailable: ReadonlySet<number>,
): Wish[] {
  const kinds = new Map(shiftTypes.map((st) => [st.code, shiftKind(st)]));
  const eligible = (code: string) => {
    const k = kinds.get(code);
    if (k === 'night') return person.canWorkNights && !person.youth;
    if (k === 'long') return person.canWorkLongShifts && !person.youth;
    return true;
  };
  const wishes: Wish[] = [];
  const used = new Set<number>();
  const free = periodDays.filter((d) => !unavailable.has(d));
  const push = (day: number, shift: string | null, kind: 'want' | 'avoid', weight = 1) => {
    used.add(day);
    wishes.push({ employee: person.id, date: fromEpochDay(day), shift, kind, weight });
  };
  const pickDay = (filter: (d: number) => boolean): number | null => {
    const cands = free.filter((d) => !used.has(d) && filter(d));
    return cands.length ? rng.pick(cands) : null;
  };
  const isWeekend = (d: number) => weekdayOfEpochDay(d) >= 5;
  const shiftsOn = (d: number) => byWeekday[weekdayOfEpochDay(d)].filter(eligible);

  if (person.pattern === 'weekendOnly') {
    // Students: every weekday unavailable (school), and perhaps a weekend shift they want.
    for (const d of free) if (!isWeekend(d)) push(d, null, 'avoid', 5);
    if (rng.chance(0.6)) {
      const d = pickDay(isWeekend);
      if (d !== null && shiftsOn(d).length) push(d, rng.pick(shiftsOn(d)), 'want');
    }
    if (rng.chance(0.4)) {
      const d = pickDay(isWeekend);
      if (d !== null) push(d, null, 'avoid', 2);
    }
    return wishes;
  }

  if (person.pattern === 'fixedNights') {
    const nightCodes = [...kinds].filter(([, k]) => k === 'night').map(([c]) => c);
    const n = rng.int(1, 3);
    for (let i = 0; i < n && nightCodes.length; i++) {
      const d = pickDay(() => true);
      if (d !== null) push(d, rng.pick(nightCodes), 'want');
    }
    if (rng.chance(0.7)) {
      const d = pickDay(() => true);
      if (d !== null) push(d, null, 'avoid', rng.chance(0.3) ? 2 : 1);
    }
    return wishes;
  }

  // A weekly evening kept free (training, choir, a child's activity).
  if (rng.chance(0.15)) {
    const wd = rng.int(0, 3);
    const evening = shiftTypes.find((st) => clockToMinutes(st.start) >= 12 * 60 && shiftKind(st) === 'other');
    if (evening) for (const d of free) if (weekdayOfEpochDay(d) === wd && !used.has(d)) push(d, evening.code, 'avoid');
  }

  const n = rng.weighted([
    [1, 2],
    [2, 4],
    [3, 4],
    [4, 3],
    [5, 2],
    [6, 1],
  ] as const);
  for (let i = 0; i < n; i++) {
    const type = rng.weighted([
      ['dayOff', 40],
      ['weekendOff', 12],
      ['avoidShift', 18],
      ['wantShift', 30],
    ] as const);
    if (type === 'dayOff') {
      const d = pickDay(() => true);
      if (d !== null) push(d, null, 'avoid', rng.weighted([[1, 6], [2, 3], [3, 1]] as const));
    } else if (type === 'weekendOff') {
      const sat = pickDay((d) => weekdayOfEpochDay(d) === 5 && free.includes(d + 1) && !used.has(d + 1));
      if (sat !== null) {
        push(sat, null, 'avoid', 2);
        push(sat + 1, null, 'avoid', 2);
      }
    } else {
      const d = pickDay((x) => shiftsOn(x).length > 0);
      if (d !== null) push(d, rng.pick(shiftsOn(d)), type === 'wantShift' ? 'want' : 'avoid');
    }
  }
  return wishes;
}
