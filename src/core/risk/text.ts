/** Bilingual text for the risk assessment: bokmål first, English beside it. */
import { num } from '../rules/format.js';
import type { Bilingual, RiskLevel } from './types.js';

export const bi = (nb: string, en: string): Bilingual => ({ nb, en });

/** A number in both languages (decimal comma in bokmål). */
export const n2 = (x: number, digits = 1): Bilingual => ({ nb: num(x, 'nb', digits), en: num(x, 'en', digits) });

/** Joins non-empty sentences. */
export function sentences(parts: Array<Bilingual | null | false | undefined>): Bilingual {
  const ok = parts.filter((p): p is Bilingual => !!p);
  return { nb: ok.map((p) => p.nb).join(' '), en: ok.map((p) => p.en).join(' ') };
}

/** «1 person» / «3 personer». */
export function persons(n: number): Bilingual {
  return bi(`${n} ${n === 1 ? 'person' : 'personer'}`, `${n} ${n === 1 ? 'person' : 'people'}`);
}

export const LEVEL_WORD: Record<RiskLevel, Bilingual> = {
  green: bi('grønn', 'green'),
  yellow: bi('gul', 'yellow'),
  red: bi('rød', 'red'),
};

const RANK: Record<RiskLevel, number> = { green: 0, yellow: 1, red: 2 };

export function worst(levels: RiskLevel[]): RiskLevel {
  return levels.reduce<RiskLevel>((a, b) => (RANK[b] > RANK[a] ? b : a), 'green');
}

export const uniq = (xs: string[]) => [...new Set(xs.filter(Boolean))];

/** «1 vakt» / «3 vakter», «1 shift» / «3 shifts». */
export function count(n: number, nb: [string, string], en: [string, string]): Bilingual {
  return bi(`${n} ${n === 1 ? nb[0] : nb[1]}`, `${n} ${n === 1 ? en[0] : en[1]}`);
}

/** 2 → «2nd», 3 → «3rd», 4 → «4th». */
export function ordinalEn(k: number): string {
  const s = k % 100 >= 11 && k % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][k % 10] ?? 'th');
  return `${k}${s}`;
}
