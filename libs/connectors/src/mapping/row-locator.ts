import type { RawRecord } from '../connectors/connector';
import { readNumber } from '../decoding/cell-values';
import type { MappingSpec } from '../manifest/mapping-schema';
import { readField } from './field-path';
import type { MappingContext } from './mapping-context';
import { describeValue, fail, ok, type Outcome } from './mapping-outcome';
import { PeriodResolver } from './period-resolver';
import { normaliseCode, pointOf, RegionResolver } from './region-resolver';

/** Finds the period and the region a raw record belongs to, as `mapping.time` and `mapping.region` say. */
export class RowLocator {
  /** Region lookups, shared with unpivoted region headers. */
  readonly regions: RegionResolver;
  private readonly periods?: PeriodResolver;
  private readonly fixedPeriod?: Date | null;
  private readonly extract?: RegExp;

  constructor(
    private readonly mapping: MappingSpec,
    context: MappingContext,
  ) {
    const region = mapping.region;
    this.regions = new RegionResolver(context.regions, region && 'field' in region ? region.aliases : {});
    if (region && 'field' in region && region.extract) this.extract = new RegExp(region.extract, 'u');
    const time = mapping.time;
    if (time && 'field' in time) {
      this.periods = new PeriodResolver(
        time.format,
        mapping.grain,
        context.timeZone,
        time.zone,
        time.school_year_start_month,
      );
    } else if (time) {
      this.fixedPeriod = new PeriodResolver(time.format, mapping.grain, context.timeZone).periodStart(
        time.fixed,
      );
    }
  }

  /** The start of the row's period (null when periods come from unpivoted headers). */
  periodOf(record: RawRecord): Outcome<Date | null> {
    const time = this.mapping.time;
    if (!time) return ok(null);
    if (!('field' in time)) {
      return this.fixedPeriod
        ? ok(this.fixedPeriod)
        : fail('unparseable_time', `mapping.time.fixed "${time.fixed}" is not a ${time.format} value`);
    }
    const raw = readField(record, time.field);
    if (raw === undefined || raw === null || raw === '')
      return fail('missing_field', `time field "${time.field}" is empty`, time.field);
    const start = this.periods?.periodStart(raw) ?? null;
    return start
      ? ok(start)
      : fail(
          'unparseable_time',
          `"${describeValue(raw)}" in "${time.field}" is not a ${time.format} time`,
          time.field,
        );
  }

  /** The row's region code (null when regions come from unpivoted headers). */
  regionOf(record: RawRecord): Outcome<string | null> {
    const region = this.mapping.region;
    if (!region) return ok(null);
    if ('fixed' in region) {
      return this.regions.has(region.fixed)
        ? ok(region.fixed)
        : fail('unknown_region', `mapping.region.fixed "${region.fixed}" is not in the region catalogue`);
    }
    if ('point' in region) return this.regionByPoint(record, region.point, region.level ?? 'district');
    const raw = readField(record, region.field);
    const text =
      region.by === 'code'
        ? normaliseCode(raw)
        : raw === null || raw === undefined
          ? null
          : String(raw).trim() || null;
    if (text === null) return fail('missing_field', `region field "${region.field}" is empty`, region.field);
    let key = text;
    if (this.extract) {
      const m = this.extract.exec(text);
      if (!m)
        return fail(
          'unknown_region',
          `"${describeValue(text)}" in "${region.field}" does not match mapping.region.extract`,
          region.field,
        );
      key = m[1] ?? m[0];
    }
    const code = region.by === 'code' ? this.regions.byCode(key) : this.regions.byNameOrAlias(key);
    return code
      ? ok(code)
      : fail(
          'unknown_region',
          `"${describeValue(key)}" in "${region.field}" is not a known region ${region.by}`,
          region.field,
        );
  }

  private regionByPoint(
    record: RawRecord,
    point: { lon_field: string; lat_field: string } | { geometry_field: string } | { lat_lon_field: string },
    level: 'city' | 'district' | 'subdistrict',
  ): Outcome<string | null> {
    let lonLat: [number, number] | undefined;
    let field: string;
    if ('lon_field' in point) {
      field = point.lon_field;
      const lon = readNumber(readField(record, point.lon_field));
      const lat = readNumber(readField(record, point.lat_field));
      if (lon.kind === 'value' && lat.kind === 'value') lonLat = [lon.value, lat.value];
    } else if ('geometry_field' in point) {
      field = point.geometry_field;
      lonLat = pointOf(readField(record, field));
    } else {
      field = point.lat_lon_field;
      lonLat = pointOf(readField(record, field), true);
    }
    if (!lonLat) return fail('missing_field', `no coordinates in "${field}"`, field);
    const code = this.regions.byPoint(lonLat[0], lonLat[1], level);
    return code
      ? ok(code)
      : fail('unknown_region', `point (${lonLat[0]}, ${lonLat[1]}) lies in no ${level} boundary`, field);
  }
}
