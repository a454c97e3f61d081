import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SERIES_GRANULARITIES, type SeriesGranularity } from '@civicpulse/contracts';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { PeriodParam, RegionListParam } from '../../common/query-params';

export class PeriodQueryDto {
  @PeriodParam()
  period?: string;
}

export class ScorecardQueryDto extends PeriodQueryDto {
  @RegionListParam()
  regions?: string[];
}

export class TrendQueryDto {
  @ApiProperty({ description: 'Indicator code of the KPI', example: 'traffic.peak_congestion_delay_index' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, { message: 'kpi must be an indicator code' })
  kpi!: string;

  @ApiPropertyOptional({ enum: SERIES_GRANULARITIES, default: 'month' })
  @IsOptional()
  @IsIn(SERIES_GRANULARITIES)
  granularity?: SeriesGranularity;

  @RegionListParam()
  regions?: string[];
}
