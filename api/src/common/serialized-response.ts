import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

/** A JSON response body serialized once, with its entity tag, for responses served many times. */
export interface SerializedResponse {
  etag: string;
  body: Buffer;
}

/** Serializes `value` once and tags it with a hash of the bytes. */
export function serialize(value: unknown): SerializedResponse {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  return { etag, body };
}

/** Whether the request's If-None-Match names `etag` (weak comparison, as for GET). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return (trimmed.startsWith('W/') ? trimmed.slice(2) : trimmed) === etag;
  });
}

/**
 * Sends a serialized JSON body with its ETag, or 304 Not Modified when the client already holds
 * it. The client must revalidate each time (`no-cache`): the body changes with the data.
 */
export function sendSerialized(request: Request, response: Response, serialized: SerializedResponse): void {
  response.setHeader('ETag', serialized.etag);
  response.setHeader('Cache-Control', 'private, no-cache');
  if (matchesIfNoneMatch(request.headers['if-none-match'], serialized.etag)) {
    response.status(304).end();
    return;
  }
  response.status(200);
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Content-Length', serialized.body.length);
  response.end(serialized.body);
}
