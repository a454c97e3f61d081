import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { HealthDto, LivenessDto, ReadinessDto } from '@civicpulse/contracts';
import { Public } from '../auth/auth.decorators';
import { HealthService } from './health.service';

interface StatusResponse {
  status(code: number): unknown;
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOkResponse({ description: 'Process, database and migration state' })
  report(): Promise<HealthDto> {
    return this.health.health();
  }

  @Get('live')
  @ApiOkResponse({ description: 'The process is alive' })
  liveness(): LivenessDto {
    return this.health.liveness();
  }

  /** 200 when ready, 503 with the same body when not (load balancers read the status). */
  @Get('ready')
  @ApiOkResponse({ description: 'Database up and no pending migration' })
  @ApiServiceUnavailableResponse({ description: 'Database down or migrations pending' })
  async readiness(@Res({ passthrough: true }) res: StatusResponse): Promise<ReadinessDto> {
    const report = await this.health.readiness();
    res.status(report.status === 'ready' ? 200 : 503);
    return report;
  }
}
