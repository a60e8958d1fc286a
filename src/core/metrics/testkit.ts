/**
 * A small organisation for the metrics tests, with answers computed by hand in the tests.
 * (Not a test file itself; imported by the *.test.ts files.)
 */
import { PlanSchema, type Plan, type PlanInput } from '../model/plan.js';
import type { MetricsInput } from './types.js';

/** Shift types without breaks, so the hours are easy to count by hand. */
export const SHIFTS: PlanInput['shiftTypes'] = [
  { code: 'D', start: '07:00', end: '15:00', breakMinutes: 0 },
  { code: 'N', start: '22:00', end: '07:00', breakMinutes: 0 },
  { code: 'L', start: '08:00', end: '20:30', breakMinutes: 0 },
  { code: 'PD', start: '07:00', end: '15:00', breakMinutes: 0, predictionFor: 'D' },
  { code: 'H', start: '08:00', end: '16:00', breakMinutes: 30, breakPaid: false },
];

export function plan(p: Partial<PlanInput> & Pick<PlanInput, 'unit' | 'start' | 'end'>): Plan {
  return PlanSchema.parse({ shiftTypes: SHIFTS, employees: [], ...p });
}

/**
 * Solsiden (u1), January 2027, two weeks Mon 4 – Sun 17: a and b.
 *   a: L Sat 9 (12.5 weekend h), L Sun 10 (12.5), D Mon 11, PD Tue 12
 *   b: N Fri 8 22:00–07:00 (7 h on Saturday), D Wed 13, PD Thu 14, N Sun 17 22:00–07:00 (2 h on Sunday)
 * Weekend hours 34 over 2 persons × 14 days.
 * Wishes: a wants L Sat 9 (met), a wants Mon 11 off (not met: D) → 1/2;
 *         b avoids N Fri 8, weight 2 (not met), b wants Sun 10 off (met) → 1/3.
 */
export const solsidenJanuary = plan({
  unit: 'u1',
  start: '2027-01-04',
  end: '2027-01-17',
  employees: [
    { id: 'a', name: 'Anne', competence: 'sykepleier', positionPercent: 100 },
    { id: 'b', name: 'Bjørn', competence: 'sykepleier', positionPercent: 80 },
  ],
  wishes: [
    { employee: 'a', date: '2027-01-09', shift: 'L', kind: 'want', weight: 1 },
    { employee: 'a', date: '2027-01-11', shift: null, kind: 'want', weight: 1 },
    { employee: 'b', date: '2027-01-08', shift: 'N', kind: 'avoid', weight: 2 },
    { employee: 'b', date: '2027-01-10', shift: null, kind: 'want', weight: 1 },
  ],
  assignments: [
    { employee: 'a', date: '2027-01-09', shift: 'L' },
    { employee: 'a', date: '2027-01-10', shift: 'L' },
    { employee: 'a', date: '2027-01-11', shift: 'D' },
    { employee: 'a', date: '2027-01-12', shift: 'PD' },
    { employee: 'b', date: '2027-01-08', shift: 'N' },
    { employee: 'b', date: '2027-01-13', shift: 'D' },
    { employee: 'b', date: '2027-01-14', shift: 'PD' },
    { employee: 'b', date: '2027-01-17', shift: 'N' },
  ],
});

/**
 * Fjordtun (u2, named by its unit name), the week of the spring DST change: f works N Sat 27 March
 * 22:00 – Sun 07:00, which is 8 real hours (the clocks jump 02:00 → 03:00), and H Sun 28 08:00–16:00
 * with a 30-minute unpaid break: 7.5 h.
 */
export const fjordtunMarch = plan({
  unit: 'Fjordtun',
  start: '2027-03-22',
  end: '2027-03-28',
  employees: [{ id: 'f', name: 'Frida', competence: 'helsefagarbeider', positionPercent: 60 }],
  assignments: [
    { employee: 'f', date: '2027-03-27', shift: 'N' },
    { employee: 'f', date: '2027-03-28', shift: 'H' },
  ],
});

export function organisation(): MetricsInput {
  return {
    units: [
      { id: 'u1', name: 'Solsiden', serviceArea: 'Sykehjem' },
      { id: 'u2', name: 'Fjordtun', serviceArea: 'Sykehjem' },
      { id: 'u3', name: 'Hjemmetjenesten Nord', serviceArea: 'Hjemme' },
      { id: 'u4', name: 'Nytt bofellesskap', serviceArea: 'Hjemme' },
    ],
    employees: [
      { id: 'a', unitId: 'u1', competence: 'sykepleier', positionPercent: 100 },
      { id: 'b', unitId: 'u1', competence: 'sykepleier', positionPercent: 80 },
      { id: 'c', unitId: 'u1', competence: 'helsefagarbeider', positionPercent: 50, validFrom: '2026-01-01', validTo: '2026-12-31' },
      { id: 'c', unitId: 'u1', competence: 'helsefagarbeider', positionPercent: 75, validFrom: '2027-01-01' },
      { id: 'd', unitId: 'u1', competence: 'assistent', positionPercent: 15, weekendOnly: true },
      { id: 'e', unitId: 'u1', competence: 'assistent', positionPercent: 0, contract: 'hourly' },
      { id: 'f', unitId: 'u2', competence: 'helsefagarbeider', positionPercent: 60 },
      { id: 'f', unitId: 'u3', competence: 'helsefagarbeider', positionPercent: 40, validFrom: '2026-06-01' },
      { id: 'g', unitId: 'u3', competence: 'sykepleier', positionPercent: 92, validFrom: '2026-06-01', weekendOnly: false },
      { id: 'h', unitId: 'u2', competence: null, positionPercent: 19, contract: 'temporary', weekendOnly: true },
    ],
    plans: [solsidenJanuary, fjordtunMarch],
  };
}
