import { HttpErrorResponse } from '@angular/common/http';
import { ERROR_CODES, type ErrorBody, type ErrorCode } from '@civicpulse/contracts';

/** Error code of a failed request as the API reported it, `network` when it never answered. */
export type RequestFailure = ErrorCode | 'network';

/** Reads the API's `{ code, message, details }` body out of any error a data service raises. */
export function requestFailure(error: unknown): RequestFailure {
  if (error instanceof HttpErrorResponse) {
    if (error.status === 0) return 'network';
    const body: unknown = error.error;
    if (isErrorBody(body)) return body.code;
    if (error.status === 401) return 'unauthorized';
    if (error.status === 403) return 'forbidden';
    if (error.status === 404) return 'not_found';
  }
  return 'internal_error';
}

function isErrorBody(body: unknown): body is ErrorBody {
  return (
    typeof body === 'object' &&
    body !== null &&
    'code' in body &&
    (ERROR_CODES as readonly unknown[]).includes((body as { code: unknown }).code)
  );
}
