import type { IngestRunSummaryDto, SourceDetailDto, SourceDto } from '@civicpulse/contracts';
import type { SourceAdminRecord, SourceRunSummary } from '@civicpulse/db';
import { Cron } from 'croner';

export function toRunSummary(sourceKey: string, run: SourceRunSummary): IngestRunSummaryDto {
  return {
    id: run.id,
    sourceKey,
    trigger: run.trigger,
    status: run.status,
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    rowsRead: run.rowsRead,
    rowsWritten: run.rowsWritten,
    rowsRejected: run.rowsRejected,
  };
}

function nextDue(schedule: string | null, enabled: boolean, now: Date, timeZone: string): string | null {
  if (!schedule || !enabled) return null;
  try {
    return new Cron(schedule, { timezone: timeZone, paused: true }).nextRun(now)?.toISOString() ?? null;
  } catch {
    return null;
  }
}

export function toSourceDto(s: SourceAdminRecord, now: Date, timeZone: string): SourceDto {
  return {
    key: s.key,
    nameZh: s.nameZh,
    nameEn: s.nameEn,
    connectorType: s.connectorType,
    enabled: s.enabled,
    provisioned: s.provisioned,
    schedule: s.schedule,
    staleAfterSeconds: s.staleAfterSeconds,
    lastRun: s.lastRun ? toRunSummary(s.key, s.lastRun) : null,
    nextDueAt: nextDue(s.schedule, s.enabled, now, timeZone),
  };
}

export function toSourceDetailDto(s: SourceAdminRecord, now: Date, timeZone: string): SourceDetailDto {
  return { ...toSourceDto(s, now, timeZone), manifest: s.manifest, updatedAt: s.updatedAt.toISOString() };
}
