import { ApiPropertyOptional } from '@nestjs/swagger';
import { DOMAINS, type Domain, REGION_LEVELS, type RegionLevel } from '@civicpulse/domain';
import { SERIES_GRANULARITIES, type SeriesGranularity } from '@civicpulse/contracts';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PeriodParam, RegionListParam } from '../../common/query-params';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class IndicatorListQueryDto {
  @ApiPropertyOptional({ enum: DOMAINS })
  @IsOptional()
  @IsIn(DOMAINS)
  domain?: Domain;

  @ApiPropertyOptional({ description: 'Text matched against code and zh/en names', example: '拥堵' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class SeriesQueryDto {
  @ApiPropertyOptional({ enum: SERIES_GRANULARITIES, default: 'month' })
  @IsOptional()
  @IsIn(SERIES_GRANULARITIES)
  granularity?: SeriesGranularity;

  @RegionListParam()
  regions?: string[];

  @ApiPropertyOptional({ description: 'First local date (inclusive), yyyy-mm-dd', example: '2025-01-01' })
  @IsOptional()
  @Matches(LOCAL_DATE, { message: 'from must be a date yyyy-mm-dd' })
  from?: string;

  @ApiPropertyOptional({ description: 'Last local date (inclusive), yyyy-mm-dd', example: '2025-12-31' })
  @IsOptional()
  @Matches(LOCAL_DATE, { message: 'to must be a date yyyy-mm-dd' })
  to?: string;
}

export class CompareQueryDto {
  @PeriodParam()
  period?: string;

  @RegionListParam()
  regions?: string[];
}

export class LatestByRegionQueryDto {
  @ApiPropertyOptional({ enum: REGION_LEVELS, default: 'district' })
  @IsOptional()
  @IsIn(REGION_LEVELS)
  level?: RegionLevel;
}
