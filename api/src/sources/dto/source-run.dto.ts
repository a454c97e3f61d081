import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BackfillSourceRequest, PreviewSourceRequest } from '@civicpulse/contracts';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class PreviewSourceDto implements PreviewSourceRequest {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50, description: 'Source rows to read' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class BackfillSourceDto implements BackfillSourceRequest {
  @ApiProperty({ example: '2025-01-01', description: 'First day, in the city calendar (inclusive)' })
  @Matches(CALENDAR_DATE, { message: 'from must be a date YYYY-MM-DD' })
  from!: string;

  @ApiProperty({
    example: '2025-03-31',
    description: 'Last day, in the city calendar (inclusive), not before from',
  })
  @Matches(CALENDAR_DATE, { message: 'to must be a date YYYY-MM-DD' })
  to!: string;
}
