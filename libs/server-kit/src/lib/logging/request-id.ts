import { randomUUID } from 'node:crypto';

/** Header carrying the request id in both directions. */
export const REQUEST_ID_HEADER = 'x-request-id';

const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Keeps a caller-supplied request id when it is short and harmless (so ids propagate through a
 * proxy), otherwise makes a fresh one; a hostile header must not be able to forge log lines.
 */
export function resolveRequestId(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value !== undefined && SAFE_ID.test(value) ? value : randomUUID();
}

interface IdentifiedRequest {
  id?: unknown;
  headers: Record<string, string | string[] | undefined>;
}

interface HeaderSettingResponse {
  setHeader(name: string, value: string): unknown;
}

/**
 * Express-style middleware giving each request its id before anything else runs (body parsing
 * included), so even errors raised before the logger sees the request carry the id.
 */
export function requestIdMiddleware(
  req: IdentifiedRequest,
  res: HeaderSettingResponse,
  next: () => void,
): void {
  const id = resolveRequestId(req.headers[REQUEST_ID_HEADER]);
  req.id = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  next();
}
