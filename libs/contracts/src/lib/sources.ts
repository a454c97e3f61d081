import type { IngestRunStatusDto } from './lineage';

/** GET /api/sources item. */
export interface SourceDto {
  key: string;
  nameZh: string;
  nameEn: string;
  connectorType: string;
  enabled: boolean;
  /** True when the source comes from the catalogue files (edit the file, not the API). */
  provisioned: boolean;
  /** Cron expression in the city time zone, null = manual only. */
  schedule: string | null;
  staleAfterSeconds: number | null;
  lastRun: IngestRunSummaryDto | null;
  /** Next scheduled run, from the cron. */
  nextDueAt: string | null;
}

/** GET /api/sources/:key — includes the manifest as stored. */
export interface SourceDetailDto extends SourceDto {
  manifest: unknown;
  updatedAt: string;
}

/** POST /api/sources and PUT /api/sources/:key body: the manifest as an object or YAML/JSON text. */
export interface UpsertSourceRequest {
  manifest: Record<string, unknown> | string;
  enabled?: boolean;
}

/** PATCH /api/sources/:key body. */
export interface SetSourceEnabledRequest {
  enabled: boolean;
}

export const RUN_TRIGGERS = ['manual', 'schedule', 'backfill', 'cli'] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

export interface IngestRunSummaryDto {
  id: number;
  sourceKey: string;
  trigger: RunTrigger;
  status: IngestRunStatusDto;
  startedAt: string | null;
  finishedAt: string | null;
  rowsRead: number;
  /** Inserted + updated. */
  rowsWritten: number;
  rowsRejected: number;
}

/** GET /api/runs/:id */
export interface IngestRunDetailDto extends IngestRunSummaryDto {
  windowFrom: string | null;
  windowTo: string | null;
  attempt: number;
  errorClass: string | null;
  errorMessage: string | null;
  /** Reject counts per reason code. */
  rejectsByReason: Record<string, number>;
}

/** GET /api/runs/:id/rejects item. */
export interface IngestRejectDto {
  id: string;
  runId: number;
  rowNumber: number;
  reasonCode: string;
  message: string | null;
  /** The source row as read. */
  raw: unknown;
}

/** GET /api/runs query. */
export interface RunListQuery {
  source?: string;
  status?: IngestRunStatusDto;
  offset?: number;
  limit?: number;
}

/** POST /api/sources/:key/preview body (optional). */
export interface PreviewSourceRequest {
  /** Source rows to read, 1–200 (default 50). */
  limit?: number;
}

/** One mapped observation of a preview. */
export interface SourcePreviewObservationDto {
  indicatorCode: string;
  regionCode: string;
  grain: string;
  /** Start of the local period, ISO instant. */
  periodStart: string;
  value: number;
}

/** One refused row of a preview. */
export interface SourcePreviewRejectDto {
  rowNumber: number;
  reasonCode: string;
  message: string;
  raw: unknown;
}

/** POST /api/sources/:key/preview — what a run would load from the first rows; nothing is written. */
export interface SourcePreviewDto {
  sourceKey: string;
  rowsRead: number;
  pageCount: number;
  observations: SourcePreviewObservationDto[];
  rejects: SourcePreviewRejectDto[];
}

/** POST /api/sources/:key/backfill body: dates in the city's calendar, both inclusive. */
export interface BackfillSourceRequest {
  /** YYYY-MM-DD */
  from: string;
  /** YYYY-MM-DD, not before `from`. */
  to: string;
}
