import { ValidationError } from '@civicpulse/server-kit';
import { resolveRequestedPeriod } from './period-resolver';

const NOW = new Date('2025-11-15T02:00:00Z'); // 10:00 in Shanghai
const TZ = 'Asia/Shanghai';

describe('resolveRequestedPeriod', () => {
  it.each([
    ['2025-Q3', 'quarter', '2025-07-01', '2025-09-30', '2025-Q2'],
    ['2025-09', 'month', '2025-09-01', '2025-09-30', '2025-08'],
    ['2025', 'year', '2025-01-01', '2025-12-31', '2024'],
    ['2025-01..2025-06', 'range', '2025-01-01', '2025-06-30', '2024-07..2024-12'],
  ])('%s', (text, kind, from, to, previous) => {
    const { dto } = resolveRequestedPeriod(text, NOW, TZ);
    expect(dto).toMatchObject({ kind, from, to, previousKey: previous, timeZone: TZ });
  });

  it('reads ytd as the local year to today and is the default', () => {
    const { dto } = resolveRequestedPeriod(undefined, NOW, TZ);
    expect(dto).toMatchObject({
      key: 'ytd:2025-11-15',
      kind: 'to_date',
      from: '2025-01-01',
      to: '2025-11-15',
      previousKey: 'ytd:2024-11-15',
    });
  });

  it('uses the local date, not the UTC one, for "today"', () => {
    // 23:30 UTC on 31 Dec is already 1 January in Shanghai.
    const { dto } = resolveRequestedPeriod('mtd', new Date('2025-12-31T16:30:00Z'), TZ);
    expect(dto.key).toBe('mtd:2026-01-01');
  });

  it.each(['2025-Q5', '2025-13', 'last-year', '1800', '2025-02-30'])(
    'rejects %s as a period field error',
    (text) => {
      try {
        resolveRequestedPeriod(text, NOW, TZ);
        throw new Error('expected a ValidationError');
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).details[0]?.field).toBe('period');
      }
    },
  );
});
