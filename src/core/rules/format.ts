/** Formatting shared by the rule messages: Norwegian decimals and dates. */
import { fromEpochDay } from '../time/localDate.js';
import type { EvalContext } from '../eval/context.js';
import type { Lang } from './types.js';

export function num(n: number, lang: Lang, digits = 1): string {
  const r = Math.round(n * 10 ** digits) / 10 ** digits;
  const s = String(r);
  return lang === 'nb' ? s.replace('.', ',') : s;
}

export function h(n: number, lang: Lang): string {
  return lang === 'nb' ? `${num(n, lang, 2)} t` : `${num(n, lang, 2)} h`;
}

export function dateOfDay(ctx: EvalContext, day: number): string {
  return fromEpochDay(ctx.startEpoch + day);
}

export function d(ctx: EvalContext, day: number, lang: Lang): string {
  const iso = dateOfDay(ctx, day);
  if (lang === 'en') return iso;
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

export function shiftCode(ctx: EvalContext, s: number | string | undefined): string {
  return typeof s === 'number' ? ctx.shiftTypes[s]?.code ?? '?' : String(s ?? '?');
}

/** A penalty that grows with how far the limit is passed, so search gets a gradient. */
export function penalty(base: number, excess: number): number {
  return Math.round(base * (1 + Math.max(0, excess)) * 100) / 100;
}

export const tr = (lang: Lang, nb: string, en: string) => (lang === 'nb' ? nb : en);
