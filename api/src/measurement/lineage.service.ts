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

/** A parsed schedule and its last answer: the next run after `from` is `next` until `next` passes. */
interface ScheduleEntry {
  cron: Cron | null;
  from: number;
  next: Date | null;
}

/** Bound on the schedules remembered (sources are few; this only guards against churn). */
const MAX_SCHEDULES = 500;

/** Lineage and freshness of indicators, for the figures that show them. */
@Injectable()
export class LineageService {
  private readonly schedules = new Map<string, ScheduleEntry>();

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
      nextDueAt: (this.nextCronRun(row?.schedule ?? null, now) ?? freshness.nextDueAt)?.toISOString() ?? null,
      stale: freshness.state === 'stale',
    };
  }

  /**
   * Next run of a cron schedule after `now`, in the city time zone. Parsing a cron and stepping
   * it costs more than the rest of a lineage, so the Cron and its answer are kept per schedule:
   * the next run after any instant in [from, next) is `next`.
   */
  private nextCronRun(schedule: string | null, now: Date): Date | null {
    if (!schedule) return null;
    const at = now.getTime();
    let entry = this.schedules.get(schedule);
    if (!entry) {
      if (this.schedules.size >= MAX_SCHEDULES) this.schedules.clear();
      let cron: Cron | null = null;
      try {
        cron = new Cron(schedule, { timezone: this.config.timeZone, paused: true });
      } catch {
        // An invalid cron is reported by the sources admin; lineage just has no next run.
      }
      entry = { cron, from: Number.POSITIVE_INFINITY, next: null };
      this.schedules.set(schedule, entry);
    }
    if (!entry.cron) return null;
    if (at < entry.from || entry.next === null || at >= entry.next.getTime()) {
      entry.from = at;
      entry.next = entry.cron.nextRun(now);
    }
    return entry.next;
  }
}
