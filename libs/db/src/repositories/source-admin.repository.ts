import type { DataSource } from 'typeorm';
import type { IngestRunStatus, IngestTrigger } from '../entities/ingest-run.entity';

/** The latest run of a source, as listed next to it. */
export interface SourceRunSummary {
  id: number;
  trigger: IngestTrigger;
  status: IngestRunStatus;
  startedAt: Date | null;
  finishedAt: Date | null;
  rowsRead: number;
  rowsWritten: number;
  rowsRejected: number;
}

/** A source as the sources admin shows it. */
export interface SourceAdminRecord {
  key: string;
  nameZh: string;
  nameEn: string;
  connectorType: string;
  enabled: boolean;
  provisioned: boolean;
  schedule: string | null;
  staleAfterSeconds: number | null;
  manifest: unknown;
  updatedAt: Date;
  lastRun: SourceRunSummary | null;
}

/** A source written through the API (catalogue files are synced by SourceRepository). */
export interface SourceWrite {
  key: string;
  nameZh: string;
  nameEn: string;
  connectorType: string;
  manifest: unknown;
  schedule: string | null;
  staleAfterSeconds: number | null;
  ownerDepartmentCode: string | null;
  enabled: boolean;
}

export interface RunQuery {
  sourceKey?: string;
  status?: IngestRunStatus;
  offset: number;
  limit: number;
}

export interface RunRecord extends SourceRunSummary {
  sourceKey: string;
  windowFrom: Date | null;
  windowTo: Date | null;
  attempt: number;
  errorClass: string | null;
  errorMessage: string | null;
}

export interface RejectRecord {
  id: string;
  rowNumber: number;
  reasonCode: string;
  message: string | null;
  raw: unknown;
}

interface SourceRow {
  key: string;
  name_zh: string;
  name_en: string;
  connector_type: string;
  enabled: boolean;
  provisioned: boolean;
  schedule: string | null;
  stale_after_seconds: number | null;
  manifest: unknown;
  updated_at: Date;
  run_id: number | null;
  run_trigger: IngestTrigger | null;
  run_status: IngestRunStatus | null;
  run_started_at: Date | null;
  run_finished_at: Date | null;
  run_rows_read: number | null;
  run_rows_written: number | null;
  run_rows_rejected: number | null;
}

interface RunRow {
  id: number;
  source_key: string;
  trigger: IngestTrigger;
  status: IngestRunStatus;
  started_at: Date | null;
  finished_at: Date | null;
  rows_read: number;
  rows_written: number;
  rows_rejected: number;
  window_from: Date | null;
  window_to: Date | null;
  attempt: number;
  error_class: string | null;
  error_message: string | null;
}

const SOURCE_SELECT = `SELECT s.key, s.name_zh, s.name_en, s.connector_type, s.enabled, s.provisioned, s.schedule,
  s.stale_after_seconds, s.manifest, s.updated_at, r.id AS run_id, r.trigger AS run_trigger, r.status AS run_status,
  r.started_at AS run_started_at, r.finished_at AS run_finished_at, r.rows_read AS run_rows_read,
  r.rows_inserted + r.rows_updated AS run_rows_written, r.rows_rejected AS run_rows_rejected
  FROM source s
  LEFT JOIN LATERAL (SELECT * FROM ingest_run WHERE source_id = s.id ORDER BY id DESC LIMIT 1) r ON true`;

const RUN_SELECT = `SELECT r.id, s.key AS source_key, r.trigger, r.status, r.started_at, r.finished_at, r.rows_read,
  r.rows_inserted + r.rows_updated AS rows_written, r.rows_rejected, r.window_from, r.window_to, r.attempt,
  r.error_class, r.error_message
  FROM ingest_run r JOIN source s ON s.id = r.source_id`;

function toSource(row: SourceRow): SourceAdminRecord {
  return {
    key: row.key,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    connectorType: row.connector_type,
    enabled: row.enabled,
    provisioned: row.provisioned,
    schedule: row.schedule,
    staleAfterSeconds: row.stale_after_seconds,
    manifest: row.manifest,
    updatedAt: row.updated_at,
    lastRun:
      row.run_id === null
        ? null
        : {
            id: row.run_id,
            trigger: row.run_trigger as IngestTrigger,
            status: row.run_status as IngestRunStatus,
            startedAt: row.run_started_at,
            finishedAt: row.run_finished_at,
            rowsRead: row.run_rows_read ?? 0,
            rowsWritten: row.run_rows_written ?? 0,
            rowsRejected: row.run_rows_rejected ?? 0,
          },
  };
}

function toRun(row: RunRow): RunRecord {
  return {
    id: row.id,
    sourceKey: row.source_key,
    trigger: row.trigger,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    rowsRead: row.rows_read,
    rowsWritten: row.rows_written,
    rowsRejected: row.rows_rejected,
    windowFrom: row.window_from,
    windowTo: row.window_to,
    attempt: row.attempt,
    errorClass: row.error_class,
    errorMessage: row.error_message,
  };
}

/** Sources, runs and rejects as the data team manages and inspects them through the API. */
export class SourceAdminRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<SourceAdminRecord[]> {
    const rows: SourceRow[] = await this.dataSource.query(`${SOURCE_SELECT} ORDER BY s.key`);
    return rows.map(toSource);
  }

  async findByKey(key: string): Promise<SourceAdminRecord | null> {
    const rows: SourceRow[] = await this.dataSource.query(`${SOURCE_SELECT} WHERE s.key = $1`, [key]);
    return rows[0] ? toSource(rows[0]) : null;
  }

  /** Inserts a new (not provisioned) source; false when the key exists. */
  async create(source: SourceWrite): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO source (key, name_zh, name_en, connector_type, manifest, schedule, stale_after_seconds,
                           owner_department_id, enabled, provisioned)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, (SELECT id FROM department WHERE code = $8), $9, false)
       ON CONFLICT (key) DO NOTHING RETURNING id`,
      [
        source.key,
        source.nameZh,
        source.nameEn,
        source.connectorType,
        JSON.stringify(source.manifest),
        source.schedule,
        source.staleAfterSeconds,
        source.ownerDepartmentCode,
        source.enabled,
      ],
    );
    return rows.length > 0;
  }

  /** Replaces a source's manifest and derived columns; false when it does not exist. */
  async update(source: SourceWrite): Promise<boolean> {
    const result: [unknown[], number] = await this.dataSource.query(
      `UPDATE source SET name_zh = $2, name_en = $3, connector_type = $4, manifest = $5::jsonb, schedule = $6,
         stale_after_seconds = $7, owner_department_id = (SELECT id FROM department WHERE code = $8), enabled = $9,
         updated_at = now()
       WHERE key = $1`,
      [
        source.key,
        source.nameZh,
        source.nameEn,
        source.connectorType,
        JSON.stringify(source.manifest),
        source.schedule,
        source.staleAfterSeconds,
        source.ownerDepartmentCode,
        source.enabled,
      ],
    );
    return result[1] > 0;
  }

  async setEnabled(key: string, enabled: boolean): Promise<boolean> {
    const result: [unknown[], number] = await this.dataSource.query(
      'UPDATE source SET enabled = $2, updated_at = now() WHERE key = $1',
      [key, enabled],
    );
    return result[1] > 0;
  }

  /**
   * Deletes a source that never ran. One with runs keeps its history (observations point at
   * it): `in_use` tells the caller to disable it instead.
   */
  async delete(key: string): Promise<'deleted' | 'in_use' | 'missing'> {
    return this.dataSource.transaction(async (em) => {
      const found: Array<{ id: number; runs: number }> = await em.query(
        `SELECT s.id, (SELECT count(*)::int FROM ingest_run r WHERE r.source_id = s.id) AS runs
         FROM source s WHERE s.key = $1 FOR UPDATE`,
        [key],
      );
      const source = found[0];
      if (!source) return 'missing';
      if (source.runs > 0) return 'in_use';
      await em.query('DELETE FROM source_state WHERE source_id = $1', [source.id]);
      await em.query('DELETE FROM source WHERE id = $1', [source.id]);
      return 'deleted';
    });
  }

  /** Runs, newest first, with the total for paging. */
  async listRuns(query: RunQuery): Promise<{ items: RunRecord[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.sourceKey) {
      params.push(query.sourceKey);
      where.push(`s.key = $${params.length}`);
    }
    if (query.status) {
      params.push(query.status);
      where.push(`r.status = $${params.length}`);
    }
    const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const total: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM ingest_run r JOIN source s ON s.id = r.source_id ${whereSql}`,
      params,
    );
    const rows: RunRow[] = await this.dataSource.query(
      `${RUN_SELECT} ${whereSql} ORDER BY r.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.limit, query.offset],
    );
    return { items: rows.map(toRun), total: total[0]?.n ?? 0 };
  }

  /**
   * Queues a run of a source for the ingest worker (which claims `queued` runs and executes them);
   * null when the source does not exist.
   */
  async enqueueRun(
    key: string,
    trigger: Extract<IngestTrigger, 'manual' | 'backfill'>,
    window: { from: Date; to: Date } | null,
  ): Promise<RunRecord | null> {
    const inserted: Array<{ id: number }> = await this.dataSource.query(
      `INSERT INTO ingest_run (source_id, trigger, status, window_from, window_to)
       SELECT s.id, $2, 'queued', $3, $4 FROM source s WHERE s.key = $1
       RETURNING id`,
      [key, trigger, window?.from ?? null, window?.to ?? null],
    );
    const row = inserted[0];
    return row ? this.findRun(row.id) : null;
  }

  async findRun(id: number): Promise<RunRecord | null> {
    const rows: RunRow[] = await this.dataSource.query(`${RUN_SELECT} WHERE r.id = $1`, [id]);
    return rows[0] ? toRun(rows[0]) : null;
  }

  async rejectCountsByReason(runId: number): Promise<Record<string, number>> {
    const rows: Array<{ reason_code: string; n: number }> = await this.dataSource.query(
      'SELECT reason_code, count(*)::int AS n FROM ingest_reject WHERE run_id = $1 GROUP BY reason_code ORDER BY reason_code',
      [runId],
    );
    return Object.fromEntries(rows.map((r) => [r.reason_code, r.n]));
  }

  /** One page of a run's rejects in row order. */
  async listRejects(
    runId: number,
    offset: number,
    limit: number,
  ): Promise<{ items: RejectRecord[]; total: number }> {
    const total: Array<{ n: number }> = await this.dataSource.query(
      'SELECT count(*)::int AS n FROM ingest_reject WHERE run_id = $1',
      [runId],
    );
    const rows: Array<{
      id: string;
      row_number: number;
      reason_code: string;
      message: string | null;
      raw: unknown;
    }> = await this.dataSource.query(
      `SELECT id::text AS id, row_number, reason_code, message, raw FROM ingest_reject WHERE run_id = $1
         ORDER BY row_number, id LIMIT $2 OFFSET $3`,
      [runId, limit, offset],
    );
    return {
      total: total[0]?.n ?? 0,
      items: rows.map((r) => ({
        id: r.id,
        rowNumber: r.row_number,
        reasonCode: r.reason_code,
        message: r.message,
        raw: r.raw,
      })),
    };
  }
}
