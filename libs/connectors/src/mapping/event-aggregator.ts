import type { Grain } from '@civicpulse/domain';
import type { MappedObservation } from './mapping-context';

/** One event row's share of an aggregate (1 for a count, the value for a sum or mean). */
export interface EventContribution {
  indicatorCode: string;
  regionCode: string;
  grain: Grain;
  periodStart: Date;
  value: number;
  fn: 'count' | 'sum' | 'mean';
  rowNumber: number;
}

interface Group {
  indicatorCode: string;
  regionCode: string;
  grain: Grain;
  periodStart: Date;
  fn: 'count' | 'sum' | 'mean';
  sum: number;
  count: number;
  lastRow: number;
}

/** An aggregate value with the last row that fed it (for rejects raised on the aggregate). */
export interface AggregatedObservation extends MappedObservation {
  lastRowNumber: number;
  rows: number;
}

/**
 * Folds event-level rows into one value per (indicator, region, period). Memory grows with the
 * number of open groups, never with the number of rows; when rows come ordered by time the caller
 * flushes every period older than the current one as soon as it starts.
 */
export class EventAggregator {
  private readonly groups = new Map<string, Group>();

  /** Number of groups currently held. */
  get size(): number {
    return this.groups.size;
  }

  add(contribution: EventContribution): void {
    const key = `${contribution.indicatorCode}|${contribution.regionCode}|${contribution.grain}|${contribution.periodStart.getTime()}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { ...contribution, sum: 0, count: 0, lastRow: contribution.rowNumber };
      this.groups.set(key, group);
    }
    group.sum += contribution.value;
    group.count += 1;
    group.lastRow = contribution.rowNumber;
  }

  /** Removes and returns the groups whose period starts before `instant`. */
  flushBefore(instant: Date): AggregatedObservation[] {
    return this.take((group) => group.periodStart.getTime() < instant.getTime());
  }

  /** Removes and returns every group. */
  flushAll(): AggregatedObservation[] {
    return this.take(() => true);
  }

  private take(predicate: (group: Group) => boolean): AggregatedObservation[] {
    const out: AggregatedObservation[] = [];
    for (const [key, group] of this.groups) {
      if (!predicate(group)) continue;
      this.groups.delete(key);
      const value =
        group.fn === 'count' ? group.count : group.fn === 'sum' ? group.sum : group.sum / group.count;
      out.push({
        indicatorCode: group.indicatorCode,
        regionCode: group.regionCode,
        grain: group.grain,
        periodStart: group.periodStart,
        value,
        lastRowNumber: group.lastRow,
        rows: group.count,
      });
    }
    // Stable output order regardless of arrival order keeps runs reproducible.
    return out.sort(
      (a, b) =>
        a.periodStart.getTime() - b.periodStart.getTime() ||
        a.indicatorCode.localeCompare(b.indicatorCode) ||
        a.regionCode.localeCompare(b.regionCode),
    );
  }
}
