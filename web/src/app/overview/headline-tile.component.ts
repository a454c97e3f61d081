import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { buildSparklineOptions, ChartComponent, STATUS_COLOURS, unitOfChange } from '@civicpulse/charts';
import type { HeadlineIndicatorDto, LineageDto } from '@civicpulse/contracts';
import { TranslationService } from '../i18n/translation.service';
import { FreshnessComponent, freshnessLevel } from '../shared/freshness.component';
import { chartColour } from '../shared/status-colour';
import { StatusTagComponent } from '../shared/status-tag.component';

/** One headline indicator: latest value, change against the previous period, status, sparkline. */
@Component({
  selector: 'cp-headline-tile',
  imports: [ChartComponent, FreshnessComponent, StatusTagComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <article class="tile" [class]="'tile tile--' + level()">
      <h4>{{ name(item()) }}</h4>
      <p class="value">{{ number(item().latest, item()) }}</p>
      <p class="change" [class.good]="item().improving === true" [class.bad]="item().improving === false">
        {{ changeText() }}
      </p>
      <cp-status-tag [status]="item().status" [colour]="item().colour" />
      @if (item().sparkline.length > 1) {
        <cp-chart
          [options]="sparkline()"
          [ariaLabel]="t('overview.sparklineLabel', { name: name(item()) })"
          height="40px"
        />
      }
      <cp-freshness [lineage]="lineage()" [period]="date(item().latestPeriodStart, 'month')" />
    </article>
  `,
  styles: `
    .tile {
      background: #fff;
      border-radius: 8px;
      padding: 12px;
      display: flex;
      flex-direction: column;
      gap: 4px;
      border-left: 4px solid transparent;
    }
    .tile--stale {
      border-left-color: #d48806;
    }
    .tile--failed {
      border-left-color: #cf1322;
    }
    h4 {
      margin: 0;
      font-size: 14px;
      font-weight: 600;
    }
    .value {
      margin: 0;
      font-size: 22px;
      font-weight: 700;
    }
    .change {
      margin: 0;
      font-size: 13px;
      color: #4e5969;
    }
    .good {
      color: #1e7b43;
    }
    .bad {
      color: #b42318;
    }
  `,
})
export class HeadlineTileComponent {
  readonly item = input.required<HeadlineIndicatorDto>();
  private readonly i18n = inject(TranslationService);
  protected readonly t = this.i18n.t;
  protected readonly name = this.i18n.name;
  protected readonly number = this.i18n.number;
  protected readonly date = this.i18n.date;

  /**
   * The tile's lineage; the headline's own `stale` flag still counts when an older API answers
   * without lineage.
   */
  protected readonly lineage = computed<LineageDto | null>(() => {
    const item = this.item();
    const lineage: LineageDto | undefined = item.lineage;
    return lineage ? { ...lineage, stale: lineage.stale || item.stale } : null;
  });
  protected readonly level = computed(() =>
    this.lineage() ? freshnessLevel(this.lineage()) : this.item().stale ? 'stale' : 'unknown',
  );

  protected readonly changeText = computed(() => {
    const change = this.item().change;
    if (change === null) return this.t('overview.noChange');
    const arrow = change > 0 ? '▲' : change < 0 ? '▼' : '＝';
    const unit = { unit: unitOfChange(this.item().unit), indicatorCode: this.item().indicatorCode };
    return `${arrow} ${this.number(Math.abs(change), unit)} ${this.t('overview.vsPrevious')}`;
  });

  protected readonly sparkline = computed(() =>
    buildSparklineOptions(
      this.item().sparkline.map((p) => ({ at: p.t, value: p.v })),
      {
        locale: this.i18n.locale(),
        unit: this.i18n.unitLabel(this.item()),
        colour:
          STATUS_COLOURS[chartColour(this.item().colour)] === STATUS_COLOURS.none
            ? undefined
            : STATUS_COLOURS[chartColour(this.item().colour)],
      },
    ),
  );
}
