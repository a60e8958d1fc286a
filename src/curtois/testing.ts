/**
 * Helpers for tests and benchmarks: a seeded PRNG, random rosters and random instances in the
 * benchmark's text format (so they go through the parser, like the real files).
 */
import { FREE } from '../engine/types.js';
import type { CurtoisInstance } from './parse.js';

export type Rnd = () => number;

export function mulberry32(seed: number): Rnd {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const randInt = (rnd: Rnd, n: number) => Math.floor(rnd() * n);

/** Each cell works with probability pWork, on a uniformly chosen shift type (any type). */
export function randomRows(inst: CurtoisInstance, rnd: Rnd, pWork = 0.6): Int16Array[] {
  const S = inst.shifts.length;
  return inst.staff.map(() => Int16Array.from({ length: inst.horizon }, () => (rnd() < pWork ? randInt(rnd, S) : FREE)));
}

/**
 * A random instance with odd corners: horizons that are not whole weeks, MinConsecutive*
 * of 0 and 1, MaxWeekends 0, MaxShifts 0, several requests on one day, zero demand.
 */
export function randomInstanceText(rnd: Rnd): string {
  const H = 3 + randInt(rnd, 19);
  const S = 1 + randInt(rnd, 4);
  const E = 1 + randInt(rnd, 6);
  const shiftIds = Array.from({ length: S }, (_, i) => `s${i}`);
  const staffIds = Array.from({ length: E }, (_, i) => String.fromCharCode(65 + i));
  const lines: string[] = ['# random', 'SECTION_HORIZON', String(H), '', 'SECTION_SHIFTS'];
  for (const id of shiftIds) {
    const forbidden = shiftIds.filter(() => rnd() < 0.35);
    lines.push(`${id},${[240, 480, 600, 720][randInt(rnd, 4)]},${forbidden.join('|')}`);
  }
  lines.push('', 'SECTION_STAFF');
  for (const id of staffIds) {
    const max = shiftIds.map((s) => `${s}=${rnd() < 0.2 ? 0 : randInt(rnd, H + 1)}`).join('|');
    const minMin = randInt(rnd, H * 300);
    const maxMin = minMin + randInt(rnd, H * 300);
    const maxCons = 1 + randInt(rnd, 6);
    const minCons = randInt(rnd, 4);
    const minOff = randInt(rnd, 4);
    lines.push(`${id},${max},${maxMin},${minMin},${maxCons},${minCons},${minOff},${randInt(rnd, 3)}`);
  }
  lines.push('', 'SECTION_DAYS_OFF');
  for (const id of staffIds) {
    if (rnd() < 0.3) continue;
    const days = Array.from({ length: H }, (_, d) => d).filter(() => rnd() < 0.15);
    lines.push([id, ...days].join(','));
  }
  for (const section of ['SECTION_SHIFT_ON_REQUESTS', 'SECTION_SHIFT_OFF_REQUESTS']) {
    lines.push('', section);
    const n = randInt(rnd, E * H * 0.5 + 1);
    for (let i = 0; i < n; i++)
      lines.push(`${staffIds[randInt(rnd, E)]},${randInt(rnd, H)},${shiftIds[randInt(rnd, S)]},${1 + randInt(rnd, 3)}`);
  }
  lines.push('', 'SECTION_COVER');
  for (let d = 0; d < H; d++) for (const s of shiftIds) lines.push(`${d},${s},${randInt(rnd, 4)},${1 + randInt(rnd, 100)},${1 + randInt(rnd, 5)}`);
  lines.push('');
  return lines.join('\r\n');
}
