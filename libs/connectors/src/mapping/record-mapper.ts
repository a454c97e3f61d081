import type { Grain } from '@civicpulse/domain';
import type { RawRecord } from '../connectors/connector';
import { readNumber } from '../decoding/cell-values';
import { SchemaDriftError } from '../errors/source-errors';
import type { IndicatorMapping, MappingSpec, RowFilter } from '../manifest/mapping-schema';
import type { SourceManifest } from '../manifest/manifest-schema';
import type { EventContribution } from './event-aggregator';
import { hasField, readField } from './field-path';
import type { MappedObservation, MappingContext, Reject, RejectReason } from './mapping-context';
import { describeValue, ok, type Outcome } from './mapping-outcome';
import { PeriodResolver } from './period-resolver';
import { RowLocator } from './row-locator';
import { ValueReader } from './value-reader';

/** What one raw record turned into. */
export interface MappedRow {
  observations: MappedObservation[];
  contributions: EventContribution[];
  rejects: Reject[];
  /** Values that were explicitly empty (null markers, suppressed cells): not an error, not a value. */
  skippedNulls: number;
}

/**
 * Maps raw records to observations following a manifest. It is pure: it reads the record, the
 * manifest and the {@link MappingContext}, never mutates its input, and the same input always
 * gives the same output, so a preview shows exactly what a run would load.
 */
export class RecordMapper {
  private readonly mapping: MappingSpec;
  private readonly locator: RowLocator;
  private readonly values: ValueReader;
  private readonly unpivotPeriods?: PeriodResolver;
  private readonly unpivotPattern?: RegExp;
  private readonly filters: { filter: RowFilter; pattern?: RegExp }[];
  private readonly grain: Grain;

  constructor(
    private readonly manifest: SourceManifest,
    context: MappingContext,
  ) {
    this.mapping = manifest.mapping;
    this.grain = this.mapping.grain;
    this.locator = new RowLocator(this.mapping, context);
    this.values = new ValueReader(manifest, context);
    const unpivot = this.mapping.unpivot;
    if (unpivot?.as === 'period' && unpivot.format)
      this.unpivotPeriods = new PeriodResolver(unpivot.format, this.grain, context.timeZone);
    if (unpivot && !Array.isArray(unpivot.columns))
      this.unpivotPattern = new RegExp(unpivot.columns.pattern, 'u');
    this.filters = (this.mapping.include_when ?? []).map((filter) => ({
      filter,
      pattern: filter.matches ? new RegExp(filter.matches, 'u') : undefined,
    }));
  }

  /** Fields the mapping reads, each with the manifest key that names it. */
  referencedFields(): { field: string; key: string }[] {
    const out: { field: string; key: string }[] = [];
    const { time, region, indicators, unpivot } = this.mapping;
    if (time && 'field' in time) out.push({ field: time.field, key: 'mapping.time.field' });
    if (region && 'field' in region) out.push({ field: region.field, key: 'mapping.region.field' });
    if (region && 'point' in region) {
      const p = region.point;
      if ('lon_field' in p)
        out.push(
          { field: p.lon_field, key: 'mapping.region.point.lon_field' },
          { field: p.lat_field, key: 'mapping.region.point.lat_field' },
        );
      else if ('geometry_field' in p)
        out.push({ field: p.geometry_field, key: 'mapping.region.point.geometry_field' });
      else out.push({ field: p.lat_lon_field, key: 'mapping.region.point.lat_lon_field' });
    }
    indicators.forEach((indicator, i) => {
      const value = indicator.value;
      if (typeof value === 'string') out.push({ field: value, key: `mapping.indicators.${i}.value` });
      else if (value && 'field' in value)
        out.push({ field: value.field, key: `mapping.indicators.${i}.value.field` });
      else if (value)
        out.push(
          { field: value.numerator, key: `mapping.indicators.${i}.value.numerator` },
          { field: value.denominator, key: `mapping.indicators.${i}.value.denominator` },
        );
    });
    if (unpivot && Array.isArray(unpivot.columns))
      unpivot.columns.forEach((c, i) => out.push({ field: c, key: `mapping.unpivot.columns.${i}` }));
    (this.manifest.quality?.required ?? []).forEach((f, i) =>
      out.push({ field: f, key: `quality.required.${i}` }),
    );
    for (const { filter } of this.filters) out.push({ field: filter.field, key: 'mapping.include_when' });
    return out;
  }

  /**
   * Checks the first page against the mapping: a field that no record of the page carries is a
   * column the source dropped or renamed — schema drift, a permanent error — not a bad row.
   */
  checkSchema(records: readonly RawRecord[]): void {
    if (records.length === 0) return;
    const missing = this.referencedFields().filter(({ field }) => !records.some((r) => hasField(r, field)));
    const unpivot = this.mapping.unpivot;
    const pattern = this.unpivotPattern;
    const noUnpivotColumn =
      pattern !== undefined &&
      unpivot !== undefined &&
      !records.some((r) => Object.keys(r).some((k) => pattern.test(k)));
    if (missing.length === 0 && !noUnpivotColumn) return;
    const available = Object.keys(records[0] ?? {})
      .slice(0, 30)
      .join(', ');
    const problems = missing.map(({ field, key }) => `column "${field}" (named by ${key}) is missing`);
    if (noUnpivotColumn)
      problems.push(`no column matches mapping.unpivot.columns.pattern /${pattern?.source ?? ''}/`);
    throw new SchemaDriftError(
      `source ${this.manifest.key} changed shape: ${problems.join('; ')}. Columns present: ${available}`,
    );
  }

  /** True when the record passes `mapping.include_when`. */
  includes(record: RawRecord): boolean {
    return this.filters.every(({ filter, pattern }) => {
      const raw = readField(record, filter.field);
      const text = raw === null || raw === undefined ? '' : String(raw).trim();
      if (filter.equals !== undefined && text !== String(filter.equals)) return false;
      if (filter.in !== undefined && !filter.in.map(String).includes(text)) return false;
      if (pattern && !pattern.test(text)) return false;
      return true;
    });
  }

  /** Maps one record. Never throws for bad data: problems come back as rejects. */
  map(record: RawRecord, rowNumber: number): MappedRow {
    const row: MappedRow = { observations: [], contributions: [], rejects: [], skippedNulls: 0 };
    const reject = (
      outcome: { reason: RejectReason; message: string; field?: string },
      indicatorCode?: string,
    ): void => {
      row.rejects.push({
        rowNumber,
        raw: { ...record },
        reasonCode: outcome.reason,
        message: outcome.message,
        field: outcome.field,
        indicatorCode,
      });
    };
    for (const field of this.manifest.quality?.required ?? []) {
      const raw = readField(record, field);
      if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
        reject({ reason: 'missing_field', message: `required field "${field}" is empty`, field });
        return row;
      }
    }
    const unpivot = this.mapping.unpivot;
    const period = unpivot?.as === 'period' ? ok<Date | null>(null) : this.locator.periodOf(record);
    if (!period.ok) {
      reject(period);
      return row;
    }
    const region = unpivot?.as === 'region' ? ok<string | null>(null) : this.locator.regionOf(record);
    if (!region.ok) {
      reject(region);
      return row;
    }
    if (unpivot) {
      this.mapUnpivoted(record, rowNumber, period.value, region.value, row, reject);
      return row;
    }
    for (const indicator of this.mapping.indicators) {
      const periodStart = period.value;
      const regionCode = region.value;
      if (!periodStart || !regionCode) continue;
      this.mapIndicator(indicator, record, rowNumber, periodStart, regionCode, row, reject);
    }
    return row;
  }

  private mapIndicator(
    spec: IndicatorMapping,
    record: RawRecord,
    rowNumber: number,
    periodStart: Date,
    regionCode: string,
    row: MappedRow,
    reject: (o: { reason: RejectReason; message: string; field?: string }, indicatorCode?: string) => void,
  ): void {
    const indicator = this.values.indicator(spec.code);
    if (!indicator) {
      reject(
        { reason: 'unknown_indicator', message: `indicator "${spec.code}" is not in the catalogue` },
        spec.code,
      );
      return;
    }
    const aggregate = spec.aggregate?.function;
    if (aggregate === 'count' && spec.value === undefined) {
      row.contributions.push({
        indicatorCode: spec.code,
        regionCode,
        grain: this.grain,
        periodStart,
        value: 1,
        fn: 'count',
        rowNumber,
      });
      return;
    }
    const value = this.values.valueOf(spec, indicator, record);
    if (!value.ok) {
      reject(value, spec.code);
      return;
    }
    if (value.value === null) {
      row.skippedNulls++;
      return;
    }
    const { value: v, numerator, denominator } = value.value;
    if (aggregate) {
      row.contributions.push({
        indicatorCode: spec.code,
        regionCode,
        grain: this.grain,
        periodStart,
        value: aggregate === 'count' ? 1 : v,
        fn: aggregate,
        rowNumber,
      });
      return;
    }
    const range = this.values.checkRange(spec.code, v);
    if (!range.ok) {
      reject(range, spec.code);
      return;
    }
    const observation: MappedObservation = {
      indicatorCode: spec.code,
      regionCode,
      grain: this.grain,
      periodStart,
      value: v,
    };
    if (numerator !== undefined) observation.numerator = numerator;
    if (denominator !== undefined) observation.denominator = denominator;
    row.observations.push(observation);
  }

  private mapUnpivoted(
    record: RawRecord,
    rowNumber: number,
    period: Date | null,
    region: string | null,
    row: MappedRow,
    reject: (o: { reason: RejectReason; message: string; field?: string }, indicatorCode?: string) => void,
  ): void {
    const unpivot = this.mapping.unpivot;
    const spec = this.mapping.indicators[0];
    if (!unpivot || !spec) return;
    const indicator = this.values.indicator(spec.code);
    if (!indicator) {
      reject(
        { reason: 'unknown_indicator', message: `indicator "${spec.code}" is not in the catalogue` },
        spec.code,
      );
      return;
    }
    const pattern = this.unpivotPattern;
    const columns = Array.isArray(unpivot.columns)
      ? unpivot.columns
      : Object.keys(record).filter((k) => pattern?.test(k));
    for (const column of columns) {
      let periodStart = period;
      let regionCode = region;
      if (unpivot.as === 'period') {
        periodStart = this.unpivotPeriods?.periodStartCached(column) ?? null;
        if (!periodStart) {
          reject(
            {
              reason: 'unparseable_time',
              message: `column header "${column}" is not a ${unpivot.format ?? ''} period`,
              field: column,
            },
            spec.code,
          );
          continue;
        }
      } else {
        regionCode =
          (unpivot.by === 'name'
            ? this.locator.regions.byNameOrAlias(column)
            : this.locator.regions.byCode(column.trim())) ?? null;
        if (!regionCode) {
          reject(
            {
              reason: 'unknown_region',
              message: `column header "${column}" is not a known region`,
              field: column,
            },
            spec.code,
          );
          continue;
        }
      }
      if (!periodStart || !regionCode) continue;
      const reading = readNumber(readField(record, column), this.values.numbers);
      if (reading.kind === 'null') {
        row.skippedNulls++;
        continue;
      }
      if (reading.kind === 'invalid') {
        reject(
          {
            reason: 'unparseable_number',
            message: `"${describeValue(reading.text)}" in column "${column}" is not a number`,
            field: column,
          },
          spec.code,
        );
        continue;
      }
      const value = reading.value * (spec.factor ?? 1);
      const range = this.values.checkRange(spec.code, value);
      if (!range.ok) {
        reject(range, spec.code);
        continue;
      }
      if (spec.aggregate) {
        row.contributions.push({
          indicatorCode: spec.code,
          regionCode,
          grain: this.grain,
          periodStart,
          value: spec.aggregate.function === 'count' ? 1 : value,
          fn: spec.aggregate.function,
          rowNumber,
        });
      } else {
        row.observations.push({
          indicatorCode: spec.code,
          regionCode,
          grain: this.grain,
          periodStart,
          value,
        });
      }
    }
  }

  /** Checks a value against the manifest's range for the indicator and the indicator's own range. */
  checkRange(code: string, value: number): Outcome<true> {
    return this.values.checkRange(code, value);
  }
}
