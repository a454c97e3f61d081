import { Injectable, PipeTransform, type ArgumentMetadata } from '@nestjs/common';
import { ValidationError } from '@civicpulse/server-kit';

/** Largest value of a Postgres `integer` column; bigger ids can only be mistakes. */
const MAX_INT4 = 2_147_483_647;

/** Parses a path id as a positive int4, so `99999999999` is a 400 and not a driver overflow. */
@Injectable()
export class IdParamPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    const n = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < 1 || n > MAX_INT4) {
      throw ValidationError.field(metadata.data ?? 'id', 'must be a positive integer');
    }
    return n;
  }
}

/** Catalogue codes: brand projects (`smooth-city`), indicators (`traffic.peak_congestion_delay_index`). */
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Rejects path codes that cannot exist (quotes, spaces, SQL fragments) before any lookup. */
@Injectable()
export class CodeParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!CODE.test(value)) {
      throw ValidationError.field(
        metadata.data ?? 'code',
        'must be letters, digits, dot, dash or underscore',
      );
    }
    return value;
  }
}
