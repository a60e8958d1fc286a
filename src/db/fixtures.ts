/**
 * A small plan file that uses every optional field the storage must keep, for the
 * repository conformance suite and the server tests. Arrays are in canonical order, so
 * `loadPlan(savePlan(x))` deep-equals `parsePlan(x).value`.
 */
import type { PlanInput } from '../core/model/plan.js';

export function fixturePlan(opts: { prefix?: string; homeUnit?: string } = {}): PlanInput {
  const p = opts.prefix ?? 'fx';
  const e = (n: number) => `${p}-e${n}`;
  return {
    unit: 'Testheimen 1. etg',
    start: '2027-03-01',
    end: '2027-03-14',
    planningForm: 'calendar',
    shiftTypes: [
      { code: 'D', name: 'Dagvakt', start: '07:00', end: '15:00' },
      { code: 'A', name: 'Aftenvakt', start: '14:30', end: '22:30', breakMinutes: 30, breakPaid: false },
      { code: 'N', start: '22:00', end: '07:30', category: 'night' },
      { code: 'L', start: '08:00', end: '20:30', category: 'long', breakMinutes: 45, breakPaid: true },
      { code: 'PD', name: 'Prediksjonsvakt dag', start: '07:00', end: '15:00', predictionFor: 'D' },
    ],
    employees: [
      {
        id: e(1),
        name: 'Kari Nordmann',
        competences: ['sykepleier', 'vernepleier'],
        positionPercent: 80,
        contract: 'permanent',
        canWorkLongShifts: true,
        canWorkNights: true,
        birthDate: '1985-06-30',
        weekendFrequency: 3,
        desiredPositionPercent: 100,
        ...(opts.homeUnit ? { homeUnit: opts.homeUnit } : {}),
      },
      { id: e(2), name: 'Ola Hansen', competence: 'helsefagarbeider', positionPercent: 37.5, contract: 'temporary', canWorkNights: false },
      { id: e(3), name: 'Åse Ødegård', positionPercent: 100 },
    ],
    demand: [
      { shift: 'D', days: ['mon', 'tue', 'wed', 'thu', 'fri'], min: 1, target: 2 },
      { shift: 'D', days: ['sat', 'sun'], min: 1, competence: 'sykepleier' },
      { shift: 'A', min: 1 },
      { shift: 'N', dates: ['2027-03-06', '2027-03-07'], min: 1, target: 1 },
    ],
    absences: [
      { employee: e(3), from: '2027-03-10', to: '2027-03-12', kind: 'self_certified' },
      { employee: e(2), from: '2027-03-01', to: '2027-03-02', kind: 'course' },
    ],
    wishes: [
      { employee: e(1), date: '2027-03-05', shift: null, kind: 'avoid', weight: 2.5 },
      { employee: e(2), date: '2027-03-06', shift: 'D', kind: 'want' },
    ],
    rules: {
      dailyRest: { minHours: 10, agreementRef: 'Lokal avtale 2026-01' },
      weekend: { frequency: 2 },
      weights: { 'PRA-01': 2 },
    },
    assignments: [
      { employee: e(1), date: '2027-03-01', shift: 'D' },
      { employee: e(1), date: '2027-03-02', shift: 'A' },
      { employee: e(1), date: '2027-03-06', shift: 'L' },
      { employee: e(2), date: '2027-03-03', shift: 'D' },
      { employee: e(2), date: '2027-03-04', shift: 'N' },
      { employee: e(3), date: '2027-03-01', shift: 'A' },
    ],
  };
}
