/** Validators for the small value types every boundary shares. */
import { z } from 'zod';
import { isLocalDate, WEEKDAY_KEYS } from '../time/localDate.js';
import { parseClock } from '../time/zone.js';

export const LocalDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'må være en dato på formen ÅÅÅÅ-MM-DD / must be a date YYYY-MM-DD')
  .refine(isLocalDate, 'finnes ikke i kalenderen / is not a calendar date')
  .describe('Calendar date YYYY-MM-DD (Europe/Oslo)');

export const ClockSchema = z
  .string()
  .regex(/^\d{2}:\d{2}$/, 'må være et klokkeslett TT:MM / must be a clock time HH:MM')
  .refine((s) => parseClock(s) !== null, 'ugyldig klokkeslett / invalid clock time')
  .describe('Local wall-clock time HH:MM (Europe/Oslo)');

export const WeekdaySchema = z.enum(WEEKDAY_KEYS);

export const IdSchema = z.string().min(1, 'kan ikke være tom / must not be empty').max(64);

export const SHIFT_CATEGORIES = ['day', 'evening', 'night', 'long', 'middle'] as const;
export type ShiftCategory = (typeof SHIFT_CATEGORIES)[number];

export const ABSENCE_KINDS = [
  'vacation',
  'parental_leave',
  'self_certified',
  'doctor_certified',
  'sick_child',
  'leave',
  'course',
] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

/** Sick leave of any kind: counted in absence statistics, never with a diagnosis. */
export const SICKNESS_KINDS: readonly AbsenceKind[] = ['self_certified', 'doctor_certified', 'sick_child'];

export const CONTRACT_TYPES = ['permanent', 'temporary', 'hourly'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const COMPETENCES = ['sykepleier', 'vernepleier', 'helsefagarbeider', 'assistent'] as const;
