import type { MappingContext } from '../mapping/mapping-context';

/** One row of the shared conformance dataset, as a portal would hold it. */
export interface ConformanceRow {
  id: number;
  /** Wall-clock time in the city (Asia/Shanghai), without zone, like Socrata's floating stamps. */
  updated: string;
  district: string;
  value: string;
}

/**
 * Seven rows every connector fixture serves in its own portal shape: five good ones, one with a
 * non-numeric value (row 4) and one with an unknown district (row 6). District names are Chinese
 * so that a wrong decoding shows up as unknown regions.
 */
export const CONFORMANCE_ROWS: readonly ConformanceRow[] = [
  { id: 1, updated: '2024-01-01T08:00:00', district: '中心区', value: '10' },
  { id: 2, updated: '2024-01-01T09:00:00', district: '东湖区', value: '20' },
  { id: 3, updated: '2024-01-02T08:00:00', district: '西山区', value: '30' },
  { id: 4, updated: '2024-01-02T09:00:00', district: '中心区', value: 'abc' },
  { id: 5, updated: '2024-01-03T08:00:00', district: '东湖区', value: '50' },
  { id: 6, updated: '2024-01-03T09:00:00', district: '不存在区', value: '60' },
  { id: 7, updated: '2024-01-04T08:00:00', district: '西山区', value: '70' },
];

/** Epoch milliseconds of a row's wall-clock time in Asia/Shanghai (UTC+8, no DST). */
export function epochMsOf(row: ConformanceRow): number {
  return Date.parse(`${row.updated}+08:00`);
}

/** The catalogue the conformance manifests map against. */
export const CONFORMANCE_CONTEXT: MappingContext = {
  timeZone: 'Asia/Shanghai',
  regions: [
    { code: '990100', nameZh: '示范市', nameEn: 'Demo City', level: 'city' },
    { code: '990101', nameZh: '中心区', nameEn: 'Central', level: 'district' },
    { code: '990102', nameZh: '东湖区', nameEn: 'East Lake', level: 'district' },
    { code: '990103', nameZh: '西山区', nameEn: 'West Hills', level: 'district' },
  ],
  indicators: [{ code: 'test.conformance_value', validMin: 0, validMax: 1000 }],
};

/** The mapping every conformance manifest shares (the time format differs for ArcGIS). */
export function conformanceMapping(timeFormat: 'iso' | 'epoch_ms' = 'iso'): Record<string, unknown> {
  return {
    grain: 'day',
    time: { field: 'updated', format: timeFormat },
    region: { field: 'district', by: 'name' },
    indicators: [{ code: 'test.conformance_value', value: 'value' }],
  };
}
