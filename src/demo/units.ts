/**
 * The demo units: shift templates, staffing plans (bemanningsplan) and staff structures,
 * after RULES.md §§ 7–8 and DOMAIN.md. Only the people's names, ages, wishes, vacations and
 * absence come from the PRNG; the structure (positions, competences, demand) is fixed so
 * that the figures in the README hold for every seed.
 */
import type { ShiftTypeInput, Demand } from '../core/model/plan.js';
import type { RuleSetInput } from '../core/model/ruleSet.js';
import type { ContractType } from '../core/model/primitives.js';
import type { UnitKind } from './types.js';
import type { Competence } from './absenceModel.js';

export type StaffPattern = 'rotating' | 'weekendOnly' | 'fixedNights';

export interface StaffSlot {
  competence: Competence;
  positionPercent: number;
  pattern?: StaffPattern;
  contract?: ContractType;
  /** Age range at the plan start (defaults by competence). */
  age?: readonly [number, number];
  /** The 17-year-old weekend assistant: no nights, no long shifts (AML kap. 11). */
  youth?: boolean;
  /** Starts a parental leave during the plan period (offset in days from the start). */
  parentalLeaveFromDay?: number;
  /** Temporary substitute (vikar) hired for a parental leave, shortly before the plan. */
  substitute?: boolean;
}

export interface UnitTemplate {
  id: string;
  prefix: string;
  name: string;
  kind: UnitKind;
  serviceArea: string;
  beds?: number;
  /** Probability that a staff member is a woman (for first names). */
  femaleShare: number;
  /** Probability that a rotating employee has agreed to long shifts (when the unit has them). */
  longShiftShare: number;
  shiftTypes: ShiftTypeInput[];
  /** Weekday demand lines (without `dates`). */
  demand: Demand[];
  rules: RuleSetInput;
  staff: StaffSlot[];
}

const WD = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const WE = ['sat', 'sun'] as const;
const ALL = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

type Days = readonly (typeof ALL)[number][];
const line = (shift: string, days: Days, min: number, target: number, competence?: string): Demand => ({
  shift,
  days: [...days],
  min,
  target,
  ...(competence ? { competence } : {}),
});

const s = (competence: Competence, positionPercent: number, extra: Omit<StaffSlot, 'competence' | 'positionPercent'> = {}): StaffSlot => ({
  competence,
  positionPercent,
  ...extra,
});

/**
 * 24-bed long-term ward. Weekdays 5 D + 4 K (target; min 4 + 3), 2 awake nights; weekends
 * langvakter 08:00–20:30 plus a thin D/K layer (RULES §§ 7.2, 8). Many small positions and
 * weekend-only assistants: the average position is about 57 %.
 */
export const SOLSIDEN: UnitTemplate = {
  id: 'solsiden-2',
  prefix: 'sol',
  name: 'Solsiden sykehjem 2. etg',
  kind: 'sykehjem',
  serviceArea: 'Helse og omsorg Nord',
  beds: 24,
  femaleShare: 0.88,
  longShiftShare: 0.8,
  shiftTypes: [
    { code: 'D', name: 'Dagvakt', start: '07:00', end: '15:00' },
    { code: 'K', name: 'Kveldsvakt', start: '14:30', end: '22:30' },
    { code: 'N', name: 'Nattevakt', start: '22:00', end: '07:30' },
    { code: 'L', name: 'Langvakt helg', start: '08:00', end: '20:30', breakMinutes: 60 },
  ],
  demand: [
    line('D', WD, 4, 5),
    line('D', WD, 1, 2, 'sykepleier'),
    line('K', WD, 3, 4),
    line('K', WD, 1, 1, 'sykepleier'),
    line('N', ALL, 2, 2),
    line('N', ALL, 1, 1, 'sykepleier'),
    line('L', WE, 2, 3),
    line('L', WE, 1, 1, 'sykepleier'),
    line('D', WE, 1, 1),
    line('K', WE, 1, 2),
    line('K', WE, 0, 1, 'sykepleier'),
  ],
  rules: {},
  staff: [
    s('sykepleier', 100),
    s('sykepleier', 100),
    s('sykepleier', 80),
    s('sykepleier', 75, { pattern: 'fixedNights' }),
    s('sykepleier', 60, { pattern: 'fixedNights' }),
    s('sykepleier', 62.5),
    s('sykepleier', 50),
    s('sykepleier', 50, { contract: 'temporary', age: [24, 35] }),
    s('sykepleier', 40),
    s('vernepleier', 80),
    s('helsefagarbeider', 100),
    s('helsefagarbeider', 80),
    s('helsefagarbeider', 75),
    s('helsefagarbeider', 75, { pattern: 'fixedNights' }),
    s('helsefagarbeider', 60),
    s('helsefagarbeider', 62.5, { pattern: 'fixedNights' }),
    s('helsefagarbeider', 50),
    s('helsefagarbeider', 50),
    s('helsefagarbeider', 50),
    s('helsefagarbeider', 50),
    s('assistent', 50, { age: [24, 58] }),
    s('assistent', 25, { contract: 'hourly', age: [19, 28] }),
    s('assistent', 15, { pattern: 'weekendOnly' }),
    s('assistent', 15, { pattern: 'weekendOnly', youth: true, contract: 'temporary' }),
    s('assistent', 15, { pattern: 'weekendOnly' }),
    s('assistent', 20, { pattern: 'weekendOnly' }),
  ],
};

/** Home-care group: day and evening, no nights; larger positions than the ward. */
export const HJEMMETJENESTEN: UnitTemplate = {
  id: 'hjemme-nord',
  prefix: 'hjt',
  name: 'Hjemmetjenesten Nord, team Sentrum',
  kind: 'hjemmetjeneste',
  serviceArea: 'Helse og omsorg Nord',
  femaleShare: 0.85,
  longShiftShare: 0.6,
  shiftTypes: [
    { code: 'D', name: 'Dagvakt', start: '07:30', end: '15:00' },
    { code: 'M', name: 'Mellomvakt', start: '10:00', end: '18:00' },
    { code: 'K', name: 'Kveldsvakt', start: '14:30', end: '22:00' },
  ],
  demand: [
    line('D', WD, 4, 5),
    line('D', WD, 1, 2, 'sykepleier'),
    line('M', WD, 0, 1),
    line('K', WD, 3, 4),
    line('K', WD, 1, 1, 'sykepleier'),
    line('D', WE, 4, 4),
    line('D', WE, 1, 1, 'sykepleier'),
    line('K', WE, 2, 3),
    // Weekend evenings: the evening nurse of the neighbouring team covers when needed.
    line('K', WE, 0, 1, 'sykepleier'),
  ],
  rules: {},
  staff: [
    s('sykepleier', 100),
    s('sykepleier', 100),
    s('sykepleier', 80),
    s('sykepleier', 75),
    s('sykepleier', 60),
    s('sykepleier', 50),
    s('vernepleier', 100),
    s('vernepleier', 80),
    s('helsefagarbeider', 100),
    s('helsefagarbeider', 80),
    s('helsefagarbeider', 80, { parentalLeaveFromDay: 14, age: [27, 36] }),
    s('helsefagarbeider', 80, { contract: 'temporary', substitute: true, age: [21, 40] }),
    s('helsefagarbeider', 75),
    s('helsefagarbeider', 60),
    s('helsefagarbeider', 50),
    s('assistent', 60, { age: [30, 60] }),
    s('assistent', 20, { pattern: 'weekendOnly' }),
    s('assistent', 15, { pattern: 'weekendOnly' }),
  ],
};

/**
 * Bofellesskap for five residents with intellectual disabilities: long day shifts and 12.5 h
 * awake nights every day, a short day shift on weekdays for activities; mostly vernepleiere.
 * Local agreement: at most 2 long shifts in a row, every third weekend.
 */
export const LIAVEIEN: UnitTemplate = {
  id: 'liaveien',
  prefix: 'bof',
  name: 'Liaveien bofellesskap',
  kind: 'bofellesskap',
  serviceArea: 'Helse og omsorg Sør',
  beds: 5,
  femaleShare: 0.68,
  longShiftShare: 0.9,
  shiftTypes: [
    { code: 'L', name: 'Langvakt dag', start: '08:00', end: '20:30', breakMinutes: 60 },
    { code: 'N', name: 'Våken natt', start: '20:00', end: '08:30', breakMinutes: 60 },
    { code: 'D', name: 'Dagvakt', start: '08:00', end: '15:30' },
  ],
  demand: [
    line('L', WD, 2, 3),
    line('L', WE, 2, 2),
    line('L', ALL, 1, 2, 'vernepleier'),
    line('N', ALL, 1, 1),
    line('D', WD, 0, 1),
  ],
  rules: {
    weekend: { frequency: 3, maxConsecutive: 1 },
    longShifts: { localMaxHours: 12.5, maxInRow: 2 },
    soft: { maxConsecutiveNights: 3 },
  },
  staff: [
    s('vernepleier', 100),
    s('vernepleier', 100),
    s('vernepleier', 80),
    s('vernepleier', 75),
    s('vernepleier', 60),
    s('vernepleier', 50),
    s('helsefagarbeider', 100),
    s('helsefagarbeider', 75),
    s('helsefagarbeider', 60),
    s('helsefagarbeider', 50),
    s('helsefagarbeider', 40),
    s('sykepleier', 60),
    s('assistent', 25, { pattern: 'weekendOnly' }),
    s('assistent', 20, { contract: 'hourly', age: [20, 30] }),
  ],
};

/** Supported housing in mental health and substance abuse: day, evening, one awake night. */
export const BAKKETUN: UnitTemplate = {
  id: 'bakketun',
  prefix: 'psy',
  name: 'Bakketun bo- og oppfølgingstjeneste',
  kind: 'psykisk-helse',
  serviceArea: 'Helse og omsorg Sør',
  beds: 8,
  femaleShare: 0.7,
  longShiftShare: 0.7,
  shiftTypes: [
    { code: 'D', name: 'Dagvakt', start: '08:00', end: '15:30' },
    { code: 'K', name: 'Kveldsvakt', start: '15:00', end: '22:30' },
    { code: 'N', name: 'Nattevakt', start: '22:15', end: '08:15' },
  ],
  demand: [
    line('D', WD, 2, 3),
    line('D', WD, 0, 1, 'sykepleier'),
    line('D', WE, 2, 2),
    line('K', WD, 2, 3),
    line('K', WE, 2, 2),
    line('N', ALL, 1, 1),
  ],
  rules: {},
  staff: [
    s('sykepleier', 100),
    s('sykepleier', 80),
    s('sykepleier', 60),
    s('vernepleier', 100),
    s('vernepleier', 100),
    s('vernepleier', 75),
    s('vernepleier', 60),
    s('helsefagarbeider', 100),
    s('helsefagarbeider', 75, { pattern: 'fixedNights' }),
    s('helsefagarbeider', 60, { pattern: 'fixedNights' }),
    s('helsefagarbeider', 50),
    s('assistent', 40, { age: [25, 55] }),
    s('assistent', 20, { pattern: 'weekendOnly' }),
  ],
};

export const UNIT_TEMPLATES: readonly UnitTemplate[] = [SOLSIDEN, HJEMMETJENESTEN, LIAVEIEN, BAKKETUN];

/** Default age ranges at the plan start, by competence. */
export const AGE_RANGES: Record<Competence, readonly [number, number]> = {
  sykepleier: [24, 63],
  vernepleier: [25, 62],
  helsefagarbeider: [20, 66],
  assistent: [18, 26],
};
