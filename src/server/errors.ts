/** JSON error bodies: always `{ errors: [{ path, message }] }`. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ConflictError, NotFoundError, ValidationError, type FieldProblem } from '../db/errors.js';

export interface ErrorBody {
  errors: FieldProblem[];
}

export function errorBody(path: string, message: string): ErrorBody {
  return { errors: [{ path, message }] };
}

/** The caller is signed in but may not see or do this (403). */
export class ForbiddenError extends Error {
  constructor(message = 'ingen tilgang / forbidden') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** A request that conflicts with the plan's state (409), e.g. editing a published plan. */
export class StateError extends Error {
  constructor(
    message: string,
    readonly path = '(rot)',
  ) {
    super(message);
    this.name = 'StateError';
  }
}

export function errorResponse(c: Context, err: unknown): Response {
  if (err instanceof ForbiddenError) return c.json(errorBody('(rot)', err.message), 403);
  if (err instanceof StateError) return c.json(errorBody(err.path, err.message), 409);
  if (err instanceof ValidationError) return c.json({ errors: err.problems.length ? err.problems : [{ path: '(rot)', message: err.message }] }, 400);
  if (err instanceof NotFoundError) return c.json(errorBody('id', err.message), 404);
  if (err instanceof ConflictError) return c.json(errorBody(err.constraint ?? '(rot)', err.message), 409);
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const message = err.status === 413 ? 'forespørselen er for stor / request body too large' : err.message || 'feil i forespørselen / bad request';
    return c.json(errorBody('(rot)', message), status);
  }
  console.error(err);
  return c.json(errorBody('(rot)', 'intern feil / internal error'), 500);
}
