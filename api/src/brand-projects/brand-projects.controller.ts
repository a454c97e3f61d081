import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type {
  BrandProjectDetailDto,
  BrandProjectListItemDto,
  ProjectMatrixDto,
  ProjectTrendDto,
} from '@civicpulse/contracts';
import type { Request, Response } from 'express';
import { Roles } from '../auth/auth.decorators';
import { CodeParamPipe } from '../common/param-pipes';
import { sendSerialized } from '../common/serialized-response';
import { BrandProjectsService } from './brand-projects.service';
import { PeriodQueryDto, ScorecardQueryDto, TrendQueryDto } from './dto/project-queries.dto';
import { ScorecardService } from './scorecard.service';
import { TrendService } from './trend.service';

@ApiTags('brand-projects')
@ApiBearerAuth()
@Roles('viewer')
@Controller('brand-projects')
export class BrandProjectsController {
  constructor(
    private readonly projects: BrandProjectsService,
    private readonly scorecards: ScorecardService,
    private readonly trends: TrendService,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'Projects with score, colour, coverage, status counts and freshness' })
  list(@Query() query: PeriodQueryDto): Promise<BrandProjectListItemDto[]> {
    return this.projects.list(query.period);
  }

  @Get(':code')
  @ApiOkResponse({ description: 'Positioning, core value, departments, regions, KPIs, milestones' })
  @ApiNotFoundResponse({ description: 'No such project' })
  detail(@Param('code', CodeParamPipe) code: string): Promise<BrandProjectDetailDto> {
    return this.projects.detail(code);
  }

  @Get(':code/scorecard')
  @ApiOkResponse({
    description:
      'Each KPI decomposed (value, baseline, target, p, score, weight, contribution, status, lineage). ' +
      'Carries an ETag; with a matching If-None-Match the answer is 304 Not Modified.',
  })
  async scorecard(
    @Param('code', CodeParamPipe) code: string,
    @Query() query: ScorecardQueryDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    sendSerialized(
      request,
      response,
      await this.scorecards.scorecardResponse(code, query.period, query.regions),
    );
  }

  @Get(':code/matrix')
  @ApiOkResponse({ description: 'District × KPI attainment' })
  matrix(
    @Param('code', CodeParamPipe) code: string,
    @Query() query: PeriodQueryDto,
  ): Promise<ProjectMatrixDto> {
    return this.scorecards.matrix(code, query.period);
  }

  @Get(':code/trend')
  @ApiOkResponse({ description: 'KPI series with target line or band and milestones' })
  trend(@Param('code', CodeParamPipe) code: string, @Query() query: TrendQueryDto): Promise<ProjectTrendDto> {
    return this.trends.trend(code, query.kpi, query.granularity ?? 'month', query.regions);
  }
}
