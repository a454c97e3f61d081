import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { BriefDto, PublicBrandProjectDto, PublicBrandProjectSummaryDto } from '@civicpulse/contracts';
import { Public } from '../auth/auth.decorators';
import { CodeParamPipe } from '../common/param-pipes';
import { BriefQueryDto } from './dto/brief-query.dto';
import { PublicityService } from './publicity.service';

/** The public showcase: published projects only, no sign-in, no internal fields. */
@ApiTags('public')
@Public()
@Controller('public/brand-projects')
export class PublicController {
  constructor(private readonly publicity: PublicityService) {}

  @Get()
  @ApiOkResponse({ description: 'Published projects with their year-to-date score' })
  list(): Promise<PublicBrandProjectSummaryDto[]> {
    return this.publicity.publicList();
  }

  @Get(':code')
  @ApiOkResponse({ description: 'Showcase page of a published project' })
  @ApiNotFoundResponse({ description: 'Unknown or unpublished project' })
  detail(@Param('code', CodeParamPipe) code: string): Promise<PublicBrandProjectDto> {
    return this.publicity.publicDetail(code);
  }

  @Get(':code/brief')
  @ApiOkResponse({ description: 'Brief of a published project' })
  brief(@Param('code', CodeParamPipe) code: string, @Query() query: BriefQueryDto): Promise<BriefDto> {
    return this.publicity.brief(code, query.period, query.lang ?? 'zh', query.format ?? 'text', true);
  }
}
