import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadDemoDistricts, type DistrictBoundaries } from '../city/city-catalog-loader';
import { DatasetRegistry } from '../datasets/dataset-registry';
import {
  FaultBook,
  FaultSpecError,
  parseFaultPath,
  toFaultSpec,
  type FaultSpec,
  type RequestFaults,
} from '../faults/fault-plan';
import { arcgisPortal } from '../portals/arcgis-portal';
import { ckanPortal } from '../portals/ckan-portal';
import { filePortal } from '../portals/file-portal';
import { opendatasoftPortal, RequestQuota } from '../portals/opendatasoft-portal';
import type { PortalEnvironment, PortalRequest, PortalRouter } from '../portals/portal-route';
import { socrataPortal } from '../portals/socrata-portal';
import { jsonResponse, writeResponse, type PortalResponse } from './http-response';
import { portalIndex } from './portal-index';

export interface DemoPortalOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** Publish the history up to this instant (default: now). Fix it in tests. */
  until?: Date | string | number;
  /** Faults active from the start (more can be set with `POST /_admin/faults`). */
  faults?: ReadonlyArray<FaultSpec>;
  /** Catalogue folder with `city.yaml` and district boundaries (default: the repo's `catalog/`). */
  catalogDir?: string;
  /** District boundaries overriding the catalogue's. */
  boundaries?: DistrictBoundaries;
  /** Days of hourly traffic kept by the ArcGIS hourly layer (default 180). */
  hourlyDays?: number;
  /** Rows of the Socrata-shaped benchmark dataset `bnch-0bsv` (default 1 000 000). */
  benchRows?: number;
  /** OpenDataSoft quota: after `limit` calls one 429 with `X-RateLimit-*`, then a new window. */
  odsRateLimit?: { limit: number };
}

export interface DemoPortal {
  /** Base URL, e.g. `http://127.0.0.1:8790` (no trailing slash). */
  url: string;
  /** The instant the published history ends at. */
  until: Date;
  /** Configured faults (the admin endpoint edits the same book). */
  faults: FaultBook;
  close(): Promise<void>;
}

/** Raised when the `until` option is not a valid date. */
export class InvalidPortalOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidPortalOptionError';
  }
}

const MAX_BODY = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new FaultSpecError('request body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const NO_FAULTS: RequestFaults = { delayMs: 0, truncate: false, wrongCharset: false };

function faultResponse(faults: RequestFaults): PortalResponse | null {
  if (!faults.status) return null;
  const { code, retryAfterSeconds } = faults.status;
  if (code === 429)
    return jsonResponse({ error: 'Too Many Requests', message: 'Rate limit exceeded' }, 429, {
      'Retry-After': String(retryAfterSeconds ?? 1),
    });
  return jsonResponse(
    { error: code >= 500 ? 'Internal Server Error' : 'Request failed', status: code },
    code,
  );
}

function adminFaults(method: string, body: string, book: FaultBook): PortalResponse {
  if (method === 'GET') return jsonResponse({ faults: book.list() });
  if (method === 'DELETE') {
    book.replace([]);
    return jsonResponse({ faults: [] });
  }
  if (method === 'POST' || method === 'PUT') {
    const parsed: unknown = body.trim() === '' ? [] : JSON.parse(body);
    const list = Array.isArray(parsed)
      ? parsed
      : typeof parsed === 'object' && parsed !== null && 'faults' in parsed
        ? (parsed as { faults: unknown }).faults
        : undefined;
    if (!Array.isArray(list))
      throw new FaultSpecError('expected a JSON array of faults or { "faults": [...] }');
    book.replace(list.map(toFaultSpec));
    return jsonResponse({ faults: book.list() });
  }
  return jsonResponse({ error: 'method not allowed' }, 405);
}

function resolveUntil(until: DemoPortalOptions['until']): number {
  if (until === undefined) return Date.now();
  const ms = until instanceof Date ? until.getTime() : typeof until === 'number' ? until : Date.parse(until);
  if (!Number.isFinite(ms)) throw new InvalidPortalOptionError(`until is not a date: ${String(until)}`);
  return ms;
}

/**
 * Starts the demo open-data portal: the demo city's history served in CKAN, Socrata, ArcGIS,
 * OpenDataSoft and file shapes, with injectable faults. See libs/demo-portal/README.md.
 */
export async function startDemoPortal(options: DemoPortalOptions = {}): Promise<DemoPortal> {
  const until = resolveUntil(options.until);
  const registry = new DatasetRegistry({
    districts: loadDemoDistricts({ catalogDir: options.catalogDir, boundaries: options.boundaries }),
    until,
    hourlyDays: options.hourlyDays ?? 180,
    benchRows: options.benchRows ?? 1_000_000,
  });
  const env: PortalEnvironment = { registry };
  const book = new FaultBook(options.faults ?? []);
  const routers: PortalRouter[] = [
    ckanPortal,
    socrataPortal,
    arcgisPortal,
    opendatasoftPortal(options.odsRateLimit ? new RequestQuota(options.odsRateLimit.limit) : undefined),
    filePortal,
  ];
  let origin = '';

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', origin);
    let path = url.pathname;
    let prefix = '';
    let prefixFaults: FaultSpec[] = [];
    const m = /^\/_faults\/([^/]+)(\/.*)$/.exec(path);
    if (m) {
      prefix = `/_faults/${m[1]}`;
      prefixFaults = parseFaultPath(m[1]);
      path = m[2];
    }
    const method = (req.method ?? 'GET').toUpperCase();
    const body = method === 'POST' || method === 'PUT' ? await readBody(req) : '';
    if (path === '/_admin/faults') return writeResponse(res, adminFaults(method, body, book), NO_FAULTS);
    if (path === '/health' || path === '/_health')
      return writeResponse(res, jsonResponse({ status: 'ok' }), NO_FAULTS);
    if (path === '/' || path === '/index.json')
      return writeResponse(res, jsonResponse(portalIndex(registry, origin)), NO_FAULTS);
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers))
      headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    const request: PortalRequest = {
      method,
      path,
      query: url.searchParams,
      body,
      headers,
      linkBase: `${origin}${prefix}`,
    };
    for (const router of routers) {
      const match = router(request, env);
      if (!match) continue;
      const faults = book.decide(match.datasetId, path, prefixFaults, `${prefix}|${path}`);
      const response = faultResponse(faults) ?? (await match.respond(faults));
      return writeResponse(res, response, faults);
    }
    return writeResponse(res, jsonResponse({ error: 'Not Found', path }, 404), NO_FAULTS);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof FaultSpecError || error instanceof SyntaxError ? 400 : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
      if (!res.writableEnded && !res.destroyed)
        res.end(JSON.stringify({ error: status === 400 ? 'Bad Request' : 'Internal Server Error', message }));
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  return {
    url: origin,
    until: new Date(until),
    faults: book,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
