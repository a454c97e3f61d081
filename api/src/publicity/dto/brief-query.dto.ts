import { ApiPropertyOptional } from '@nestjs/swagger';
import { BRIEF_FORMATS, type BriefFormat, type Lang, LANGS } from '@civicpulse/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { PeriodParam } from '../../common/query-params';

export class BriefQueryDto {
  @PeriodParam()
  period?: string;

  @ApiPropertyOptional({ enum: LANGS, default: 'zh' })
  @IsOptional()
  @IsIn(LANGS)
  lang?: Lang;

  @ApiPropertyOptional({ enum: BRIEF_FORMATS, default: 'text' })
  @IsOptional()
  @IsIn(BRIEF_FORMATS)
  format?: BriefFormat;
}
