import type { Grain } from '@civicpulse/domain';
import { type ParsedTime, parseTime, type TimeFormat } from './time-formats';
import { fromLocal, periodStartOf } from './zoned-time';

/**
 * Turns raw time values into period starts: the value is parsed in its format, wall-clock
 * values are placed in the source's zone, and the result is truncated to the start of the local
 * period of `grain` in the city's zone.
 */
export class PeriodResolver {
  private readonly cache = new Map<string, Date | null>();

  constructor(
    private readonly format: TimeFormat,
    private readonly grain: Grain,
    private readonly cityTimeZone: string,
    private readonly sourceTimeZone: string = cityTimeZone,
    private readonly schoolYearStartMonth = 9,
  ) {}

  /** The instant a raw value denotes (not truncated), or null when it does not parse. */
  instantOf(raw: unknown): Date | null {
    const parsed: ParsedTime | null = parseTime(raw, this.format, this.schoolYearStartMonth);
    if (!parsed) return null;
    return parsed.kind === 'instant' ? parsed.instant : fromLocal(parsed.local, this.sourceTimeZone);
  }

  /** Start of the period containing the raw value, or null when it does not parse. */
  periodStart(raw: unknown): Date | null {
    const instant = this.instantOf(raw);
    return instant ? periodStartOf(instant, this.grain, this.cityTimeZone) : null;
  }

  /** {@link periodStart} memoised by text, for column headers that repeat on every row. */
  periodStartCached(header: string): Date | null {
    if (!this.cache.has(header)) this.cache.set(header, this.periodStart(header));
    return this.cache.get(header) ?? null;
  }
}
