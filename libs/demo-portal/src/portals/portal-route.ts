import type { DatasetRegistry } from '../datasets/dataset-registry';
import type { RequestFaults } from '../faults/fault-plan';
import type { PortalResponse } from '../server/http-response';

/** An incoming request, with any `/_faults/<spec>` prefix already removed from `path`. */
export interface PortalRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** Raw request body (CKAN accepts POSTed JSON parameters). */
  body: string;
  /** Request headers, lower-cased names. */
  headers: Record<string, string | undefined>;
  /** Origin plus fault prefix, for links the portal writes into responses. */
  linkBase: string;
}

export interface PortalEnvironment {
  registry: DatasetRegistry;
}

/** A request a portal recognised: which dataset it reads (for targeted faults) and how to answer. */
export interface RouteMatch {
  datasetId?: string;
  respond(faults: RequestFaults): PortalResponse | Promise<PortalResponse>;
}

/** A portal: recognises its paths and answers them. */
export type PortalRouter = (request: PortalRequest, env: PortalEnvironment) => RouteMatch | null;

/** Reads an integer query parameter, or the fallback when absent; NaN when malformed. */
export function intParam(query: URLSearchParams, name: string, fallback: number): number {
  return intValue(query.get(name), fallback);
}

/** Parses an integer parameter value, or the fallback when absent; NaN when malformed. */
export function intValue(raw: string | null | undefined, fallback: number): number {
  if (raw === null || raw === undefined || raw.trim() === '') return fallback;
  return /^-?\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
}
