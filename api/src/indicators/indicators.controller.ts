import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type {
  IndicatorDto,
  IndicatorSeriesDto,
  LatestByRegionDto,
  RegionComparisonDto,
} from '@civicpulse/contracts';
import { Roles } from '../auth/auth.decorators';
import { CodeParamPipe } from '../common/param-pipes';
import {
  CompareQueryDto,
  IndicatorListQueryDto,
  LatestByRegionQueryDto,
  SeriesQueryDto,
} from './dto/indicator-queries.dto';
import { IndicatorsService } from './indicators.service';

interface CsvResponse {
  setHeader(name: string, value: string): void;
}

@ApiTags('indicators')
@ApiBearerAuth()
@Roles('viewer')
@Controller('indicators')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  @Get()
  @ApiOkResponse({ description: 'Indicator catalogue, filtered by domain and text' })
  list(@Query() query: IndicatorListQueryDto): Promise<IndicatorDto[]> {
    return this.indicators.list(query);
  }

  @Get(':code')
  @ApiOkResponse({ description: 'One indicator definition' })
  @ApiNotFoundResponse({ description: 'Unknown indicator' })
  get(@Param('code', CodeParamPipe) code: string): Promise<IndicatorDto> {
    return this.indicators.get(code);
  }

  @Get(':code/series')
  @ApiOkResponse({
    description: 'Series per region at a granularity (hour from observations, coarser from rollups)',
  })
  series(
    @Param('code', CodeParamPipe) code: string,
    @Query() query: SeriesQueryDto,
  ): Promise<IndicatorSeriesDto> {
    return this.indicators.seriesOf(code, query);
  }

  @Get(':code/series.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The series as CSV (UTF-8 with BOM, CRLF) for Excel' })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async seriesCsv(
    @Param('code', CodeParamPipe) code: string,
    @Query() query: SeriesQueryDto,
    @Res({ passthrough: true }) res: CsvResponse,
  ): Promise<string> {
    const csv = await this.indicators.seriesCsv(code, query);
    res.setHeader('Content-Disposition', `attachment; filename="${csv.filename}"`);
    return csv.body;
  }

  @Get(':code/compare')
  @ApiOkResponse({ description: 'One value per region for a period, ranked by the indicator direction' })
  compare(
    @Param('code', CodeParamPipe) code: string,
    @Query() query: CompareQueryDto,
  ): Promise<RegionComparisonDto> {
    return this.indicators.compare(code, query);
  }

  @Get(':code/latest-by-region')
  @ApiOkResponse({ description: 'Newest value per region of a level (district choropleth)' })
  latestByRegion(
    @Param('code', CodeParamPipe) code: string,
    @Query() query: LatestByRegionQueryDto,
  ): Promise<LatestByRegionDto> {
    return this.indicators.latestByRegion(code, query.level ?? 'district');
  }
}
