import { Injectable } from '@nestjs/common';
import type { AuditLogEntryDto, Page } from '@civicpulse/contracts';
import { AuditLogRepository } from '@civicpulse/db';
import type { AuditQueryDto } from './dto/audit-query.dto';

@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditLogRepository) {}

  async list(query: AuditQueryDto): Promise<Page<AuditLogEntryDto>> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 50;
    const { items, total } = await this.audit.list({
      entityType: query.entityType,
      entityId: query.entityId,
      offset,
      limit,
    });
    return {
      total,
      offset,
      limit,
      items: items.map((entry) => ({
        id: entry.id,
        at: entry.at.toISOString(),
        actor: entry.actorName,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        before: entry.before,
        after: entry.after,
      })),
    };
  }
}
