/**
 * The demo dataset's shape (contract between the generator and its users: the database
 * seed, tests and benchmarks). Everything is plain data built from the core model.
 */
import type { Plan } from '../core/model/plan.js';
import type { LocalDate } from '../core/time/localDate.js';

export type UnitKind = 'sykehjem' | 'hjemmetjeneste' | 'bofellesskap' | 'psykisk-helse';

export interface DemoUnit {
  id: string;
  name: string;
  kind: UnitKind;
  /** Service area (tjenesteområde) for roll-ups, e.g. "Helse og omsorg Nord". */
  serviceArea: string;
  beds?: number;
  /** A calendar plan for the unit: staff, shift types, staffing plan, vacations, wishes, rules; no assignments. */
  plan: Plan;
  /** Demo-only facts per employee (work pattern, employment start), in the plan's employee order. */
  staffProfiles?: DemoStaffProfile[];
}

export type HistoryAbsenceKind = 'self_certified' | 'doctor_certified' | 'sick_child' | 'leave';

export interface AbsenceRecord {
  employee: string;
  unit: string;
  from: LocalDate;
  to: LocalDate;
  kind: HistoryAbsenceKind;
}

export interface DemoDataset {
  organisation: { id: string; name: string };
  units: DemoUnit[];
  /** Several years of absence history up to the day before the plans start. */
  absenceHistory: AbsenceRecord[];
}

export interface DemoOptions {
  /** PRNG seed; the same seed gives the same dataset. Default 2027. */
  seed?: number;
  /** First day of the demo plans (a Monday). Default 2027-01-04. */
  start?: LocalDate;
  /** Plan length in weeks. Default 6. */
  weeks?: number;
  /** Years of absence history before `start`. Default 3. */
  historyYears?: number;
}

/** How an employee's position is worked (not part of the plan model; for demo users). */
export type DemoStaffPattern = 'rotating' | 'weekendOnly' | 'fixedNights';

/** Demo-only facts about an employee that the plan model does not carry. */
export interface DemoStaffProfile {
  employee: string;
  /** rotating (three-shift or day/evening), weekend-only position, or fixed night staff. */
  pattern: DemoStaffPattern;
  /** First day of employment; the absence history of the person starts here at the earliest. */
  employedFrom: LocalDate;
  /** For a temporary substitute (vikar): the employee whose leave the position covers. */
  substituteFor?: string;
}
