/** Turns constraint violations from either driver into the repository errors. */
import { pgErrorInfo } from './db.js';
import { ConflictError, ValidationError } from './errors.js';

export function mapDbError(e: unknown): unknown {
  const { code, constraint, detail } = pgErrorInfo(e);
  const msg = e instanceof Error ? e.message : String(e);
  switch (code) {
    case '23505':
      return new ConflictError(`finnes allerede / already exists (${constraint ?? 'unique'})${detail ? `: ${detail}` : ''}`, constraint);
    case '23514':
    case '23502':
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return new ValidationError('ugyldig verdi / invalid value', [{ path: constraint ?? '(rot)', message: msg }]);
    case '23503':
      return new ValidationError('ukjent referanse / unknown reference', [{ path: constraint ?? '(rot)', message: detail ?? msg }]);
    default:
      return e;
  }
}

export async function mapped<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    throw mapDbError(e);
  }
}
