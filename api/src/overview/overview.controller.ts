import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OverviewDto } from '@civicpulse/contracts';
import { Roles } from '../auth/auth.decorators';
import { OverviewService } from './overview.service';

@ApiTags('overview')
@ApiBearerAuth()
@Roles('viewer')
@Controller('overview')
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  @Get()
  @ApiOkResponse({
    description: 'Per domain: headline indicators (latest, change, status, sparkline) and open alerts',
  })
  get(): Promise<OverviewDto> {
    return this.overview.overview();
  }
}
