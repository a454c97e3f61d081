import type { RawRecord } from '../connectors/connector';
import { readNumber, type NumberReadOptions } from '../decoding/cell-values';
import type { IndicatorMapping } from '../manifest/mapping-schema';
import type { SourceManifest } from '../manifest/manifest-schema';
import { readField } from './field-path';
import type { MappingContext, MappingIndicator } from './mapping-context';
import { describeValue, fail, ok, type Outcome } from './mapping-outcome';

/** Reads indicator values from raw records (numbers, list counts, ratios) and checks their ranges. */
export class ValueReader {
  /** How cells are read as numbers (decimal comma, null markers, 万/亿). */
  readonly numbers: NumberReadOptions;
  private readonly indicators = new Map<string, MappingIndicator>();

  constructor(
    private readonly manifest: SourceManifest,
    context: MappingContext,
  ) {
    this.numbers = {
      decimalComma: manifest.decoding.decimal_comma,
      nullMarkers: manifest.decoding.null_markers,
      unitMultipliers: manifest.decoding.unit_multipliers,
    };
    for (const indicator of context.indicators) this.indicators.set(indicator.code, indicator);
  }

  /** The catalogue entry of an indicator, if it exists. */
  indicator(code: string): MappingIndicator | undefined {
    return this.indicators.get(code);
  }

  /** The row's value for one indicator mapping; null for an empty cell. */
  valueOf(
    spec: IndicatorMapping,
    indicator: MappingIndicator,
    record: RawRecord,
  ): Outcome<{ value: number; numerator?: number; denominator?: number } | null> {
    const factor = spec.factor ?? 1;
    const value = spec.value;
    if (value === undefined) return ok(null);
    if (typeof value === 'string' || 'field' in value) {
      const field = typeof value === 'string' ? value : value.field;
      const raw = readField(record, field);
      if (raw === undefined) return fail('missing_field', `value field "${field}" is absent`, field);
      if (typeof value !== 'string' && value.count_items) {
        if (raw === null || String(raw).trim() === '') return ok(null);
        return ok({
          value:
            String(raw)
              .split(value.count_items)
              .filter((item) => item.trim() !== '').length * factor,
        });
      }
      const reading = readNumber(raw, this.numbers);
      if (reading.kind === 'null') return ok(null);
      if (reading.kind === 'invalid')
        return fail(
          'unparseable_number',
          `"${describeValue(reading.text)}" in "${field}" is not a number`,
          field,
        );
      return ok({ value: reading.value * factor });
    }
    const num = readNumber(readField(record, value.numerator), this.numbers);
    const den = readNumber(readField(record, value.denominator), this.numbers);
    if (num.kind === 'null' || den.kind === 'null') return ok(null);
    if (num.kind === 'invalid')
      return fail(
        'unparseable_number',
        `"${describeValue(num.text)}" in "${value.numerator}" is not a number`,
        value.numerator,
      );
    if (den.kind === 'invalid')
      return fail(
        'unparseable_number',
        `"${describeValue(den.text)}" in "${value.denominator}" is not a number`,
        value.denominator,
      );
    if (den.value === 0)
      return fail('unparseable_number', `denominator "${value.denominator}" is 0`, value.denominator);
    const scale = indicator.ratioScale ?? 1;
    return ok({
      value: (num.value / den.value) * scale * factor,
      numerator: num.value,
      denominator: den.value,
    });
  }

  /** Checks a value against the manifest's range for the indicator and the indicator's own range. */
  checkRange(code: string, value: number): Outcome<true> {
    const indicator = this.indicators.get(code);
    const extra = this.manifest.quality?.ranges?.[code];
    const min = Math.max(indicator?.validMin ?? -Infinity, extra?.min ?? -Infinity);
    const max = Math.min(indicator?.validMax ?? Infinity, extra?.max ?? Infinity);
    if (value < min || value > max)
      return fail('out_of_range', `${value} is outside the valid range [${min}, ${max}] of ${code}`);
    return ok(true);
  }
}
