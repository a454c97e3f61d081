import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { BrandKpiDto } from '@civicpulse/contracts';
import { TranslationService } from '../../i18n/translation.service';
import { ChartCardComponent } from '../../shared/chart-card.component';
import { RequestErrorComponent } from '../../shared/request-error.component';
import { BrandProjectDataService } from '../brand-project-data.service';
import { trendModel } from './project-charts';

/** Trend of one KPI against its target line or band, with milestones; the KPI is selectable. */
@Component({
  selector: 'cp-trend-panel',
  imports: [ChartCardComponent, RequestErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label class="pick">
      {{ t('project.trendKpi') }}
      <select [value]="selected() ?? ''" (change)="choose($event)">
        @for (k of kpis(); track k.indicatorCode) {
          <option [value]="k.indicatorCode">{{ pick(k.indicatorNameZh, k.indicatorNameEn) }}</option>
        }
      </select>
    </label>
    @if (trend.error()) {
      <cp-request-error [error]="trend.error()" />
    } @else if (model(); as m) {
      <cp-chart-card
        [heading]="m.heading"
        [options]="m.options"
        [table]="m.table"
        [fileName]="projectCode() + '-trend'"
      />
    } @else {
      <p>{{ t('common.loading') }}</p>
    }
  `,
  styles: `
    .pick {
      display: inline-flex;
      gap: 8px;
      align-items: center;
      margin-bottom: 8px;
    }
    select {
      padding: 4px 8px;
      font: inherit;
    }
    select:focus-visible {
      outline: 2px solid #1d4ed8;
    }
  `,
})
export class TrendPanelComponent {
  readonly projectCode = input.required<string>();
  readonly kpis = input.required<BrandKpiDto[]>();
  private readonly i18n = inject(TranslationService);
  private readonly data = inject(BrandProjectDataService);
  protected readonly t = this.i18n.t;
  protected readonly pick = this.i18n.pick;
  protected readonly selected = linkedSignal<string | null>(() => this.kpis()[0]?.indicatorCode ?? null);

  protected choose(event: Event): void {
    const target = event.target;
    if (target instanceof HTMLSelectElement) this.selected.set(target.value);
  }

  protected readonly trend = rxResource({
    params: () => {
      const kpi = this.selected();
      return kpi ? { code: this.projectCode(), kpi } : undefined;
    },
    stream: ({ params }) => this.data.trend(params.code, params.kpi, { granularity: 'month' }),
  });

  protected readonly model = computed(() => {
    const trend = this.trend.value();
    if (!trend) return null;
    const kpi = this.kpis().find((k) => k.indicatorCode === trend.indicatorCode);
    const title = kpi ? this.pick(kpi.indicatorNameZh, kpi.indicatorNameEn) : trend.indicatorCode;
    return trendModel(trend, title, {
      locale: this.i18n.locale(),
      t: this.t,
      name: this.i18n.name,
      pick: this.pick,
    });
  });
}
