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
