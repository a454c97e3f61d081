/**
 * Errors raised while reading a source. Every error carries a `retryable` flag so the ingest
 * worker can decide between backing off and failing the run, without inspecting messages.
 */
export abstract class SourceError extends Error {
  /** True when trying again later may succeed (network, 5xx, 429, timeouts). */
  abstract readonly retryable: boolean;
  /** Stable machine-readable code, stored with the failed run. */
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A failure that may go away on its own: the caller should back off and retry. */
export class RetryableSourceError extends SourceError {
  readonly retryable = true;
  readonly code: string = 'retryable';
}

/** A failure that will not go away without someone changing the manifest or the source. */
export class PermanentSourceError extends SourceError {
  readonly retryable = false;
  readonly code: string = 'permanent';
}

/** The server answered with a status that is not a success. 5xx/429/408 are retryable. */
export class HttpStatusError extends SourceError {
  readonly code = 'http_status';
  readonly retryable: boolean;

  constructor(
    readonly status: number,
    readonly url: string,
    /** Delay asked for by a `Retry-After` header, in milliseconds. */
    readonly retryAfterMs?: number,
  ) {
    super(`HTTP ${status} from ${redactUrl(url)}`);
    this.retryable = status >= 500 || status === 429 || status === 408;
  }
}

/** The request did not complete within the per-request timeout. */
export class TimeoutError extends RetryableSourceError {
  override readonly code = 'timeout';
}

/** The connection could not be made or broke (refused, reset, DNS failure). */
export class ConnectionError extends RetryableSourceError {
  override readonly code = 'connection';
}

/** The body ended before the announced length, or the stream broke mid-body. */
export class TruncatedBodyError extends RetryableSourceError {
  override readonly code = 'truncated_body';
}

/** The body could not be parsed in the declared format (not JSON, not a workbook…). */
export class MalformedBodyError extends PermanentSourceError {
  override readonly code = 'malformed_body';
}

/** The data no longer has the shape the manifest expects (a column or key is gone). */
export class SchemaDriftError extends PermanentSourceError {
  override readonly code = 'schema_drift';
}

/** The bytes are not in the encoding the manifest declares. */
export class EncodingError extends PermanentSourceError {
  override readonly code = 'encoding';
}

/** The host is outside the source's allowed hosts or resolves to a forbidden address. */
export class BlockedHostError extends PermanentSourceError {
  override readonly code = 'blocked_host';
}

/** A secret referenced by the manifest (`{ env: NAME }`) is not set in the environment. */
export class MissingSecretError extends PermanentSourceError {
  override readonly code = 'missing_secret';
}

/** The manifest asks for something no connector can do (unknown type, bad params at run time). */
export class ConnectorConfigError extends PermanentSourceError {
  override readonly code = 'connector_config';
}

/** True when `error` is a source error that may succeed on retry. */
export function isRetryable(error: unknown): boolean {
  return error instanceof SourceError && error.retryable;
}

/** Drops query strings from URLs put into messages: they may carry tokens. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : `${url.slice(0, q)}?…`;
}
