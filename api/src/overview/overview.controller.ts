import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '../auth/auth.decorators';
import { sendSerialized } from '../common/serialized-response';
import { OverviewService } from './overview.service';

@ApiTags('overview')
@ApiBearerAuth()
@Roles('viewer')
@Controller('overview')
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  @Get()
  @ApiOkResponse({
    description:
      'Per domain: headline indicators (latest, change, status, sparkline) and open alerts. ' +
      'Carries an ETag; with a matching If-None-Match the answer is 304 Not Modified.',
  })
  async get(@Req() request: Request, @Res() response: Response): Promise<void> {
    sendSerialized(request, response, await this.overview.overview());
  }
}
