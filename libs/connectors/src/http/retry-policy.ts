import { SourceError } from '../errors/source-errors';

/** Time as the HTTP client sees it; tests inject a fake one so nothing waits for real. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** How retries are spaced. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A `Retry-After` longer than this is not waited for: the error goes up so the run is rescheduled. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 3,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 300_000,
};

/**
 * Exponential backoff with "equal jitter": half of the exponential delay is fixed, half random,
 * so synchronized clients spread out while each still waits at least half the nominal delay.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const nominal = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(nominal / 2 + (nominal / 2) * random());
}

/** Parses `Retry-After` (delta seconds or an HTTP-date) into a delay from `nowMs`, in milliseconds. */
export function parseRetryAfter(header: string | undefined, nowMs: number): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/** A delay hint carried by an error (`Retry-After`). */
function retryAfterOf(error: unknown): number | undefined {
  if (error instanceof SourceError && 'retryAfterMs' in error) {
    const value = (error as { retryAfterMs?: unknown }).retryAfterMs;
    return typeof value === 'number' ? value : undefined;
  }
  return undefined;
}

/** Callback told about each retry (for logs and tests). */
export type RetryListener = (event: { attempt: number; delayMs: number; error: SourceError }) => void;

/**
 * Runs `operation`, retrying retryable {@link SourceError}s with backoff (or the server's
 * `Retry-After`). Anything else, and the last failure, is thrown unchanged.
 */
export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  clock: Clock,
  random: () => number,
  onRetry?: RetryListener,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (!(error instanceof SourceError) || !error.retryable || attempt >= policy.retries) throw error;
      const hinted = retryAfterOf(error);
      if (hinted !== undefined && hinted > policy.maxRetryAfterMs) throw error;
      const delayMs = hinted ?? backoffDelay(attempt, policy, random);
      onRetry?.({ attempt: attempt + 1, delayMs, error });
      await clock.sleep(delayMs);
    }
  }
}
