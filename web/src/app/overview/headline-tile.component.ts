import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { buildSparklineOptions, ChartComponent, STATUS_COLOURS } from '@civicpulse/charts';
import type { HeadlineIndicatorDto } from '@civicpulse/contracts';
import { TranslationService } from '../i18n/translation.service';
import { chartColour } from '../shared/status-colour';
import { StatusTagComponent } from '../shared/status-tag.component';

/** One headline indicator: latest value, change against the previous period, status, sparkline. */
@Component({
  selector: 'cp-headline-tile',
  imports: [ChartComponent, StatusTagComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <article class="tile" [class.tile--stale]="item().stale">
      <h4>{{ name(item()) }}</h4>
      <p class="value">{{ number(item().latest, item().unit) }}</p>
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
      <p class="meta">
        {{ t('freshness.period') }} {{ date(item().latestPeriodStart, 'month') }}
        @if (item().stale) {
          <strong class="stale">{{ t('freshness.stale') }}</strong>
        }
      </p>
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
    .meta {
      margin: 0;
      font-size: 12px;
      color: #4e5969;
    }
    .stale {
      color: #8a5300;
      background: #fff3d6;
      padding: 0 4px;
      border-radius: 3px;
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

  protected readonly changeText = computed(() => {
    const change = this.item().change;
    if (change === null) return this.t('overview.noChange');
    const arrow = change > 0 ? '▲' : change < 0 ? '▼' : '＝';
    return `${arrow} ${this.number(Math.abs(change), this.item().unit)} ${this.t('overview.vsPrevious')}`;
  });

  protected readonly sparkline = computed(() =>
    buildSparklineOptions(
      this.item().sparkline.map((p) => ({ at: p.t, value: p.v })),
      {
        locale: this.i18n.locale(),
        unit: this.item().unit,
        colour:
          STATUS_COLOURS[chartColour(this.item().colour)] === STATUS_COLOURS.none
            ? undefined
            : STATUS_COLOURS[chartColour(this.item().colour)],
      },
    ),
  );
}
