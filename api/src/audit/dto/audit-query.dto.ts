import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'brand_project' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]{1,64}$/)
  entityType?: string;

  @ApiPropertyOptional({ example: 'smooth-city' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,128}$/)
  entityId?: string;
}
