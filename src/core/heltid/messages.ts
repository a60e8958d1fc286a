/** Bilingual messages and number formatting for the scenario planner. */

export interface Message {
  code: string;
  nb: string;
  en: string;
}

export const msg = (code: string, nb: string, en: string): Message => ({ code, nb, en });

/** Invalid scenario input: every problem with its reason, in both languages. */
export class ScenarioInputError extends Error {
  readonly problems: Message[];
  constructor(problems: Message[]) {
    super(problems.map((p) => p.en).join('; '));
    this.name = 'ScenarioInputError';
    this.problems = problems;
  }
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** A number in Norwegian notation (decimal comma), at most `digits` decimals. */
export function nbNum(x: number, digits = 1): string {
  return String(round(x, digits)).replace('.', ',');
}

export function enNum(x: number, digits = 1): string {
  return String(round(x, digits));
}

export function fmtNum(x: number, lang: 'nb' | 'en', digits = 1): string {
  return lang === 'nb' ? nbNum(x, digits) : enNum(x, digits);
}
