import { Injectable } from '@nestjs/common';
import type { BrandProjectDetailDto, BrandProjectListItemDto } from '@civicpulse/contracts';
import { toDetailDto } from './brand-project-view';
import { ProjectContextService } from './project-context.service';
import { ScorecardService } from './scorecard.service';

@Injectable()
export class BrandProjectsService {
  constructor(
    private readonly contexts: ProjectContextService,
    private readonly scorecards: ScorecardService,
  ) {}

  /** Every project with its headline score for the period (default: year to date). */
  async list(periodText: string | undefined): Promise<BrandProjectListItemDto[]> {
    const period = this.scorecards.period(periodText);
    // Projects are independent: scored at the same time, each from its own few reads.
    const { contexts, cards } = await this.contexts.withAllProjects(async (contexts) => ({
      contexts,
      cards: await Promise.all(
        contexts.map((context) =>
          this.scorecards.scorecardOf(context, period, this.contexts.scope(context, undefined), false),
        ),
      ),
    }));
    const items: BrandProjectListItemDto[] = contexts.map((context, i) => {
      const card = cards[i];
      const p = context.record.project;
      return {
        code: p.code,
        nameZh: p.nameZh,
        nameEn: p.nameEn,
        sloganZh: p.sloganZh ?? null,
        sloganEn: p.sloganEn ?? null,
        ownerDepartment: context.record.ownerDepartment,
        period: period.dto,
        score: card.score,
        statusCounts: card.statusCounts,
        kpiCount: card.kpis.length,
        freshness: card.freshness,
        published: context.record.published,
        startDate: p.startDate,
        endDate: p.endDate,
      };
    });
    return items;
  }

  async detail(code: string): Promise<BrandProjectDetailDto> {
    return toDetailDto(await this.contexts.load(code));
  }
}
