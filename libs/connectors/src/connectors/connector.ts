import type { z } from 'zod';
import { ConnectorConfigError } from '../errors/source-errors';
import type { HttpClient } from '../http/http-client';
import type { PagingMode, SourceManifest } from '../manifest/manifest-schema';
import type { Page } from '../paging/paginators';

/** A record as a connector delivers it: field name → raw value (strings, numbers, nested objects). */
export type RawRecord = Record<string, unknown>;

/** A page of raw records with its position in the read. */
export type RawPage = Page<RawRecord>;

/** The incremental lower bound handed to a connector so it can filter on the server. */
export interface IncrementalFilter {
  field: string;
  /** Records with `field` strictly after this are wanted (the cursor minus the lookback). */
  after:
    | {
        kind: 'time';
        instant: Date;
        /** Wall-clock ISO text in the source's zone, for "floating" timestamps. */ localIso: string;
      }
    | { kind: 'number'; value: number };
}

/** What a connector may use while reading. */
export interface ConnectorContext {
  manifest: SourceManifest;
  /** Guarded HTTP client bound to the source's allowed hosts and timeouts. */
  http: HttpClient;
  /** Opens a local file inside the deployment's file root (refused when no root is configured). */
  openFile(path: string): AsyncIterable<Buffer>;
  /** The absolute path of a local file inside the file root (for readers that need random access). */
  resolveFile(path: string): string;
  /** Present for incremental runs with a stored cursor. */
  incremental?: IncrementalFilter;
  /** Page size from the manifest, or the connector's default, capped at `max`. */
  pageSize(defaultSize: number, max?: number): number;
}

/** A connector type as the registry holds it. */
export interface ConnectorDefinition {
  /** The `connector.type` value in manifests. */
  readonly type: string;
  readonly description: string;
  /** Paging modes a manifest may choose for this type (the first is the default). */
  readonly pagingModes: readonly PagingMode[];
  /** Schema of `connector.params` (strict: unknown keys are refused). */
  readonly paramsSchema: z.ZodType;
  /** Streams pages of raw records. Params are validated again here, so a bad call fails clearly. */
  read(params: unknown, context: ConnectorContext): AsyncIterable<RawPage>;
}

/** Declares a connector with typed params. */
export function defineConnector<S extends z.ZodType>(definition: {
  type: string;
  description: string;
  pagingModes: readonly PagingMode[];
  paramsSchema: S;
  read(params: z.output<S>, context: ConnectorContext): AsyncIterable<RawPage>;
}): ConnectorDefinition {
  return {
    type: definition.type,
    description: definition.description,
    pagingModes: definition.pagingModes,
    paramsSchema: definition.paramsSchema,
    read(params: unknown, context: ConnectorContext): AsyncIterable<RawPage> {
      const parsed = definition.paramsSchema.safeParse(params);
      if (!parsed.success) {
        throw new ConnectorConfigError(
          `connector.params for ${definition.type} are invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      }
      return definition.read(parsed.data, context);
    },
  };
}

/** Appends query parameters to a URL (values already strings). */
export function withQuery(base: string, query: Record<string, string | number | undefined>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}
