import type { CellValue, FieldType } from '../datasets/dataset';
import { parseWhere, QuerySyntaxError, type FieldResolver } from './where-expression';

const row =
  (values: Record<string, [CellValue, FieldType]>): FieldResolver =>
  (name) => {
    const v = values[name];
    return v ? { value: v[0], type: v[1] } : undefined;
  };

// 2024-03-01 08:00 in Asia/Shanghai.
const MARCH_FIRST_8AM = Date.parse('2024-03-01T00:00:00Z');
const sample = row({
  district_code: ['990101', 'text'],
  value: [1.82, 'number'],
  month: [MARCH_FIRST_8AM, 'timestamp'],
  note: [null, 'text'],
});

describe('parseWhere', () => {
  it.each([
    ["district_code = '990101'", true],
    ["district_code != '990101'", false],
    ['value > 1.8 AND value <= 1.82', true],
    ["month > '2024-03-01T07:59:59'", true],
    ["month > '2024-03-01T08:00:00.000'", false],
    ["month between '2024-02-01' and '2024-03-31'", true],
    ["district_code in ('990102', '990101')", true],
    ["district_code not in ('990101')", false],
    ['note is null', true],
    ['note IS NOT NULL', false],
    ["district_code like '9901%'", true],
    ['(value < 1 OR district_code = "990101") AND NOT value > 5', true],
    ["month >= date'2024-03-01'", true],
    ['1=1', true],
  ])('%s → %s', (expression, expected) => {
    expect(parseWhere(expression)(sample)).toBe(expected);
  });

  it('reads zone-less timestamps as UTC for ArcGIS', () => {
    expect(parseWhere("month >= timestamp '2024-03-01 00:00:00'", { zoneless: 'utc' })(sample)).toBe(true);
    expect(parseWhere("month > timestamp '2024-03-01 00:00:00'", { zoneless: 'utc' })(sample)).toBe(false);
  });

  it('rejects malformed filters and unknown columns', () => {
    expect(() => parseWhere("district_code = '990101")).toThrow(QuerySyntaxError);
    expect(() => parseWhere('value >')).toThrow(QuerySyntaxError);
    expect(() => parseWhere('nope = 1')(sample)).toThrow(/no such column/);
  });
});
