import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RegionListDto } from '@civicpulse/contracts';
import { Roles } from '../auth/auth.decorators';
import { RegionsService } from './regions.service';

@ApiTags('regions')
@ApiBearerAuth()
@Roles('viewer')
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @ApiOkResponse({ description: 'City and districts, with boundaries as one GeoJSON FeatureCollection' })
  list(): Promise<RegionListDto> {
    return this.regions.list();
  }
}
