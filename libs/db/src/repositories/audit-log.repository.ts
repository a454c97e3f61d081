import type { DataSource } from 'typeorm';

/** One audit entry to append. */
export interface AuditEntryInput {
  actorId: number | null;
  /** Username, or `system` for changes made at boot. */
  actorName: string;
  /** Verb such as `user.create`, `brand_project.publish`, `kpi.target.change`. */
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditEntryRecord {
  id: string;
  at: Date;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  limit: number;
  offset: number;
}

interface AuditRow {
  id: string;
  at: Date;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
}

/** Append-only log of who changed what through the API. */
export class AuditLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  async append(entry: AuditEntryInput): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO audit_log (actor_id, actor_name, action, entity_type, entity_id, before, after)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)`,
      [
        entry.actorId,
        entry.actorName,
        entry.action,
        entry.entityType,
        entry.entityId,
        entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === undefined ? null : JSON.stringify(entry.after),
      ],
    );
  }

  /** Newest first. */
  async list(query: AuditQuery): Promise<{ items: AuditEntryRecord[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.entityType) {
      params.push(query.entityType);
      where.push(`entity_type = $${params.length}`);
    }
    if (query.entityId) {
      params.push(query.entityId);
      where.push(`entity_id = $${params.length}`);
    }
    const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const totalRows: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log ${whereSql}`,
      params,
    );
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT id::text AS id, at, actor_name, action, entity_type, entity_id, before, after
       FROM audit_log ${whereSql} ORDER BY at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.limit, query.offset],
    );
    return {
      total: totalRows[0]?.n ?? 0,
      items: rows.map((row) => ({
        id: row.id,
        at: row.at,
        actorName: row.actor_name,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        before: row.before,
        after: row.after,
      })),
    };
  }
}
