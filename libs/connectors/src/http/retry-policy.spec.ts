import { ConnectionError, HttpStatusError, SchemaDriftError } from '../errors/source-errors';
import { backoffDelay, DEFAULT_RETRY_POLICY, parseRetryAfter, withRetry } from './retry-policy';

describe('retry policy', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, retries: 3, baseDelayMs: 100, maxDelayMs: 1000 };

  it('grows exponentially with equal jitter and a cap', () => {
    expect([0, 1, 2, 3, 4].map((a) => backoffDelay(a, policy, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect([0, 1, 2, 3, 4].map((a) => backoffDelay(a, policy, () => 1))).toEqual([100, 200, 400, 800, 1000]);
  });

  it('reads Retry-After as seconds or as an HTTP-date', () => {
    const now = Date.UTC(2024, 0, 1, 0, 0, 0);
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 01 Jan 2024 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 31 Dec 2023 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('retries retryable errors, waiting the hinted or backoff delay', async () => {
    const sleeps: number[] = [];
    const clock = { now: () => 0, sleep: async (ms: number) => void sleeps.push(ms) };
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls++;
        if (calls === 1) throw new HttpStatusError(429, 'http://x/', 4000);
        if (calls === 2) throw new ConnectionError('reset');
        return 'done';
      },
      policy,
      clock,
      () => 0.5,
    );
    expect(result).toBe('done');
    expect(sleeps).toEqual([4000, 150]);
  });

  it('does not retry permanent errors', async () => {
    let calls = 0;
    const failing = withRetry(
      async () => {
        calls++;
        throw new SchemaDriftError('gone');
      },
      policy,
      { now: () => 0, sleep: async () => undefined },
      () => 0,
    );
    await expect(failing).rejects.toBeInstanceOf(SchemaDriftError);
    expect(calls).toBe(1);
  });

  it('gives up after the configured retries and when Retry-After is too long', async () => {
    let calls = 0;
    const clock = { now: () => 0, sleep: async () => undefined };
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new HttpStatusError(503, 'http://x/');
        },
        policy,
        clock,
        () => 0,
      ),
    ).rejects.toMatchObject({ status: 503 });
    expect(calls).toBe(4);
    calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new HttpStatusError(429, 'http://x/', 3_600_000);
        },
        policy,
        clock,
        () => 0,
      ),
    ).rejects.toMatchObject({ retryAfterMs: 3_600_000 });
    expect(calls).toBe(1);
  });

  it('classifies statuses', () => {
    expect(new HttpStatusError(500, 'u').retryable).toBe(true);
    expect(new HttpStatusError(429, 'u').retryable).toBe(true);
    expect(new HttpStatusError(404, 'u').retryable).toBe(false);
    expect(new HttpStatusError(401, 'u').retryable).toBe(false);
  });
});
