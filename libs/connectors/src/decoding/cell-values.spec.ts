import { readNumber, readText } from './cell-values';

describe('readNumber', () => {
  it.each([
    ['41.129397', 41.129397],
    [' 61285', 61285],
    ['1,234,567', 1234567],
    ['3.2万', 32000],
    ['1.5亿', 150000000],
    ['12%', 12],
    ['-4.5e2', -450],
    ['１２３', 123],
  ])('reads %p as %p', (raw, expected) => {
    expect(readNumber(raw)).toEqual({ kind: 'value', value: expected });
  });

  it('reads decimal commas when told', () => {
    expect(readNumber(' 9,1', { decimalComma: true })).toEqual({ kind: 'value', value: 9.1 });
    expect(readNumber('1.234,5', { decimalComma: true })).toEqual({ kind: 'value', value: 1234.5 });
    expect(readNumber('9,1')).toEqual({ kind: 'invalid', text: '9,1' });
  });

  it.each(['', '  ', '-', '—', '..', 's', 'NA'])('treats %p as null', (raw) => {
    expect(readNumber(raw)).toEqual({ kind: 'null' });
  });

  it('uses custom null markers instead of the defaults', () => {
    expect(readNumber('s', { nullMarkers: ['*'] })).toEqual({ kind: 'invalid', text: 's' });
    expect(readNumber('*', { nullMarkers: ['*'] })).toEqual({ kind: 'null' });
  });

  it('passes numbers and flags through and refuses text', () => {
    expect(readNumber(4912)).toEqual({ kind: 'value', value: 4912 });
    expect(readNumber(true)).toEqual({ kind: 'value', value: 1 });
    expect(readNumber(null)).toEqual({ kind: 'null' });
    expect(readNumber('October 16, 2025')).toEqual({ kind: 'invalid', text: 'October 16, 2025' });
    expect(readNumber('12-Sep')).toEqual({ kind: 'invalid', text: '12-Sep' });
    expect(readNumber('3万', { unitMultipliers: false })).toEqual({ kind: 'invalid', text: '3万' });
  });
});

describe('readText', () => {
  it('trims and nulls empties', () => {
    expect(readText('  a ')).toBe('a');
    expect(readText('')).toBeNull();
    expect(readText(12)).toBe('12');
  });
});
