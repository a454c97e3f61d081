import type { ValidationError as ClassValidatorError } from 'class-validator';
import type { ErrorDetail } from '@civicpulse/contracts';
import { ValidationError } from '../errors/app-errors';

/** Flattens nested class-validator errors into dotted-path field details. */
export function flattenValidationErrors(errors: ClassValidatorError[], parent = ''): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const problem of Object.values(error.constraints ?? {})) {
      details.push({ field, problem });
    }
    if (error.children && error.children.length > 0) {
      details.push(...flattenValidationErrors(error.children, field));
    }
  }
  return details;
}

/** `exceptionFactory` for Nest's ValidationPipe: a named ValidationError with field details. */
export function validationExceptionFactory(errors: ClassValidatorError[]): ValidationError {
  return new ValidationError('Request is invalid', flattenValidationErrors(errors));
}
