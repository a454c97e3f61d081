import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { TargetRevisionRequest } from '@civicpulse/contracts';
import { IsNumber, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export class TargetRevisionDto implements TargetRevisionRequest {
  @ApiProperty({ example: 1.55, description: 'New target in the indicator unit' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1e12)
  @Max(1e12)
  target!: number;

  @ApiPropertyOptional({
    example: '2026-12-31',
    description: 'New due date (local); keeps the current one when absent',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'targetDate must be a date yyyy-mm-dd' })
  targetDate?: string;

  @ApiProperty({ example: '市政府常务会议调整年度目标', minLength: 3, maxLength: 500 })
  @IsString()
  @Length(3, 500)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}
