import type { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from './update-result';

/** A source as written by `catalog apply` from one manifest file. */
export interface SourceDefinition {
  key: string;
  nameZh: string;
  nameEn: string;
  connectorType: string;
  /** The manifest as written (variables such as `${DEMO_PORTAL_URL}` left in place). */
  manifest: unknown;
  schedule: string | null;
  staleAfterSeconds: number | null;
  /** Department code; resolved to its id here, unknown codes leave the owner empty. */
  ownerDepartmentCode: string | null;
}

/** Counts of one sync of the provisioned sources. */
export interface SourceSyncResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Provisioned sources whose file is gone: disabled, not deleted (their runs stay). */
  disabled: number;
}

/** A source as the ingest worker needs it. */
export interface SourceRecord {
  id: number;
  key: string;
  connectorType: string;
  manifest: unknown;
  enabled: boolean;
  schedule: string | null;
  updatedAt: Date;
}

/** Cheap fingerprint of the source table: changes whenever a source is added, edited or removed. */
export interface SourceChangeMarker {
  count: number;
  lastUpdatedAt: string | null;
}

interface SourceRow {
  id: number;
  key: string;
  connector_type: string;
  manifest: unknown;
  enabled: boolean;
  schedule: string | null;
  updated_at: Date;
}

function toRecord(row: SourceRow): SourceRecord {
  return {
    id: row.id,
    key: row.key,
    connectorType: row.connector_type,
    manifest: row.manifest,
    enabled: row.enabled,
    schedule: row.schedule,
    updatedAt: row.updated_at,
  };
}

const RECORD_COLUMNS = 'id, key, connector_type, manifest, enabled, schedule, updated_at';

/** Sources and their saved cursors. */
export class SourceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Upserts the provisioned sources by key in one transaction (pass a manager to join an outer
   * one). Rows whose definition did not change are not touched, so `updated_at` only moves on a
   * real edit and the scheduler rebuilds only when something changed.
   */
  async syncProvisioned(
    definitions: readonly SourceDefinition[],
    manager?: EntityManager,
  ): Promise<SourceSyncResult> {
    const work = async (em: EntityManager): Promise<SourceSyncResult> => {
      const result: SourceSyncResult = { created: 0, updated: 0, unchanged: 0, disabled: 0 };
      for (const def of definitions) {
        const rows: Array<{ inserted: boolean }> = await em.query(
          `WITH owner AS (SELECT id FROM department WHERE code = $8)
           INSERT INTO source (key, name_zh, name_en, connector_type, manifest, schedule, stale_after_seconds,
                               owner_department_id, enabled, provisioned)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, (SELECT id FROM owner), true, true)
           ON CONFLICT (key) DO UPDATE SET
             name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en, connector_type = EXCLUDED.connector_type,
             manifest = EXCLUDED.manifest, schedule = EXCLUDED.schedule,
             stale_after_seconds = EXCLUDED.stale_after_seconds, owner_department_id = EXCLUDED.owner_department_id,
             provisioned = true, enabled = true, updated_at = now()
           WHERE (source.name_zh, source.name_en, source.connector_type, source.manifest, source.schedule,
                  source.stale_after_seconds, source.owner_department_id, source.provisioned, source.enabled)
             IS DISTINCT FROM
                 (EXCLUDED.name_zh, EXCLUDED.name_en, EXCLUDED.connector_type, EXCLUDED.manifest, EXCLUDED.schedule,
                  EXCLUDED.stale_after_seconds, EXCLUDED.owner_department_id, true, true)
           RETURNING (xmax = 0) AS inserted`,
          [
            def.key,
            def.nameZh,
            def.nameEn,
            def.connectorType,
            JSON.stringify(def.manifest),
            def.schedule,
            def.staleAfterSeconds,
            def.ownerDepartmentCode,
          ],
        );
        const row = rows[0];
        if (!row) result.unchanged += 1;
        else if (row.inserted) result.created += 1;
        else result.updated += 1;
      }
      const gone = returnedRows<{ id: number }>(
        await em.query(
          `UPDATE source SET enabled = false, updated_at = now()
         WHERE provisioned AND enabled AND NOT (key = ANY($1::text[]))
         RETURNING id`,
          [definitions.map((d) => d.key)],
        ),
      );
      result.disabled = gone.length;
      return result;
    };
    return manager ? work(manager) : this.dataSource.transaction(work);
  }

  async findByKey(key: string): Promise<SourceRecord | null> {
    const rows: SourceRow[] = await this.dataSource.query(
      `SELECT ${RECORD_COLUMNS} FROM source WHERE key = $1`,
      [key],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async findById(id: number): Promise<SourceRecord | null> {
    const rows: SourceRow[] = await this.dataSource.query(
      `SELECT ${RECORD_COLUMNS} FROM source WHERE id = $1`,
      [id],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Enabled sources, by key, for the scheduler. */
  async listEnabled(): Promise<SourceRecord[]> {
    const rows: SourceRow[] = await this.dataSource.query(
      `SELECT ${RECORD_COLUMNS} FROM source WHERE enabled ORDER BY key`,
    );
    return rows.map(toRecord);
  }

  /** Count and newest `updated_at` of all sources: polled to notice edits from the API or CLI. */
  async changeMarker(): Promise<SourceChangeMarker> {
    const rows: Array<{ count: number; last: string | null }> = await this.dataSource.query(
      `SELECT count(*)::int AS count, max(updated_at)::text AS last FROM source`,
    );
    return { count: rows[0]?.count ?? 0, lastUpdatedAt: rows[0]?.last ?? null };
  }

  /** Saved cursors of a source, by stream name. */
  async readCursors(sourceId: number): Promise<Record<string, unknown>> {
    const rows: Array<{ stream: string; cursor: unknown }> = await this.dataSource.query(
      'SELECT stream, cursor FROM source_state WHERE source_id = $1',
      [sourceId],
    );
    return Object.fromEntries(rows.map((r) => [r.stream, r.cursor]));
  }
}
