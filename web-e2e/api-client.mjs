// A small client for the CivicPulse HTTP API, used by the browser suite to prepare data (sign in,
// create users, publish a project) and to wait until the demo history has been scored.

/** Raised when the API answers with an unexpected status. */
export class ApiRequestError extends Error {
  constructor(method, path, status, body) {
    super(`${method} ${path} answered ${status}: ${String(body).slice(0, 300)}`);
    this.name = 'ApiRequestError';
    this.status = status;
  }
}

/** Raised when the demo history is not scored within the allowed time. */
export class DemoHistoryTimeoutError extends Error {
  constructor(seconds, lastSeen) {
    super(
      `the demo history was not loaded within ${seconds} s (last seen: ${lastSeen}); ` +
        'check that the ingest worker runs and the demo portal answers',
    );
    this.name = 'DemoHistoryTimeoutError';
  }
}

export class ApiClient {
  /** @param {string} baseUrl e.g. http://localhost:3000 */
  constructor(baseUrl, token = null) {
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.token = token;
  }

  async request(method, path, body, { expect = [200, 201, 204] } = {}) {
    const headers = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const response = await fetch(`${this.baseUrl}/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!expect.includes(response.status)) throw new ApiRequestError(method, path, response.status, text);
    if (!text) return null;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }

  get(path) {
    return this.request('GET', path);
  }

  post(path, body) {
    return this.request('POST', path, body ?? {});
  }

  /** Signs in and returns a client carrying the token, plus the raw login response. */
  async signIn(username, password) {
    const response = await this.request('POST', '/auth/login', { username, password });
    return { client: new ApiClient(this.baseUrl, response.accessToken), response };
  }
}

/** The list endpoint answers either an array or a page object; both are accepted. */
export function itemsOf(payload) {
  if (Array.isArray(payload)) return payload;
  if (payload && Array.isArray(payload.items)) return payload.items;
  return [];
}

/** The last complete calendar year in the city's time zone, e.g. `2025` (the demo's scored period). */
export function lastFullYear(now = new Date()) {
  const year = Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now),
  );
  return String(year - 1);
}

/**
 * Polls GET /brand-projects?period=<last full year> until every project has a score and no
 * scheduled source is still waiting for or in its first runs: the ingest worker loads the demo
 * history in the background after the stack has started. The last full year
 * is used because the year to date lacks the annual indicators, and scores need 80 % coverage.
 */
export async function waitForDemoHistory(
  client,
  { period = lastFullYear(), timeoutMs = 300_000, intervalMs = 2_000, log = () => undefined } = {},
) {
  const deadline = Date.now() + timeoutMs;
  let lastSeen = 'no answer yet';
  let lastLogged = 0;
  while (Date.now() < deadline) {
    try {
      const projects = itemsOf(await client.get(`/brand-projects?period=${encodeURIComponent(period)}`));
      const scored = projects.filter((p) => typeof p?.score?.score === 'number');
      // Scores move while runs still write history; scenarios compare pages with the API.
      const busy = itemsOf(await client.get('/sources')).filter(
        (s) =>
          ['queued', 'running'].includes(s?.lastRun?.status) || (s?.enabled && s?.schedule && !s?.lastRun),
      );
      lastSeen = `${projects.length} projects, ${scored.length} scored for ${period}, ${busy.length} source(s) still loading`;
      if (projects.length > 0 && scored.length === projects.length && busy.length === 0) return projects;
    } catch (error) {
      lastSeen = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() - lastLogged > 15_000) {
      log(`waiting for the demo history … (${lastSeen})`);
      lastLogged = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new DemoHistoryTimeoutError(Math.round(timeoutMs / 1000), lastSeen);
}
