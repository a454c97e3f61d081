import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { buildChoroplethOptions, buildChoroplethTable, type ChoroplethData } from '@civicpulse/charts';
import type { HeadlineIndicatorDto } from '@civicpulse/contracts';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { IndicatorDataService } from '../indicators/indicator-data.service';
import { TranslationService } from '../i18n/translation.service';
import { ChartCardComponent } from '../shared/chart-card.component';
import { DistrictGeometryService } from '../shared/district-geometry.service';
import { DISTRICT_MAP_NAME } from '../shared/district-map';
import { FreshnessComponent } from '../shared/freshness.component';
import { RequestErrorComponent } from '../shared/request-error.component';
import { syncZorroLocale } from '../shared/zorro-locale';
import { ZorroStylesService } from '../shared/zorro-styles.service';

/** District choropleth of one indicator, chosen among the overview's headline indicators. */
@Component({
  selector: 'cp-district-map-panel',
  imports: [FormsModule, NzSelectModule, ChartCardComponent, FreshnessComponent, RequestErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="controls">
      <label for="cp-map-indicator">{{ t('overview.mapIndicator') }}</label>
      <nz-select
        nzId="cp-map-indicator"
        class="select"
        [ngModel]="selected()"
        (ngModelChange)="selected.set($event)"
      >
        @for (h of indicators(); track h.indicatorCode) {
          <nz-option [nzValue]="h.indicatorCode" [nzLabel]="name(h)" />
        }
      </nz-select>
    </div>
    @if (latest.error() || geometry.error()) {
      <cp-request-error [error]="latest.error() ?? geometry.error()" />
    } @else if (chart(); as c) {
      <cp-chart-card
        [heading]="c.heading"
        [options]="c.options"
        [table]="c.table"
        height="420px"
        fileName="district-map"
      />
      <cp-freshness [lineage]="latest.value()?.lineage ?? null" />
    } @else {
      <p>{{ t('common.loading') }}</p>
    }
  `,
  styles: `
    .controls {
      display: flex;
      align-items: center;
      gap: 8px;
      margin-bottom: 8px;
      flex-wrap: wrap;
    }
    .select {
      min-width: 260px;
    }
  `,
})
export class DistrictMapPanelComponent {
  readonly indicators = input.required<HeadlineIndicatorDto[]>();
  private readonly i18n = inject(TranslationService);
  private readonly indicatorData = inject(IndicatorDataService);
  protected readonly t = this.i18n.t;
  protected readonly name = this.i18n.name;
  private readonly districtGeometry = inject(DistrictGeometryService);
  /** The user's pick, reset to the first headline when the headlines change. */
  protected readonly selected = linkedSignal<string | null>(
    () => this.indicators()[0]?.indicatorCode ?? null,
  );

  protected readonly geometry = rxResource({ stream: () => this.districtGeometry.registered() });

  constructor() {
    // The panel's picker is the component library's select.
    inject(ZorroStylesService).ensureLoaded();
    syncZorroLocale();
  }

  protected readonly latest = rxResource({
    params: () => this.selected() ?? undefined,
    stream: ({ params }) => this.indicatorData.latestByRegion(params),
  });

  protected readonly chart = computed(() => {
    const latest = this.latest.value();
    if (!latest || !this.geometry.value()) return null;
    const headline = this.indicators().find((h) => h.indicatorCode === latest.indicatorCode);
    const locale = this.i18n.locale();
    const data: ChoroplethData = {
      mapName: DISTRICT_MAP_NAME,
      values: latest.items.map((i) => ({
        name: i.regionCode,
        label: this.i18n.pick(i.regionNameZh, i.regionNameEn),
        value: i.value,
      })),
    };
    const heading = this.t('overview.mapTitle', { name: this.name(headline) });
    const common = {
      locale,
      unit: this.i18n.unitLabel(latest),
      lowerIsBetter: latest.direction === 'lower_is_better',
      noDataText: this.t('common.noData'),
    };
    return {
      heading,
      options: buildChoroplethOptions(data, { ...common, ariaDescription: heading }),
      table: buildChoroplethTable(data, {
        ...common,
        caption: heading,
        regionLabel: this.t('common.district'),
        valueLabel: this.t('common.value'),
      }),
    };
  });
}
