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
