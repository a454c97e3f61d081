import { scratchObservationRow } from '@civicpulse/db';
import type { ObservationPoint } from '@civicpulse/domain';
import { ResolvedPointRows } from './resolved-point-rows';

function point(value: number, extra: Partial<ObservationPoint> = {}): ObservationPoint {
  return {
    indicatorCode: 'traffic.road_tpi',
    regionCode: '990101',
    grain: 'day',
    periodStart: new Date(Date.UTC(2026, 0, value)),
    value,
    ...extra,
  };
}

describe('ResolvedPointRows', () => {
  it('reads only the accepted points, with their ids, into the scratch row', () => {
    const points = [
      point(1, { numerator: 3, denominator: 4, quality: 'estimated' }),
      point(2),
      point(3, { grain: 'month' }),
    ];
    const rows = new ResolvedPointRows(points);
    rows.accept(0, 11, 21);
    rows.accept(2, 13, 23);
    const scratch = scratchObservationRow();

    expect(rows.length).toBe(2);
    expect({ ...rows.read(0, scratch) }).toEqual({
      indicatorId: 11,
      regionId: 21,
      grain: 'day',
      periodStart: points[0]?.periodStart,
      value: 1,
      numerator: 3,
      denominator: 4,
      quality: 'estimated',
    });
    const second = rows.read(1, scratch);
    expect(second).toBe(scratch);
    expect({ ...second }).toEqual({
      indicatorId: 13,
      regionId: 23,
      grain: 'month',
      periodStart: points[2]?.periodStart,
      value: 3,
      numerator: null,
      denominator: null,
      quality: undefined,
    });
  });

  it('refuses a position past the accepted rows', () => {
    const rows = new ResolvedPointRows([point(1), point(2)]);
    rows.accept(1, 11, 21);
    expect(() => rows.read(1, scratchObservationRow())).toThrow(RangeError);
  });
});
