import type { DataSource } from 'typeorm';

/** A change of one KPI's target. */
export interface TargetChange {
  kpiId: number;
  newTarget: number;
  /** New due date (yyyy-mm-dd); null keeps the current one. */
  newTargetDate: string | null;
  reason: string;
  changedById: number;
}

export interface TargetRevisionRecord {
  id: number;
  kpiId: number;
  oldTarget: number | null;
  newTarget: number;
  oldTargetDate: string | null;
  newTargetDate: string;
  reason: string;
  changedBy: string | null;
  changedAt: Date;
}

interface RevisionRow {
  id: number;
  kpi_id: number;
  old_target_value: number | null;
  new_target_value: number;
  old_target_date: string | null;
  new_target_date: string;
  reason: string;
  changed_by: string | null;
  changed_at: Date;
}

const SELECT_REVISION = `SELECT r.id, r.kpi_id, r.old_target_value, r.new_target_value,
  r.old_target_date::text AS old_target_date, r.new_target_date::text AS new_target_date, r.reason,
  u.username AS changed_by, r.changed_at
  FROM kpi_target_revision r LEFT JOIN app_user u ON u.id = r.changed_by_id`;

function toRecord(row: RevisionRow): TargetRevisionRecord {
  return {
    id: row.id,
    kpiId: row.kpi_id,
    oldTarget: row.old_target_value,
    newTarget: row.new_target_value,
    oldTargetDate: row.old_target_date,
    newTargetDate: row.new_target_date,
    reason: row.reason,
    changedBy: row.changed_by,
    changedAt: row.changed_at,
  };
}

/** KPI target changes: the KPI row and its append-only revision are written together. */
export class TargetRevisionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Updates the KPI's target and appends the revision (old → new) in one transaction, reading
   * the old values under a row lock so two concurrent edits produce two consistent revisions.
   * Returns null when the KPI does not exist.
   */
  async revise(change: TargetChange): Promise<TargetRevisionRecord | null> {
    return this.dataSource.transaction(async (em) => {
      const current: Array<{ target_value: number; target_date: string }> = await em.query(
        'SELECT target_value, target_date::text AS target_date FROM brand_kpi WHERE id = $1 FOR UPDATE',
        [change.kpiId],
      );
      const old = current[0];
      if (!old) return null;
      const newDate = change.newTargetDate ?? old.target_date;
      await em.query(
        'UPDATE brand_kpi SET target_value = $2, target_date = $3::date, updated_at = now() WHERE id = $1',
        [change.kpiId, change.newTarget, newDate],
      );
      const inserted: Array<{ id: number }> = await em.query(
        `INSERT INTO kpi_target_revision (kpi_id, old_target_value, old_target_date, new_target_value, new_target_date,
                                          changed_by_id, reason)
         VALUES ($1, $2, $3::date, $4, $5::date, $6, $7) RETURNING id`,
        [
          change.kpiId,
          old.target_value,
          old.target_date,
          change.newTarget,
          newDate,
          change.changedById,
          change.reason,
        ],
      );
      const rows: RevisionRow[] = await em.query(`${SELECT_REVISION} WHERE r.id = $1`, [inserted[0]?.id]);
      return rows[0] ? toRecord(rows[0]) : null;
    });
  }

  /** Revisions of one KPI, newest first. */
  async listForKpi(kpiId: number): Promise<TargetRevisionRecord[]> {
    const rows: RevisionRow[] = await this.dataSource.query(
      `${SELECT_REVISION} WHERE r.kpi_id = $1 ORDER BY r.changed_at DESC, r.id DESC`,
      [kpiId],
    );
    return rows.map(toRecord);
  }
}
