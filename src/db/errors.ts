/** Errors the repositories raise; the HTTP layer maps them to 404 / 400 / 409. */

export interface FieldProblem {
  /** JSON path of the offending value, e.g. "employees[2].id" or "records[4].kind". */
  path: string;
  message: string;
}

export class NotFoundError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} «${id}» finnes ikke / not found`);
    this.name = 'NotFoundError';
  }
}

/** Input that the model or the database constraints reject; nothing was written. */
export class ValidationError extends Error {
  constructor(
    message: string,
    readonly problems: FieldProblem[],
  ) {
    super(problems.length ? `${message}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}` : message);
    this.name = 'ValidationError';
  }
}

/** A uniqueness conflict (duplicate id, name …). */
export class ConflictError extends Error {
  constructor(
    message: string,
    readonly constraint?: string,
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

export interface AbsenceImportProblem extends FieldProblem {
  /** 0-based index of the record in the input array. */
  index: number;
  /** 1-based line in the source file (index + firstLine). */
  line: number;
  field: string;
}

/** An absence import that was rejected as a whole; `problems` names every bad record and field. */
export class AbsenceImportError extends ValidationError {
  constructor(override readonly problems: AbsenceImportProblem[]) {
    super('fraværsimporten ble avvist, ingenting er lagret / absence import rejected, nothing was written', problems);
    this.name = 'AbsenceImportError';
  }
}

/** One spell of an `addHistory` batch that overlaps a stored spell or an earlier spell of the batch. */
export interface AbsenceOverlap {
  /** 0-based index of the record in the input. */
  index: number;
  /** Its line in the source file. */
  line: number;
  employee: string;
  from: string;
  to: string;
  /** The spell it overlaps: a stored one (with its id) or another one of the batch (with its line). */
  other: { from: string; to: string; id?: number; line?: number };
}

/** Spells that overlap absences of the same person (a person is absent once a day); nothing was written. */
export class AbsenceOverlapError extends ConflictError {
  constructor(readonly overlaps: AbsenceOverlap[]) {
    super(
      `fraværet overlapper et annet fravær for samme person / the absence overlaps another absence of the same person: ${overlaps
        .slice(0, 5)
        .map((o) => `${o.employee} ${o.from}–${o.to} ↔ ${o.other.from}–${o.other.to}`)
        .join('; ')}${overlaps.length > 5 ? ' …' : ''}`,
      'absence_overlap',
    );
    this.name = 'AbsenceOverlapError';
  }
}
