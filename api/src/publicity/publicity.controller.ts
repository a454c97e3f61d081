import { Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { BriefDto, PublishStateDto } from '@civicpulse/contracts';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { CodeParamPipe } from '../common/param-pipes';
import { BriefQueryDto } from './dto/brief-query.dto';
import { PublicityService } from './publicity.service';

/** Publication switches and the internal brief, under /brand-projects. */
@ApiTags('brand-projects')
@ApiBearerAuth()
@Controller('brand-projects/:code')
export class PublicityController {
  constructor(private readonly publicity: PublicityService) {}

  @Post('publish')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ description: 'Published: the project appears on the public showcase' })
  publish(
    @CurrentUser() actor: AuthUser,
    @Param('code', CodeParamPipe) code: string,
  ): Promise<PublishStateDto> {
    return this.publicity.setPublished(actor, code, true);
  }

  @Delete('publish')
  @Roles('admin')
  @ApiOkResponse({ description: 'Unpublished' })
  unpublish(
    @CurrentUser() actor: AuthUser,
    @Param('code', CodeParamPipe) code: string,
  ): Promise<PublishStateDto> {
    return this.publicity.setPublished(actor, code, false);
  }

  @Get('brief')
  @Roles('viewer')
  @ApiOkResponse({ description: 'Generated bilingual brief (text or Markdown)' })
  @ApiNotFoundResponse({ description: 'No such project' })
  brief(@Param('code', CodeParamPipe) code: string, @Query() query: BriefQueryDto): Promise<BriefDto> {
    return this.publicity.brief(code, query.period, query.lang ?? 'zh', query.format ?? 'text', false);
  }
}
