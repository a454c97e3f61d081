import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { IngestRejectDto, IngestRunDetailDto, IngestRunSummaryDto, Page } from '@civicpulse/contracts';
import { Roles } from '../auth/auth.decorators';
import { PageQueryDto } from '../common/page-query.dto';
import { IdParamPipe } from '../common/param-pipes';
import { RunListQueryDto } from './dto/source.dto';
import { RunsService } from './runs.service';

@ApiTags('sources')
@ApiBearerAuth()
@Roles('operator')
@Controller('runs')
export class RunsController {
  constructor(private readonly runs: RunsService) {}

  @Get()
  @ApiOkResponse({ description: 'Ingest runs, newest first' })
  list(@Query() query: RunListQueryDto): Promise<Page<IngestRunSummaryDto>> {
    return this.runs.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ description: 'One run with error and reject counts per reason' })
  get(@Param('id', IdParamPipe) id: number): Promise<IngestRunDetailDto> {
    return this.runs.get(id);
  }

  @Get(':id/rejects')
  @ApiOkResponse({ description: 'Rejected rows of a run, in row order' })
  rejects(
    @Param('id', IdParamPipe) id: number,
    @Query() query: PageQueryDto,
  ): Promise<Page<IngestRejectDto>> {
    return this.runs.rejects(id, query);
  }
}
