/**
 * Repository interfaces: what the rest of Bemanna may ask of storage. One SQL
 * implementation (sqlRepositories.ts) serves both PGlite and PostgreSQL; a fake for unit
 * tests only has to implement these.
 */
import type { Plan, EmployeeInput } from '../core/model/plan.js';
import type { AbsenceKind } from '../core/model/primitives.js';
import type { LocalDate } from '../core/time/localDate.js';

export const UNIT_KINDS = ['sykehjem', 'hjemmetjeneste', 'bofellesskap', 'psykisk-helse'] as const;
export type UnitKindDb = (typeof UNIT_KINDS)[number];

export const PLAN_STATUSES = ['draft', 'hearing', 'approved', 'published'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export interface Organisation {
  id: string;
  name: string;
}

export interface Unit {
  id: string;
  organisationId: string;
  name: string;
  kind: UnitKindDb;
  serviceArea: string | null;
  beds: number | null;
}

export interface UnitSummary extends Unit {
  employeeCount: number;
  planCount: number;
}

/** The editable fields of a unit; left out = unchanged. */
export interface UnitPatch {
  name?: string;
  kind?: UnitKindDb;
  serviceArea?: string | null;
  beds?: number | null;
}

export interface OrganisationRepository {
  createOrganisation(org: Organisation): Promise<Organisation>;
  listOrganisations(): Promise<Organisation[]>;
  createUnit(unit: Omit<Unit, 'serviceArea' | 'beds'> & { serviceArea?: string | null; beds?: number | null }): Promise<Unit>;
  getUnit(id: string): Promise<Unit | null>;
  /** Changes the given fields of a unit (null clears service area or beds); NotFoundError for an unknown id. */
  updateUnit(id: string, patch: UnitPatch): Promise<Unit>;
  /** All units (of one organisation when given), by name, with employee and plan counts. */
  listUnits(organisationId?: string): Promise<UnitSummary[]>;
}

/** An employee as stored: the plan-file fields plus the home unit. */
export interface EmployeeRecord extends EmployeeInput {
  unitId: string;
}

export interface EmployeeRepository {
  /** Inserts or updates employees whose home unit is `unitId` (existing ones keep their home unit). */
  upsert(unitId: string, employees: EmployeeInput[]): Promise<void>;
  get(id: string): Promise<EmployeeRecord | null>;
  /** Employees whose home unit is `unitId`, by name. */
  listByUnit(unitId: string): Promise<EmployeeRecord[]>;
  /** The unit's people: employees whose home unit it is or who are in one of its plans, by name. */
  listMembers(unitId: string): Promise<EmployeeRecord[]>;
}

export interface PlanSummary {
  id: string;
  unitId: string;
  name: string;
  start: LocalDate;
  end: LocalDate;
  planningForm: Plan['planningForm'];
  status: PlanStatus;
  version: number;
  employeeCount: number;
  assignmentCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface SavePlanOptions {
  /** Replace this existing plan (same unit) and bump its version, instead of creating one. */
  planId?: string;
  /** Display name; default "<unit> <start>–<end>". */
  name?: string;
  status?: PlanStatus;
}

export interface PlanRepository {
  /**
   * Stores a whole plan file in one transaction: the unit's shift types and employees are
   * upserted, then the plan with its rule set, staffing plan, absences, wishes and rota.
   * The plan is validated with `parsePlan` first (ValidationError with paths if not valid).
   */
  savePlan(unitId: string, plan: Plan, opts?: SavePlanOptions): Promise<PlanSummary>;
  /**
   * The plan file back: equal to what `parsePlan` gave for the saved file, except that
   * `$schema` is dropped and assignments come in canonical order (employee order, then date).
   */
  loadPlan(planId: string): Promise<Plan | null>;
  getPlan(planId: string): Promise<PlanSummary | null>;
  listPlans(unitId: string): Promise<PlanSummary[]>;
  setStatus(planId: string, status: PlanStatus): Promise<PlanSummary>;
}

export interface AbsenceImportRecord {
  employee: string;
  from: LocalDate;
  to: LocalDate;
  kind: AbsenceKind;
  /** Unit at the time of the absence (defaults to the employee's home unit). */
  unit?: string;
}

export const ABSENCE_SOURCES = ['plan', 'import', 'demo', 'registered'] as const;
/** plan: from a plan file; import: a history import; demo: the demo seed; registered: registered in the app on the day. */
export type AbsenceSource = (typeof ABSENCE_SOURCES)[number];

export interface StoredAbsence {
  id: number;
  employee: string;
  unitId: string | null;
  planId: string | null;
  from: LocalDate;
  to: LocalDate;
  kind: AbsenceKind;
  source: AbsenceSource;
  /** User id of who imported or registered it (history only; null for the seed and plan files). */
  registeredBy: string | null;
}

/** One history spell to add (`addHistory`). */
export interface HistoryAbsenceInput {
  employee: string;
  /** The unit the absence counts for (the employee's unit at the time). */
  unit: string;
  from: LocalDate;
  to: LocalDate;
  kind: AbsenceKind;
  /** Line in the source file, for messages (default: the record's index + 1). */
  line?: number;
}

export interface AddHistoryOptions {
  source: 'import' | 'registered';
  /** User id of who imported or registered the spells. */
  registeredBy?: string | null;
  /**
   * A spell identical to a stored one (employee, dates, kind): 'skip' it, so that importing the
   * same file twice stores it once (default), or report it as an overlap like any other.
   */
  identical?: 'skip' | 'overlap';
}

export interface HistoryFilter {
  /** History counted for these units (absences.unit_id). */
  unitIds?: readonly string[];
  employees?: readonly string[];
  /** Spells overlapping [from, to] (either bound optional). */
  from?: LocalDate;
  to?: LocalDate;
}

export interface ImportAbsencesOptions {
  source?: 'import' | 'demo';
  /** Line number of records[0] in the source file, for error messages (default 1). */
  firstLine?: number;
}

export interface AbsenceRepository {
  /**
   * Imports registered absences (the history) all-or-nothing: every record is validated
   * first (shape, kind, to ≥ from, known employee and unit); if any is invalid an
   * AbsenceImportError names each record's index, line and field, and nothing is written.
   * Records already stored are skipped (idempotent re-import).
   */
  importAbsences(records: readonly unknown[], opts?: ImportAbsencesOptions): Promise<{ inserted: number; skipped: number }>;
  /** Absences (history and plans) of one employee overlapping [from, to], by date. */
  listForEmployee(employeeId: string, range?: { from?: LocalDate; to?: LocalDate }): Promise<StoredAbsence[]>;
  /** Number of registered history absences (plan_id null) of a unit's records. */
  countHistory(unitId?: string): Promise<number>;
  /** The registered history (plan_id null) matching the filter, by date, employee and id. */
  listHistory(filter: HistoryFilter): Promise<StoredAbsence[]>;
  /**
   * Adds history spells all-or-nothing, in one transaction. Records are validated like
   * `importAbsences` (AbsenceImportError); then, with the employees' rows locked so that
   * concurrent calls cannot both write overlapping spells, every spell is checked against the
   * stored history and against the other spells of the batch: any overlap throws an
   * AbsenceOverlapError naming each one, and nothing is written. Returns the stored spells.
   */
  addHistory(records: readonly HistoryAbsenceInput[], opts: AddHistoryOptions): Promise<{ inserted: StoredAbsence[]; skipped: number }>;
}

export interface AuditEntryInput {
  actor: string;
  action: string;
  entity: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditEntry extends Required<Omit<AuditEntryInput, 'entityId'>> {
  id: number;
  /** ISO 8601 instant. */
  at: string;
  entityId: string | null;
}

export interface AuditLog {
  append(entry: AuditEntryInput): Promise<AuditEntry>;
  /** Newest first. */
  list(filter?: { entity?: string; entityId?: string; limit?: number }): Promise<AuditEntry[]>;
}

export interface Repositories {
  organisations: OrganisationRepository;
  employees: EmployeeRepository;
  plans: PlanRepository;
  absences: AbsenceRepository;
  audit: AuditLog;
}
