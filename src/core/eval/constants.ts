import { WEEKDAY_KEYS, type WeekdayKey } from '../time/localDate.js';
export { ABSENCE_KINDS } from '../model/primitives.js';

export const WEEKDAY_KEYS_INDEX: Record<WeekdayKey, number> = Object.fromEntries(
  WEEKDAY_KEYS.map((k, i) => [k, i]),
) as Record<WeekdayKey, number>;
