import type { Grain } from '@civicpulse/domain';
import { createReadStream } from 'node:fs';
import * as path from 'node:path';
import type { ConnectorContext, IncrementalFilter } from '../connectors/connector';
import { ConnectorConfigError, MissingSecretError } from '../errors/source-errors';
import { HttpClient } from '../http/http-client';
import type { HostResolver } from '../http/network-guard';
import type { Clock, RetryListener } from '../http/retry-policy';
import { durationToMs } from '../manifest/common-schemas';
import type { SourceManifest } from '../manifest/manifest-schema';
import { PeriodResolver } from '../mapping/period-resolver';
import type { TimeFormat } from '../mapping/time-formats';
import { periodStartOf, toLocal } from '../mapping/zoned-time';

/** Deployment-level settings for fetching: the network guard, file root, secrets and test seams. */
export interface FetchOptions {
  /** Allow loopback/private/link-local targets (closed networks, the local demo portal). */
  allowPrivateNetworks?: boolean;
  /** Private addresses or CIDR ranges allowed individually (`127.0.0.1`). */
  allowedAddresses?: readonly string[];
  /** Directory local `path:` sources are read from; local paths are refused without it. */
  fileRoot?: string;
  /**
   * Where `{ env: NAME }` secrets are looked up. The worker passes its validated environment; without
   * it a manifest that references a secret fails with a clear error rather than reading the process.
   */
  env?: Readonly<Record<string, string | undefined>>;
  resolver?: HostResolver;
  clock?: Clock;
  random?: () => number;
  onRetry?: RetryListener;
  /** Override of the manifest's per-request timeout, in milliseconds. */
  timeoutMs?: number;
}

/** Resolves `headers` values, reading `{ env: NAME }` references from the environment. */
export function resolveHeaders(
  manifest: SourceManifest,
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(manifest.headers ?? {})) {
    if (typeof value === 'string') {
      out[name] = value;
      continue;
    }
    const secret = env[value.env];
    if (secret === undefined || secret === '')
      throw new MissingSecretError(
        `header "${name}" needs environment variable ${value.env}, which is not set`,
      );
    out[name] = secret;
  }
  return out;
}

/** Resolves a local path under `root`, refusing paths that escape it. */
export function resolveUnderRoot(root: string | undefined, relative: string): string {
  if (!root)
    throw new ConnectorConfigError(
      `local file "${relative}" cannot be read: no file root is configured for this deployment`,
    );
  const base = path.resolve(root);
  const full = path.resolve(base, relative);
  if (full !== base && !full.startsWith(base + path.sep))
    throw new ConnectorConfigError(`local file "${relative}" lies outside the file root`);
  return full;
}

/** Builds the context a connector reads with. */
export function buildConnectorContext(
  manifest: SourceManifest,
  fetch: FetchOptions,
  incremental?: IncrementalFilter,
): ConnectorContext {
  const paging = manifest.paging;
  const http = new HttpClient({
    allowedHosts: manifest.allowed_hosts,
    allowPrivateNetworks: fetch.allowPrivateNetworks,
    allowedAddresses: fetch.allowedAddresses,
    resolver: fetch.resolver,
    timeoutMs: fetch.timeoutMs ?? durationToMs(paging.timeout) ?? 30_000,
    retry: { retries: paging.retries },
    requestsPerSecond: paging.rate_limit?.requests_per_second,
    headers: resolveHeaders(manifest, fetch.env ?? {}),
    clock: fetch.clock,
    random: fetch.random,
    onRetry: fetch.onRetry,
  });
  return {
    manifest,
    http,
    incremental,
    openFile: (relative) => createReadStream(resolveUnderRoot(fetch.fileRoot, relative)),
    resolveFile: (relative) => resolveUnderRoot(fetch.fileRoot, relative),
    pageSize: (defaultSize, max) => Math.min(paging.page_size ?? defaultSize, max ?? Infinity),
  };
}

/** Reads the incremental field of records and keeps the cursor (an ISO instant or a number). */
export class CursorTracker {
  private readonly periods?: PeriodResolver;
  private best: number | null;
  readonly filter?: IncrementalFilter;

  constructor(
    private readonly manifest: SourceManifest,
    stored: string | null | undefined,
    cityTimeZone: string,
    /**
     * For aggregating sources: move the lower bound back to the start of its period, so a
     * re-read period is summed from all its rows instead of being overwritten by a partial sum.
     */
    alignToGrain?: Grain,
  ) {
    const spec = manifest.incremental;
    const time = manifest.mapping.time;
    const sourceZone = time && 'field' in time && time.zone ? time.zone : cityTimeZone;
    if (spec && spec.format !== 'number')
      this.periods = new PeriodResolver(spec.format as TimeFormat, 'instant', cityTimeZone, sourceZone);
    this.best = stored ? this.parseStored(stored) : null;
    if (spec && this.best !== null) {
      let after = this.best - (spec.lookback ? (durationToMs(spec.lookback) ?? 0) : 0);
      if (alignToGrain && spec.format !== 'number')
        after = periodStartOf(new Date(after), alignToGrain, cityTimeZone).getTime() - 1;
      if (spec.format === 'number')
        this.filter = { field: spec.field, after: { kind: 'number', value: after } };
      else {
        const instant = new Date(after);
        const l = toLocal(instant, sourceZone);
        const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
        const localIso = `${pad(l.year, 4)}-${pad(l.month)}-${pad(l.day)}T${pad(l.hour)}:${pad(l.minute)}:${pad(l.second)}.${pad(l.millisecond, 3)}`;
        this.filter = { field: spec.field, after: { kind: 'time', instant, localIso } };
      }
    }
  }

  private parseStored(stored: string): number | null {
    const value = this.manifest.incremental?.format === 'number' ? Number(stored) : Date.parse(stored);
    return Number.isFinite(value) ? value : null;
  }

  /** The record's position on the cursor axis, or null when it has none. */
  positionOf(raw: unknown): number | null {
    if (!this.manifest.incremental) return null;
    if (this.manifest.incremental.format === 'number') {
      const n =
        typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      return Number.isFinite(n) ? n : null;
    }
    return this.periods?.instantOf(raw)?.getTime() ?? null;
  }

  /** True when a record at `position` is at or before the lower bound (already read). */
  isBehind(position: number | null): boolean {
    if (position === null || !this.filter) return false;
    const bound =
      this.filter.after.kind === 'number' ? this.filter.after.value : this.filter.after.instant.getTime();
    return position <= bound;
  }

  /** Moves the cursor forward (never back). */
  observe(position: number | null): void {
    if (position !== null && (this.best === null || position > this.best)) this.best = position;
  }

  /** The cursor to store: ISO instant text or a number as text; null for full-refresh sources. */
  get value(): string | null {
    if (!this.manifest.incremental || this.best === null) return null;
    return this.manifest.incremental.format === 'number'
      ? String(this.best)
      : new Date(this.best).toISOString();
  }
}
