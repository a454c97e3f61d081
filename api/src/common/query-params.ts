import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** Region codes are administrative codes (990101) or short catalogue keys. */
export const REGION_CODE = /^[A-Za-z0-9._-]{1,32}$/;

/** Period texts: 2025, 2025-Q3, 2025-09, 2025-09-15, ytd, qtd, mtd, ytd:2025-05-15, 2025-01..2025-06. */
export const PERIOD_TEXT = /^[A-Za-z0-9:.-]{1,32}$/;

/** `regions=990101,990102` → `['990101','990102']`, each checked, at most 50. */
export function RegionListParam(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      description: 'Comma-separated region codes',
      example: '990101,990102',
    }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s.length > 0)
        : value,
    ),
    IsArray({ message: 'regions must be a comma-separated list' }),
    ArrayMaxSize(50),
    IsString({ each: true }),
    Matches(REGION_CODE, { each: true, message: 'regions must be region codes such as 990101' }),
  );
}

/** `period=2025-Q3` and friends; parsed by the period resolver, only shape-checked here. */
export function PeriodParam(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      description:
        'Reporting period: 2025 | 2025-Q3 | 2025-09 | 2025-09-15 | ytd | qtd | mtd | ytd:2025-05-15 | 2025-01..2025-06 (default ytd)',
      example: '2025-Q3',
    }),
    IsOptional(),
    IsString(),
    MaxLength(32),
    Matches(PERIOD_TEXT, { message: 'period must look like 2025, 2025-Q3, 2025-09 or ytd' }),
  );
}
