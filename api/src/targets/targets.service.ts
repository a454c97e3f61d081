import { Injectable } from '@nestjs/common';
import type { TargetRevisionDto } from '@civicpulse/contracts';
import { InvalidPeriodSpecError, parseLocalDate } from '@civicpulse/domain';
import { AuditLogRepository, type TargetRevisionRecord, TargetRevisionRepository } from '@civicpulse/db';
import { ForbiddenError, NotFoundError, ValidationError } from '@civicpulse/server-kit';
import { type AuthUser, inDepartmentScope } from '../auth/auth-user';
import { type ProjectContext, ProjectContextService } from '../brand-projects/project-context.service';
import type { TargetRevisionDto as TargetRevisionBody } from './dto/target-revision.dto';

function toDto(projectCode: string, indicatorCode: string, r: TargetRevisionRecord): TargetRevisionDto {
  return {
    id: String(r.id),
    projectCode,
    indicatorCode,
    oldTarget: r.oldTarget,
    newTarget: r.newTarget,
    oldTargetDate: r.oldTargetDate,
    newTargetDate: r.newTargetDate,
    reason: r.reason,
    changedBy: r.changedBy,
    changedAt: r.changedAt.toISOString(),
  };
}

/** KPI target changes: append-only revisions with a reason, audited, scoped by department. */
@Injectable()
export class TargetsService {
  constructor(
    private readonly contexts: ProjectContextService,
    private readonly revisions: TargetRevisionRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async revise(
    actor: AuthUser,
    code: string,
    indicatorCode: string,
    body: TargetRevisionBody,
  ): Promise<TargetRevisionDto> {
    const context = await this.contexts.load(code);
    if (!inDepartmentScope(actor, context.record.ownerDepartment.code)) {
      throw new ForbiddenError(
        `Only ${context.record.ownerDepartment.code} may change this project's targets`,
      );
    }
    const { kpiId, baselineDate } = this.kpiOf(context, indicatorCode);
    if (body.targetDate !== undefined) {
      try {
        parseLocalDate(body.targetDate);
      } catch (error) {
        if (error instanceof InvalidPeriodSpecError) throw ValidationError.field('targetDate', error.reason);
        throw error;
      }
      if (body.targetDate <= baselineDate)
        throw ValidationError.field('targetDate', `must be after the baseline date ${baselineDate}`);
    }
    const revision = await this.revisions.revise({
      kpiId,
      newTarget: body.target,
      newTargetDate: body.targetDate ?? null,
      reason: body.reason.trim(),
      changedById: actor.id,
    });
    if (!revision) throw new NotFoundError('KPI', `${code}/${indicatorCode}`);
    await this.audit.append({
      actorId: actor.id,
      actorName: actor.username,
      action: 'kpi.target.change',
      entityType: 'brand_kpi',
      entityId: `${code}/${indicatorCode}`,
      before: { target: revision.oldTarget, targetDate: revision.oldTargetDate },
      after: { target: revision.newTarget, targetDate: revision.newTargetDate, reason: revision.reason },
    });
    return toDto(code, indicatorCode, revision);
  }

  async list(code: string, indicatorCode: string): Promise<TargetRevisionDto[]> {
    const context = await this.contexts.load(code);
    const { kpiId } = this.kpiOf(context, indicatorCode);
    return (await this.revisions.listForKpi(kpiId)).map((r) => toDto(code, indicatorCode, r));
  }

  private kpiOf(context: ProjectContext, indicatorCode: string): { kpiId: number; baselineDate: string } {
    const kpiId = context.record.kpiIds.get(indicatorCode);
    const kpi = context.record.project.kpis.find((k) => k.indicatorCode === indicatorCode);
    if (kpiId === undefined || !kpi)
      throw new NotFoundError('KPI', `${context.record.project.code}/${indicatorCode}`);
    return { kpiId, baselineDate: kpi.baselineDate };
  }
}
