import { NetworkGuard } from '@civicpulse/connectors';
import { signDingTalkUrl } from './dingtalk-message';

/** How the webhook is reached. */
export interface WebhookTarget {
  url: string;
  /** DingTalk 加签 secret; the URL is signed per attempt when set. */
  secret?: string;
  /** Private addresses the deployment allows (ALLOWED_PRIVATE_HOSTS, resolved). */
  allowedAddresses: readonly string[];
  timeoutMs: number;
  /** Attempts per notification, the first included. */
  maxAttempts: number;
  /** Wait before the n-th retry: `backoffMs * 2^(n-1)`. */
  backoffMs: number;
}

/** How sending one notification ended. */
export interface WebhookOutcome {
  delivered: boolean;
  attempts: number;
  /** HTTP status of the last response; null when none arrived. */
  lastStatus: number | null;
  lastError: string | null;
}

type AttemptResult =
  | { ok: true; status: number }
  | { ok: false; status: number | null; error: string; retry: boolean };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // fetch reports network failures as "fetch failed" with the reason (ECONNREFUSED …) as cause.
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

// AbortSignal.timeout rejects with a DOMException named TimeoutError (not always an Error instance).
const isTimeout = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'name' in error && error.name === 'TimeoutError';

/**
 * Reads a 2xx answer. DingTalk answers HTTP 200 with `{"errcode":0}` on success and a non-zero
 * errcode (bad signature, keyword missing, rate limit) otherwise; a receiver that answers without
 * an errcode (a plain relay) has accepted the message.
 */
function judgeBody(status: number, text: string): AttemptResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: true, status };
  }
  if (typeof parsed === 'object' && parsed !== null && 'errcode' in parsed) {
    const { errcode, errmsg } = parsed as { errcode: unknown; errmsg?: unknown };
    if (errcode !== 0) {
      // Signature, keyword and permission errors do not heal by retrying; record them for operators.
      return {
        ok: false,
        status,
        error: `errcode ${String(errcode)}: ${String(errmsg ?? '')}`.trim(),
        retry: false,
      };
    }
  }
  return { ok: true, status };
}

/**
 * Posts JSON to the alert webhook: the deployment's private-address policy is checked first
 * (the connectors' network guard), each attempt has a timeout, network errors, 429 and 5xx are
 * retried a bounded number of times with exponential backoff, other answers are final.
 */
export class WebhookSender {
  private readonly guard: NetworkGuard;

  constructor(
    private readonly target: WebhookTarget,
    private readonly now: () => number = Date.now,
  ) {
    this.guard = new NetworkGuard([new URL(target.url).hostname], {
      allowedAddresses: target.allowedAddresses,
    });
  }

  async send(body: unknown): Promise<WebhookOutcome> {
    let last: AttemptResult = { ok: false, status: null, error: 'not attempted', retry: false };
    let attempts = 0;
    while (attempts < this.target.maxAttempts) {
      if (attempts > 0) await sleep(this.target.backoffMs * 2 ** (attempts - 1));
      attempts += 1;
      last = await this.attempt(body);
      if (last.ok || !last.retry) break;
    }
    return last.ok
      ? { delivered: true, attempts, lastStatus: last.status, lastError: null }
      : { delivered: false, attempts, lastStatus: last.status, lastError: last.error };
  }

  private async attempt(body: unknown): Promise<AttemptResult> {
    const url = this.target.secret
      ? signDingTalkUrl(this.target.url, this.target.secret, this.now())
      : this.target.url;
    try {
      await this.guard.vet(new URL(url));
    } catch (error) {
      return { ok: false, status: null, error: messageOf(error), retry: false };
    }
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(body),
        redirect: 'error',
        signal: AbortSignal.timeout(this.target.timeoutMs),
      });
      const text = await response.text();
      if (response.status >= 200 && response.status < 300) return judgeBody(response.status, text);
      return {
        ok: false,
        status: response.status,
        error: `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`,
        retry: response.status === 429 || response.status >= 500,
      };
    } catch (error) {
      const timedOut = isTimeout(error);
      return {
        ok: false,
        status: null,
        error: timedOut ? `no answer within ${this.target.timeoutMs} ms` : messageOf(error),
        retry: true,
      };
    }
  }
}
