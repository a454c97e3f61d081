import { Injectable } from '@nestjs/common';
import type {
  BriefDto,
  BriefFormat,
  Lang,
  PublicBrandProjectDto,
  PublicBrandProjectSummaryDto,
  PublishStateDto,
} from '@civicpulse/contracts';
import { AuditLogRepository, BrandProjectRepository } from '@civicpulse/db';
import { ForbiddenError, NotFoundError } from '@civicpulse/server-kit';
import { type AuthUser, inDepartmentScope } from '../auth/auth-user';
import { projectIdentity } from '../brand-projects/brand-project-view';
import { ProjectContextService } from '../brand-projects/project-context.service';
import { ScorecardService } from '../brand-projects/scorecard.service';
import { writeBrief } from './brief-writer';

/** Statuses that count a district as behind its trajectory in a brief. */
const BEHIND = new Set(['needs_acceleration', 'limited', 'deteriorating']);

/** Publication of projects, the public showcase and the generated brief. */
@Injectable()
export class PublicityService {
  constructor(
    private readonly contexts: ProjectContextService,
    private readonly scorecards: ScorecardService,
    private readonly projects: BrandProjectRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async setPublished(actor: AuthUser, code: string, published: boolean): Promise<PublishStateDto> {
    const context = await this.contexts.load(code);
    if (!inDepartmentScope(actor, context.record.ownerDepartment.code)) {
      throw new ForbiddenError(`Only ${context.record.ownerDepartment.code} may publish this project`);
    }
    if (!(await this.projects.setPublished(code, published, actor.id)))
      throw new NotFoundError('Brand project', code);
    await this.audit.append({
      actorId: actor.id,
      actorName: actor.username,
      action: published ? 'brand_project.publish' : 'brand_project.unpublish',
      entityType: 'brand_project',
      entityId: code,
      before: { published: context.record.published },
      after: { published },
    });
    const after = await this.projects.findByCode(code);
    return {
      code,
      published: after?.published ?? published,
      publishedAt: after?.publishedAt?.toISOString() ?? null,
      publishedBy: after?.publishedBy ?? null,
    };
  }

  async publicList(): Promise<PublicBrandProjectSummaryDto[]> {
    const period = this.scorecards.period('ytd');
    const items: PublicBrandProjectSummaryDto[] = [];
    for (const context of await this.contexts.loadAll({ publishedOnly: true })) {
      const evaluation = await this.scorecards.evaluate(
        context,
        period,
        this.contexts.scope(context, undefined),
      );
      const p = context.record.project;
      items.push({
        code: p.code,
        nameZh: p.nameZh,
        nameEn: p.nameEn,
        sloganZh: p.sloganZh ?? null,
        sloganEn: p.sloganEn ?? null,
        positioningZh: p.positioningZh,
        positioningEn: p.positioningEn,
        score: evaluation.score.score === null ? null : Math.round(evaluation.score.score * 10) / 10,
        colour: evaluation.score.colour ?? 'grey',
      });
    }
    return items;
  }

  /** The showcase payload: published projects only, no weights, lineage or people. */
  async publicDetail(code: string): Promise<PublicBrandProjectDto> {
    const context = await this.contexts.load(code, { publishedOnly: true });
    const period = this.scorecards.period('ytd');
    const evaluation = await this.scorecards.evaluate(
      context,
      period,
      this.contexts.scope(context, undefined),
    );
    const card = await this.scorecards.toScorecard(evaluation, true);
    const p = context.record.project;
    return {
      ...projectIdentity(p),
      ownerDepartmentNameZh: context.record.ownerDepartment.nameZh,
      ownerDepartmentNameEn: context.record.ownerDepartment.nameEn,
      regionNamesZh: context.record.regions.map((r) => r.nameZh),
      regionNamesEn: context.record.regions.map((r) => r.nameEn),
      startDate: p.startDate,
      endDate: p.endDate,
      period: card.period,
      score: {
        score: card.score.score,
        colour: card.score.colour,
        insufficientData: card.score.insufficientData,
      },
      kpis: card.kpis.map((k) => ({
        indicatorCode: k.indicatorCode,
        nameZh: k.indicatorNameZh,
        nameEn: k.indicatorNameEn,
        unit: k.unit,
        value: k.value,
        baseline: k.baseline,
        target: k.target,
        status: k.status,
        colour: k.colour,
        series: k.sparkline,
      })),
      milestones: p.milestones ?? [],
      dataAsOf: card.freshness.lastObservationAt,
    };
  }

  async brief(
    code: string,
    periodText: string | undefined,
    lang: Lang,
    format: BriefFormat,
    publishedOnly: boolean,
  ): Promise<BriefDto> {
    const context = await this.contexts.load(code, { publishedOnly });
    const period = this.scorecards.period(periodText);
    const scope = this.contexts.scope(context, undefined);
    const current = await this.scorecards.toScorecard(
      await this.scorecards.evaluate(context, period, scope),
      false,
    );
    const previousPeriod = this.scorecards.period(period.dto.previousKey ?? undefined);
    const previous = await this.scorecards.evaluate(context, previousPeriod, scope);
    const matrix = await this.scorecards.matrix(code, period.dto.key);
    const districtsBehind = new Map<string, number>();
    for (const cell of matrix.cells) {
      if (BEHIND.has(cell.status))
        districtsBehind.set(cell.indicatorCode, (districtsBehind.get(cell.indicatorCode) ?? 0) + 1);
    }
    const previousValues = new Map([...previous.values].map(([k, v]) => [k, v.value]));
    const written = writeBrief({ current, previousValues, districtsBehind }, lang, format);
    return {
      projectCode: code,
      period: period.dto,
      lang,
      format,
      title: written.title,
      body: written.body,
      lines: written.lines,
      generatedAt: current.computedAt,
    };
  }
}
