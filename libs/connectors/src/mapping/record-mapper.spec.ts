import { parseSourceManifest } from '../manifest/parse-source-manifest';
import type { MappingContext } from './mapping-context';
import { RecordMapper } from './record-mapper';

const square = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

const CONTEXT: MappingContext = {
  timeZone: 'Asia/Shanghai',
  regions: [
    { code: '990100', nameZh: '示范市', nameEn: 'Demo City', level: 'city' },
    {
      code: '990101',
      nameZh: '中心区',
      nameEn: 'Central',
      level: 'district',
      aliases: ['Zhongxin', 'CTR'],
      boundary: square(0, 0, 1, 1),
    },
    {
      code: '990102',
      nameZh: '东湖区',
      nameEn: 'East Lake',
      level: 'district',
      boundary: square(1, 0, 2, 1),
    },
  ],
  indicators: [
    { code: 'test.count', validMin: 0 },
    { code: 'test.rate', validMin: 0, validMax: 100, ratioScale: 100 },
    { code: 'test.level', validMin: 0, validMax: 50 },
  ],
};

function manifest(mapping: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return parseSourceManifest(
    {
      key: 'unit',
      name: { zh: '单元', en: 'Unit' },
      owner_department: 't',
      licence: 't',
      connector: { type: 'csv', params: { path: 'x.csv' } },
      mapping,
      ...extra,
    },
    'unit',
  );
}

describe('RecordMapper', () => {
  it('maps a value with a factor, by region alias and Chinese month', () => {
    const mapper = new RecordMapper(
      manifest({
        grain: 'month',
        time: { field: '月份', format: 'zh_month' },
        region: { field: '区', by: 'name' },
        indicators: [{ code: 'test.level', value: '值', factor: 0.5 }],
      }),
      CONTEXT,
    );
    expect(mapper.map({ 月份: '2024年2月', 区: ' zhongxin ', 值: '3.2万' }, 1).rejects[0]).toMatchObject({
      reasonCode: 'out_of_range',
    });
    expect(mapper.map({ 月份: '2024年2月', 区: 'ctr', 值: '40' }, 2).observations).toEqual([
      {
        indicatorCode: 'test.level',
        regionCode: '990101',
        grain: 'month',
        periodStart: new Date('2024-01-31T16:00:00.000Z'),
        value: 20,
      },
    ]);
  });

  it('computes ratios from numerator and denominator and keeps both', () => {
    const mapper = new RecordMapper(
      manifest({
        grain: 'year',
        time: { fixed: '2024', format: 'yyyy' },
        region: { field: 'code', by: 'code' },
        indicators: [{ code: 'test.rate', value: { numerator: 'n', denominator: 'd' } }],
      }),
      CONTEXT,
    );
    expect(mapper.map({ code: 990102, n: '25', d: '200' }, 1).observations).toEqual([
      {
        indicatorCode: 'test.rate',
        regionCode: '990102',
        grain: 'year',
        periodStart: new Date('2023-12-31T16:00:00.000Z'),
        value: 12.5,
        numerator: 25,
        denominator: 200,
      },
    ]);
    expect(mapper.map({ code: '990102', n: '1', d: '0' }, 2).rejects[0]).toMatchObject({
      reasonCode: 'unparseable_number',
      field: 'd',
    });
  });

  it('rejects with reasons and never throws on bad data', () => {
    const mapper = new RecordMapper(
      manifest(
        {
          grain: 'day',
          time: { field: 't', format: 'iso' },
          region: { field: 'r', by: 'code' },
          indicators: [
            { code: 'test.level', value: 'v' },
            { code: 'test.unknown', value: 'v' },
          ],
        },
        { quality: { required: ['id'], ranges: { 'test.level': { max: 10 } } } },
      ),
      CONTEXT,
    );
    const reasons = (record: Record<string, unknown>) =>
      mapper.map(record, 7).rejects.map((r) => [r.rowNumber, r.reasonCode]);
    expect(reasons({ t: '2024-01-01', r: '990101', v: '5' })).toEqual([[7, 'missing_field']]);
    expect(reasons({ id: 1, t: 'yesterday', r: '990101', v: '5' })).toEqual([[7, 'unparseable_time']]);
    expect(reasons({ id: 1, t: '2024-01-01', r: '123456', v: '5' })).toEqual([[7, 'unknown_region']]);
    expect(reasons({ id: 1, t: '2024-01-01', r: '990101', v: 'x' })).toEqual([
      [7, 'unparseable_number'],
      [7, 'unknown_indicator'],
    ]);
    expect(reasons({ id: 1, t: '2024-01-01', r: '990101', v: '11' })).toEqual([
      [7, 'out_of_range'],
      [7, 'unknown_indicator'],
    ]);
    const suppressed = mapper.map({ id: 1, t: '2024-01-01', r: '990101', v: 's' }, 8);
    expect(suppressed.skippedNulls).toBe(1);
    expect(suppressed.observations).toEqual([]);
  });

  it('unpivots period columns (wide NBS tables) skipping empty cells', () => {
    const mapper = new RecordMapper(
      manifest({
        grain: 'month',
        region: { field: '地区', by: 'name' },
        unpivot: { columns: { pattern: '^\\d{4}年\\d{1,2}月$' }, as: 'period', format: 'zh_month' },
        indicators: [{ code: 'test.level' }],
      }),
      CONTEXT,
    );
    const row = mapper.map({ 地区: '东湖区', '2020年3月': '', '2020年2月': '9.5', '2020年1月': '10.1' }, 1);
    expect(row.skippedNulls).toBe(1);
    expect(row.observations.map((o) => [o.periodStart.toISOString(), o.value])).toEqual([
      ['2020-01-31T16:00:00.000Z', 9.5],
      ['2019-12-31T16:00:00.000Z', 10.1],
    ]);
  });

  it('unpivots region columns', () => {
    const mapper = new RecordMapper(
      manifest({
        grain: 'year',
        time: { field: 'year', format: 'yyyy' },
        unpivot: { columns: ['中心区', '东湖区', '北区'], as: 'region', by: 'name' },
        indicators: [{ code: 'test.level' }],
      }),
      CONTEXT,
    );
    const row = mapper.map({ year: '2023', 中心区: '1', 东湖区: '2', 北区: '3' }, 1);
    expect(row.observations.map((o) => [o.regionCode, o.value])).toEqual([
      ['990101', 1],
      ['990102', 2],
    ]);
    expect(row.rejects.map((r) => r.reasonCode)).toEqual(['unknown_region']);
  });

  it('locates points in district boundaries and emits aggregate contributions', () => {
    const mapper = new RecordMapper(
      manifest({
        grain: 'month',
        time: { field: 'at', format: 'iso' },
        region: { point: { lon_field: 'lon', lat_field: 'lat' } },
        indicators: [
          { code: 'test.count', aggregate: { function: 'count' } },
          { code: 'test.level', value: 'minutes', aggregate: { function: 'mean' } },
        ],
      }),
      CONTEXT,
    );
    const inEast = mapper.map({ at: '2024-05-03T10:00:00', lon: '1.5', lat: '0.5', minutes: '12' }, 1);
    expect(inEast.contributions.map((c) => [c.indicatorCode, c.regionCode, c.fn, c.value])).toEqual([
      ['test.count', '990102', 'count', 1],
      ['test.level', '990102', 'mean', 12],
    ]);
    expect(
      mapper.map({ at: '2024-05-03T10:00:00', lon: '5', lat: '5', minutes: '1' }, 2).rejects[0],
    ).toMatchObject({ reasonCode: 'unknown_region', message: 'point (5, 5) lies in no district boundary' });
  });

  it('reads points from GeoJSON, Esri and "lat, lon" fields', () => {
    const base = {
      grain: 'year',
      time: { fixed: '2024', format: 'yyyy' },
      indicators: [{ code: 'test.count', aggregate: { function: 'count' } }],
    };
    const region = (point: Record<string, string>) =>
      new RecordMapper(manifest({ ...base, region: { point } }), CONTEXT);
    expect(
      region({ geometry_field: 'geometry' }).map({ geometry: { type: 'Point', coordinates: [0.5, 0.5] } }, 1)
        .contributions[0]?.regionCode,
    ).toBe('990101');
    expect(
      region({ geometry_field: 'geometry' }).map({ geometry: { x: 1.2, y: 0.2 } }, 1).contributions[0]
        ?.regionCode,
    ).toBe('990102');
    expect(
      region({ geometry_field: 'geometry' }).map(
        {
          geometry: {
            paths: [
              [
                [0.1, 0.1],
                [3, 3],
              ],
            ],
          },
        },
        1,
      ).contributions[0]?.regionCode,
    ).toBe('990101');
    expect(
      region({ lat_lon_field: 'position' }).map({ position: '0.5, 1.5' }, 1).contributions[0]?.regionCode,
    ).toBe('990102');
  });

  it('extracts region keys with a pattern and applies include_when', () => {
    const mapper = new RecordMapper(
      manifest({
        grain: 'year',
        time: { fixed: '2024', format: 'yyyy' },
        region: {
          field: 'DBN',
          by: 'code',
          extract: '^\\d{2}([A-Z])',
          aliases: { M: '990101', X: '990102' },
        },
        include_when: [{ field: 'kind', in: ['a', 'b'] }],
        indicators: [{ code: 'test.level', value: 'v' }],
      }),
      CONTEXT,
    );
    expect(mapper.includes({ kind: 'c' })).toBe(false);
    expect(mapper.includes({ kind: 'a' })).toBe(true);
    expect(mapper.map({ DBN: '01M292', v: 3 }, 1).observations[0]?.regionCode).toBe('990101');
    expect(mapper.map({ DBN: '09X505', v: 3 }, 1).observations[0]?.regionCode).toBe('990102');
    expect(mapper.map({ DBN: 'bad', v: 3 }, 1).rejects[0]?.reasonCode).toBe('unknown_region');
  });

  it('counts list items in a cell', () => {
    const mapper = new RecordMapper(
      manifest({
        grain: 'year',
        time: { fixed: '2024', format: 'yyyy' },
        region: { fixed: '990100' },
        indicators: [{ code: 'test.count', value: { field: 'zips', count_items: ',' } }],
      }),
      CONTEXT,
    );
    expect(mapper.map({ zips: '10463,10471' }, 1).observations[0]?.value).toBe(2);
  });

  it('is pure: repeated calls give equal results and the input is untouched', () => {
    const mapper = new RecordMapper(
      manifest({
        grain: 'day',
        time: { field: 't', format: 'iso' },
        region: { field: 'r', by: 'name' },
        indicators: [{ code: 'test.level', value: 'v' }],
      }),
      CONTEXT,
    );
    const record = Object.freeze({
      t: '2024-01-01T10:00:00',
      r: 'East Lake',
      v: 'oops',
      nested: Object.freeze({ a: 1 }),
    });
    const a = mapper.map(record, 1);
    const b = mapper.map(record, 1);
    expect(a).toEqual(b);
    expect(a.rejects[0]!.raw).toEqual(record);
    expect(a.rejects[0]!.raw).not.toBe(record);
  });
});
