import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { LineageDto } from '@civicpulse/contracts';
import { TranslationService } from '../i18n/translation.service';

/** How fresh a KPI's data is: fresh, stale (amber) or broken (red, the last run failed). */
export type FreshnessLevel = 'fresh' | 'stale' | 'failed' | 'unknown';

/** Freshness level of a lineage record: a failed last run outranks staleness. */
export function freshnessLevel(lineage: LineageDto | null | undefined): FreshnessLevel {
  if (!lineage || (!lineage.lastRunId && !lineage.lastObservationAt)) return 'unknown';
  if (lineage.lastRunStatus === 'failed') return 'failed';
  if (lineage.stale) return 'stale';
  return 'fresh';
}

/**
 * Period and last update of a KPI, amber when stale and red when the last run failed, with a
 * link to that run.
 */
@Component({
  selector: 'cp-freshness',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="freshness" [class]="'freshness freshness--' + level()">
      @if (period()) {
        <span>{{ t('freshness.period') }} {{ period() }}</span>
      }
      <span>{{ t('freshness.updated') }} {{ date(lineage()?.lastObservationAt, 'day') }}</span>
      @if (level() === 'stale') {
        <strong>{{ t('freshness.stale') }}</strong>
      }
      @if (level() === 'failed') {
        <strong>{{ t('freshness.failed') }}</strong>
      }
      @if (lineage()?.lastRunId; as runId) {
        <a [routerLink]="['/sources/runs', runId]">{{ t('freshness.run') }}</a>
      }
    </span>
  `,
  styles: `
    .freshness {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 8px;
      font-size: 12px;
      color: #4e5969;
      align-items: center;
    }
    .freshness--stale {
      color: #8a5300;
    }
    .freshness--stale strong {
      background: #fff3d6;
      padding: 0 4px;
      border-radius: 3px;
    }
    .freshness--failed {
      color: #a8071a;
    }
    .freshness--failed strong {
      background: #ffe4e4;
      padding: 0 4px;
      border-radius: 3px;
    }
    a {
      color: #1d4ed8;
    }
  `,
})
export class FreshnessComponent {
  readonly lineage = input<LineageDto | null>(null);
  /** Already formatted period label, e.g. "2025年第3季度". */
  readonly period = input<string>('');
  private readonly i18n = inject(TranslationService);
  protected readonly t = this.i18n.t;
  protected readonly date = this.i18n.date;
  protected readonly level = computed(() => freshnessLevel(this.lineage()));
}
