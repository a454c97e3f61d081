import type { ServerResponse } from 'node:http';
import type { RequestFaults } from '../faults/fault-plan';

/** A response body: a buffer, or a lazy sequence of chunks written with backpressure. */
export type ResponseBody = Buffer | Iterable<string | Buffer>;

export interface PortalResponse {
  status: number;
  /** Media type without charset, e.g. `application/json`. */
  contentType: string;
  /** Charset actually used for the bytes; null for binary bodies. */
  charset: 'utf-8' | 'gbk' | null;
  headers?: Record<string, string>;
  body: ResponseBody;
}

/** A JSON response (UTF-8). */
export function jsonResponse(
  value: unknown,
  status = 200,
  headers: Record<string, string> = {},
): PortalResponse {
  return {
    status,
    contentType: 'application/json',
    charset: 'utf-8',
    headers,
    body: Buffer.from(JSON.stringify(value), 'utf8'),
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function waitDrain(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}

/** Bytes of a streamed body sent before a `truncate` fault cuts the connection. */
const TRUNCATE_STREAM_AFTER = 16 * 1024;

/**
 * Writes a portal response, applying the transport-level faults: wrong declared charset and a
 * truncated body (the socket is destroyed mid-body, so the client sees a premature close).
 */
export async function writeResponse(
  res: ServerResponse,
  response: PortalResponse,
  faults: RequestFaults,
): Promise<void> {
  if (faults.delayMs > 0) await sleep(faults.delayMs);
  let charset = response.charset;
  if (faults.wrongCharset && charset) charset = charset === 'utf-8' ? 'gbk' : 'utf-8';
  const headers: Record<string, string> = {
    'Content-Type': charset ? `${response.contentType}; charset=${charset}` : response.contentType,
    ...response.headers,
  };
  const body = response.body;
  if (Buffer.isBuffer(body)) {
    res.writeHead(response.status, { ...headers, 'Content-Length': String(body.length) });
    if (faults.truncate) {
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
      return;
    }
    res.end(body);
    return;
  }
  res.writeHead(response.status, headers);
  let sent = 0;
  for (const chunk of body) {
    if (res.destroyed) return;
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    sent += buffer.length;
    if (!res.write(buffer)) await waitDrain(res);
    if (faults.truncate && sent >= TRUNCATE_STREAM_AFTER) {
      res.destroy();
      return;
    }
  }
  if (faults.truncate) {
    res.destroy();
    return;
  }
  res.end();
}

/**
 * Batches small strings into ~64 KiB chunks: one `write` per row would dominate the cost of
 * streaming a million rows.
 */
export function* chunked(parts: Iterable<string>, size = 64 * 1024): Generator<string> {
  let buffer = '';
  for (const part of parts) {
    buffer += part;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer.length > 0) yield buffer;
}
