import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TargetRevisionDto } from '@civicpulse/contracts';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { CodeParamPipe } from '../common/param-pipes';
import { TargetRevisionDto as TargetRevisionBody } from './dto/target-revision.dto';
import { TargetsService } from './targets.service';

@ApiTags('brand-projects')
@ApiBearerAuth()
@Controller('brand-projects/:code/kpis/:indicator')
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  @Patch('target')
  @Roles('admin')
  @ApiOkResponse({ description: 'The appended revision (old → new, who, when, why)' })
  @ApiForbiddenResponse({ description: 'Not an admin, or outside the department scope' })
  revise(
    @CurrentUser() actor: AuthUser,
    @Param('code', CodeParamPipe) code: string,
    @Param('indicator', CodeParamPipe) indicator: string,
    @Body() body: TargetRevisionBody,
  ): Promise<TargetRevisionDto> {
    return this.targets.revise(actor, code, indicator, body);
  }

  @Get('revisions')
  @Roles('viewer')
  @ApiOkResponse({ description: 'Target revisions, newest first' })
  revisions(
    @Param('code', CodeParamPipe) code: string,
    @Param('indicator', CodeParamPipe) indicator: string,
  ): Promise<TargetRevisionDto[]> {
    return this.targets.list(code, indicator);
  }
}
