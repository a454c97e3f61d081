import { Inject, Injectable } from '@nestjs/common';
import type { LineageDto } from '@civicpulse/contracts';
import { assessFreshness, type Frequency } from '@civicpulse/domain';
import { type IndicatorLineage, type IndicatorRecord, LineageRepository } from '@civicpulse/db';
import { Cron } from 'croner';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/**
 * Expected refresh of an indicator by its frequency. The grace of one more period covers the
 * publication lag: September's monthly value (stamped 1 September) is only due in October.
 */
export const CADENCE_OF: Record<Frequency, string> = {
  hour: 'PT1H',
  day: 'P1D',
  month: 'P1M',
  quarter: 'P3M',
  year: 'P1Y',
};

function nextCronRun(schedule: string | null, after: Date, timeZone: string): Date | null {
  if (!schedule) return null;
  try {
    return new Cron(schedule, { timezone: timeZone, paused: true }).nextRun(after);
  } catch {
    // An invalid cron is reported by the sources admin; lineage just has no next run.
    return null;
  }
}

/** Lineage and freshness of indicators, for the figures that show them. */
@Injectable()
export class LineageService {
  constructor(
    private readonly lineage: LineageRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async forIndicators(
    indicators: readonly IndicatorRecord[],
    regionIds: readonly number[],
    now: Date,
  ): Promise<Map<string, LineageDto>> {
    const rows = await this.lineage.forIndicators(
      indicators.map((i) => i.id),
      regionIds,
    );
    const byId = new Map(rows.map((r) => [r.indicatorId, r]));
    return new Map(indicators.map((i) => [i.code, this.toDto(i, byId.get(i.id), now)]));
  }

  private toDto(indicator: IndicatorRecord, row: IndicatorLineage | undefined, now: Date): LineageDto {
    const lastAt = row?.lastPeriodStart ?? null;
    const staleAfterHours = row?.staleAfterSeconds ? row.staleAfterSeconds / 3600 : null;
    const freshness = assessFreshness({
      lastAt,
      now,
      cadence: staleAfterHours ?? CADENCE_OF[indicator.frequency],
      grace: staleAfterHours === null ? CADENCE_OF[indicator.frequency] : null,
      timeZone: this.config.timeZone,
    });
    const lastRunAt = row?.lastRunFinishedAt ?? row?.lastRunStartedAt ?? null;
    return {
      sourceKey: row?.sourceKey ?? null,
      sourceName: row?.sourceNameZh ?? null,
      lastRunId: row?.lastRunId ?? null,
      lastRunStatus: row?.lastRunStatus ?? null,
      lastRunAt: lastRunAt?.toISOString() ?? null,
      lastObservationAt: lastAt?.toISOString() ?? null,
      nextDueAt:
        (
          nextCronRun(row?.schedule ?? null, now, this.config.timeZone) ?? freshness.nextDueAt
        )?.toISOString() ?? null,
      stale: freshness.state === 'stale',
    };
  }
}
