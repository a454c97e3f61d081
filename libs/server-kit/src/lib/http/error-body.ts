import { HttpException, HttpStatus } from '@nestjs/common';
import type { ErrorBody, ErrorCode, ErrorDetail } from '@civicpulse/contracts';
import { z } from 'zod';
import { AppError } from '../errors/app-errors';

/** Status and body an error maps to. */
export interface MappedError {
  status: number;
  body: ErrorBody;
  /** True when the error was unexpected and must be logged with its stack. */
  unexpected: boolean;
}

const STATUS_OF_CODE: Record<ErrorCode, number> = {
  validation_failed: HttpStatus.BAD_REQUEST,
  bad_request: HttpStatus.BAD_REQUEST,
  unauthorized: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  payload_too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  unsupported_media_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  too_many_requests: HttpStatus.TOO_MANY_REQUESTS,
  service_unavailable: HttpStatus.SERVICE_UNAVAILABLE,
  internal_error: HttpStatus.INTERNAL_SERVER_ERROR,
};

function codeOfStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 429:
      return 'too_many_requests';
    case 503:
      return 'service_unavailable';
    default:
      return status >= 500 ? 'internal_error' : 'bad_request';
  }
}

/** Messages for errors raised by the body parser; its own texts mention internals (byte limits, parser positions). */
const BODY_PARSER_MESSAGES: Record<string, string> = {
  'entity.too.large': 'Request body is too large',
  'entity.parse.failed': 'Request body is not valid JSON',
  'encoding.unsupported': 'Request body encoding is not supported',
  'charset.unsupported': 'Request body charset is not supported',
  'request.aborted': 'Request was aborted',
  'entity.verify.failed': 'Request body could not be verified',
  'request.size.invalid': 'Request body size does not match Content-Length',
  'parameters.too.many': 'Too many parameters in the request body',
  'stream.encoding.set': 'Request stream could not be read',
};

interface HttpLikeError {
  status: number;
  type: string;
}

/** Errors from body-parser / http-errors carry `type` and a 4xx `status`; Nest passes some through unmapped. */
function isBodyParserError(error: unknown): error is HttpLikeError {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as Record<string, unknown>;
  return (
    typeof candidate['type'] === 'string' &&
    typeof candidate['status'] === 'number' &&
    candidate['status'] >= 400 &&
    candidate['status'] < 500
  );
}

function messageOfHttpException(exception: HttpException): { message: string; details: ErrorDetail[] } {
  const response = exception.getResponse();
  if (typeof response === 'string') return { message: response, details: [] };
  const record = response as Record<string, unknown>;
  const raw = record['message'];
  // Nest's own pipes put a string[] of problems in `message`; keep them as details without a field.
  if (Array.isArray(raw)) {
    const problems = raw.filter((m): m is string => typeof m === 'string');
    return { message: 'Request is invalid', details: problems.map((problem) => ({ field: '', problem })) };
  }
  return { message: typeof raw === 'string' ? raw : exception.message, details: [] };
}

/**
 * Maps anything thrown while handling a request to a status and `{ code, message, details }`.
 * Unknown errors become a generic 500: their message may carry SQL or file paths and is only logged.
 */
export function mapError(exception: unknown, requestId?: string): MappedError {
  const withId = (body: Omit<ErrorBody, 'requestId'>): ErrorBody =>
    requestId === undefined ? body : { ...body, requestId };

  if (exception instanceof AppError) {
    return {
      status: STATUS_OF_CODE[exception.code],
      body: withId({ code: exception.code, message: exception.message, details: exception.details }),
      unexpected: false,
    };
  }
  if (exception instanceof z.ZodError) {
    const details = exception.issues.map((issue) => ({
      field: issue.path.map(String).join('.'),
      problem: issue.message,
    }));
    return {
      status: HttpStatus.BAD_REQUEST,
      body: withId({ code: 'validation_failed', message: 'Request is invalid', details }),
      unexpected: false,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const { message, details } = messageOfHttpException(exception);
    const code = codeOfStatus(status);
    const safeMessage = status >= 500 ? 'Internal server error' : message;
    return { status, body: withId({ code, message: safeMessage, details }), unexpected: status >= 500 };
  }
  if (isBodyParserError(exception)) {
    return {
      status: exception.status,
      body: withId({
        code: codeOfStatus(exception.status),
        message: BODY_PARSER_MESSAGES[exception.type] ?? 'Request body could not be read',
        details: [],
      }),
      unexpected: false,
    };
  }
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    body: withId({ code: 'internal_error', message: 'Internal server error', details: [] }),
    unexpected: true,
  };
}
