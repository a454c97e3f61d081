import { copyField, copyRow, UncopyableValueError } from './copy-text-format';

describe('COPY text format', () => {
  it('writes NULL as \\N and escapes backslash, tab, newline and carriage return', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(copyField('\\N')).toBe('\\\\N');
    expect(copyField('示范市')).toBe('示范市');
  });

  it('writes numbers in round-trip form and rejects non-finite ones', () => {
    expect(copyField(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(copyField(-1e-7)).toBe('-1e-7');
    expect(() => copyField(Number.NaN)).toThrow(UncopyableValueError);
    expect(() => copyField(Number.POSITIVE_INFINITY)).toThrow(UncopyableValueError);
  });

  it('writes dates as UTC ISO instants and booleans as t/f', () => {
    expect(copyField(new Date('2025-01-31T23:30:00+08:00'))).toBe('2025-01-31T15:30:00.000Z');
    expect(copyRow([1, true, false, null, 'x'])).toBe('1\tt\tf\t\\N\tx\n');
  });
});
