import type { ErrorCode, ErrorDetail } from '@civicpulse/contracts';

/**
 * Base of the named errors services throw. The HTTP layer maps each subclass to a status once
 * (see AppExceptionFilter); services never build HTTP exceptions themselves.
 */
export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;
  readonly details: ErrorDetail[];

  protected constructor(message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

/** The addressed thing does not exist (or is not visible to the caller). */
export class NotFoundError extends AppError {
  readonly code = 'not_found' as const;
  constructor(what: string, key: string) {
    super(`${what} '${key}' was not found`);
  }
}

/** Input is well-formed but breaks a rule; `details` say which field and why. */
export class ValidationError extends AppError {
  readonly code = 'validation_failed' as const;
  constructor(message: string, details: ErrorDetail[] = []) {
    super(message, details);
  }

  /** Shorthand for a single-field problem. */
  static field(field: string, problem: string): ValidationError {
    return new ValidationError(`Invalid value for '${field}'`, [{ field, problem }]);
  }
}

/** The change conflicts with current state (duplicate username, already published…). */
export class ConflictError extends AppError {
  readonly code = 'conflict' as const;
  constructor(message: string, details: ErrorDetail[] = []) {
    super(message, details);
  }
}

/** No valid credentials were presented. */
export class UnauthorizedError extends AppError {
  readonly code = 'unauthorized' as const;
  constructor(message = 'Authentication required') {
    super(message);
  }
}

/** Credentials are valid but the role or department scope does not allow the action. */
export class ForbiddenError extends AppError {
  readonly code = 'forbidden' as const;
  constructor(message = 'You are not allowed to do this') {
    super(message);
  }
}

/** A dependency (database…) is unavailable; the client may retry later. */
export class ServiceUnavailableError extends AppError {
  readonly code = 'service_unavailable' as const;
  constructor(message: string) {
    super(message);
  }
}
