import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  INGEST_RUN_STATUSES,
  type IngestRunStatusDto,
  type SetSourceEnabledRequest,
  type UpsertSourceRequest,
} from '@civicpulse/contracts';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto';

export class UpsertSourceDto implements UpsertSourceRequest {
  @ApiProperty({
    description: 'The source manifest: an object, or its YAML/JSON text',
    oneOf: [{ type: 'object', additionalProperties: true }, { type: 'string' }],
  })
  @ValidateIf((o: UpsertSourceDto) => typeof o.manifest !== 'object' || o.manifest === null)
  @IsString({ message: 'manifest must be an object or YAML/JSON text' })
  manifest!: Record<string, unknown> | string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class SetSourceEnabledDto implements SetSourceEnabledRequest {
  @ApiProperty()
  @IsBoolean()
  enabled!: boolean;
}

export class RunListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Source key' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,128}$/)
  source?: string;

  @ApiPropertyOptional({ enum: INGEST_RUN_STATUSES })
  @IsOptional()
  @IsIn(INGEST_RUN_STATUSES)
  status?: IngestRunStatusDto;
}
