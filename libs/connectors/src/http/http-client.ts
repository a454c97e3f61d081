import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import * as http from 'node:http';
import * as https from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  ConnectionError,
  HttpStatusError,
  PermanentSourceError,
  SourceError,
  TimeoutError,
  TruncatedBodyError,
} from '../errors/source-errors';
import { NetworkGuard, type NetworkGuardOptions, type ResolvedAddress } from './network-guard';
import {
  type Clock,
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  type RetryListener,
  type RetryPolicy,
  systemClock,
  withRetry,
} from './retry-policy';

/** Deployment-level options of every HTTP request a connector makes. */
export interface HttpClientOptions extends NetworkGuardOptions {
  /** Hosts the source may reach (from the manifest). */
  allowedHosts: readonly string[];
  /** Per-request timeout in milliseconds. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Space requests at most this many per second. */
  requestsPerSecond?: number;
  /** Headers sent with every request (secrets already resolved). */
  headers?: Record<string, string>;
  clock?: Clock;
  random?: () => number;
  onRetry?: RetryListener;
  maxRedirects?: number;
  /** Refuse bodies larger than this when reading them whole (default 64 MiB). */
  maxBodyBytes?: number;
}

/** A response whose body has been read completely. */
export interface HttpResponse {
  url: string;
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A response whose body is still to be streamed. */
export interface HttpStreamResponse {
  url: string;
  status: number;
  headers: IncomingHttpHeaders;
  body: AsyncIterable<Buffer>;
}

/** Raised when a redirect chain is too long. */
export class TooManyRedirectsError extends PermanentSourceError {
  override readonly code = 'too_many_redirects';
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ETIMEDOUT',
]);

/**
 * HTTP GET on node:http/https with the network guard, a per-request timeout, `Retry-After`,
 * exponential backoff with jitter and a rate limit. Errors are classified into
 * {@link SourceError} subclasses; nothing else escapes.
 */
export class HttpClient {
  private readonly guard: NetworkGuard;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly policy: RetryPolicy;
  private readonly timeoutMs: number;
  private nextSlotAt = 0;

  constructor(private readonly options: HttpClientOptions) {
    this.guard = new NetworkGuard(options.allowedHosts, options);
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** GET `url` and read the whole body (pages of an API, small files). Retries per policy. */
  async get(url: string, headers: Record<string, string> = {}): Promise<HttpResponse> {
    return withRetry(
      async () => {
        const response = await this.open(url, headers, this.options.maxRedirects ?? 5);
        return {
          ...response,
          body: await readBody(response.body, response.url, this.options.maxBodyBytes ?? 64 * 1024 * 1024),
        };
      },
      this.policy,
      this.clock,
      this.random,
      this.options.onRetry,
    );
  }

  /**
   * GET `url` and hand back the body as a stream (bulk exports). Retries cover getting a
   * successful response; a break while streaming surfaces as {@link TruncatedBodyError}.
   */
  async stream(url: string, headers: Record<string, string> = {}): Promise<HttpStreamResponse> {
    return withRetry(
      () => this.open(url, headers, this.options.maxRedirects ?? 5),
      this.policy,
      this.clock,
      this.random,
      this.options.onRetry,
    );
  }

  private async open(
    url: string,
    headers: Record<string, string>,
    redirectsLeft: number,
  ): Promise<HttpStreamResponse> {
    const target = new URL(url);
    const pinned = await this.guard.vet(target);
    await this.waitForSlot();
    const response = await this.request(target, pinned, headers);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      if (redirectsLeft <= 0)
        throw new TooManyRedirectsError(`too many redirects starting at ${target.origin}${target.pathname}`);
      // Each hop goes through the guard again: a redirect must not lead into the private network.
      return this.open(new URL(response.headers.location, target).toString(), headers, redirectsLeft - 1);
    }
    if (status < 200 || status >= 300) {
      response.resume();
      const retryAfter = header(response.headers, 'retry-after');
      throw new HttpStatusError(status, target.toString(), parseRetryAfter(retryAfter, this.clock.now()));
    }
    return {
      url: target.toString(),
      status,
      headers: response.headers,
      body: bodyStream(response, target.toString()),
    };
  }

  private async waitForSlot(): Promise<void> {
    const rps = this.options.requestsPerSecond;
    if (!rps) return;
    const now = this.clock.now();
    const wait = this.nextSlotAt - now;
    this.nextSlotAt = Math.max(now, this.nextSlotAt) + 1000 / rps;
    if (wait > 0) await this.clock.sleep(wait);
  }

  private request(
    target: URL,
    pinned: ResolvedAddress,
    headers: Record<string, string>,
  ): Promise<IncomingMessage> {
    const lookup: LookupFunction = (_hostname, options, callback) => {
      // Connect to the address the guard vetted, never to a fresh DNS answer.
      if (options.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
      else callback(null, pinned.address, pinned.family);
    };
    const transport = target.protocol === 'https:' ? https : http;
    return new Promise<IncomingMessage>((resolve, reject) => {
      const req = transport.request(target, {
        method: 'GET',
        headers: {
          'user-agent': 'CivicPulse-ingest/1.0',
          'accept-encoding': 'identity',
          ...this.options.headers,
          ...headers,
        },
        lookup,
        timeout: this.timeoutMs,
      });
      const deadline = setTimeout(
        () => req.destroy(new TimeoutError(`no response from ${target.host} within ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
      req.on('timeout', () =>
        req.destroy(new TimeoutError(`no data from ${target.host} for ${this.timeoutMs} ms`)),
      );
      req.on('response', (res) => {
        clearTimeout(deadline);
        resolve(res);
      });
      req.on('error', (error) => {
        clearTimeout(deadline);
        reject(classifyNetworkError(error, target));
      });
      req.end();
    });
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function classifyNetworkError(error: unknown, target: URL): SourceError {
  if (error instanceof SourceError) return error;
  const code =
    typeof error === 'object' && error !== null && 'code' in error
      ? String((error as { code: unknown }).code)
      : '';
  const message = error instanceof Error ? error.message : String(error);
  if (NETWORK_CODES.has(code))
    return new ConnectionError(`${code} connecting to ${target.host}: ${message}`, { cause: error });
  return new ConnectionError(`request to ${target.host} failed: ${message}`, { cause: error });
}

/** Streams a response body, turning a broken or short body into {@link TruncatedBodyError}. */
async function* bodyStream(response: IncomingMessage, url: string): AsyncGenerator<Buffer> {
  const expected = Number(header(response.headers, 'content-length') ?? NaN);
  let received = 0;
  try {
    for await (const chunk of response) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      received += buffer.length;
      yield buffer;
    }
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new TruncatedBodyError(`body from ${new URL(url).host} broke off after ${received} bytes`, {
      cause: error,
    });
  }
  if (Number.isFinite(expected) && received < expected) {
    throw new TruncatedBodyError(
      `body from ${new URL(url).host} ended after ${received} of ${expected} bytes`,
    );
  }
}

async function readBody(body: AsyncIterable<Buffer>, url: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes)
      throw new PermanentSourceError(
        `body from ${new URL(url).host} exceeds ${maxBytes} bytes; use a bulk export`,
      );
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
