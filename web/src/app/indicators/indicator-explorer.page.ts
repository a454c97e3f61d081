import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import {
  buildBarOptions,
  buildBarTable,
  buildTrendOptions,
  buildTrendTable,
  type BarData,
  type TrendData,
} from '@civicpulse/charts';
import { SERIES_GRANULARITIES, type SeriesGranularity } from '@civicpulse/contracts';
import { DOMAINS, type Domain } from '@civicpulse/domain';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { debounceTime, map } from 'rxjs';
import { RegionDataService } from '../core/data/region-data.service';
import { domainKey, granularityKey } from '../i18n/message-keys';
import { TranslationService } from '../i18n/translation.service';
import { ChartCardComponent } from '../shared/chart-card.component';
import { downloadBlob } from '../shared/file-download';
import { RequestErrorComponent } from '../shared/request-error.component';
import { syncZorroLocale } from '../shared/zorro-locale';
import { ZorroStylesService } from '../shared/zorro-styles.service';
import { IndicatorDataService } from './indicator-data.service';
import { periodKeyLabel, yearEarlier } from './period-key';

/** 指标 explorer: find an indicator, pick districts and granularity, compare, export. */
@Component({
  selector: 'cp-indicator-explorer-page',
  imports: [FormsModule, NzSelectModule, ChartCardComponent, RequestErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './indicator-explorer.page.html',
  styleUrl: './indicator-explorer.page.scss',
})
export class IndicatorExplorerPage {
  private readonly i18n = inject(TranslationService);
  private readonly indicatorData = inject(IndicatorDataService);
  private readonly regionData = inject(RegionDataService);
  protected readonly t = this.i18n.t;
  protected readonly name = this.i18n.name;
  protected readonly pick = this.i18n.pick;
  protected readonly unitLabel = this.i18n.unitLabel;
  protected readonly domains = DOMAINS;
  protected readonly granularities = SERIES_GRANULARITIES;
  protected readonly domainKey = domainKey;
  protected readonly granularityKey = granularityKey;

  protected readonly query = signal('');
  protected readonly domain = signal<Domain | ''>('');
  protected readonly granularity = signal<SeriesGranularity>('month');
  protected readonly regions = signal<string[]>([]);

  private readonly debouncedQuery = toObservable(this.query).pipe(debounceTime(250));
  private readonly searchText = signal('');

  protected readonly indicators = rxResource({
    params: () => ({ q: this.searchText() || undefined, domain: this.domain() || undefined }),
    stream: ({ params }) => this.indicatorData.list(params),
  });
  protected readonly selected = linkedSignal<string | null>(() => this.indicators.value()?.[0]?.code ?? null);
  protected readonly selectedIndicator = computed(
    () => this.indicators.value()?.find((i) => i.code === this.selected()) ?? null,
  );
  protected readonly regionList = rxResource({
    stream: () => this.regionData.regions().pipe(map((r) => r.items.filter((i) => i.level === 'district'))),
  });

  protected readonly series = rxResource({
    params: () => {
      const code = this.selected();
      return code ? { code, granularity: this.granularity(), regions: this.regions() } : undefined;
    },
    stream: ({ params }) =>
      this.indicatorData.series(params.code, {
        granularity: params.granularity,
        regions: params.regions.length ? params.regions : undefined,
      }),
  });
  protected readonly comparison = rxResource({
    params: () => {
      const code = this.selected();
      return code ? { code, regions: this.regions() } : undefined;
    },
    stream: ({ params }) =>
      this.indicatorData.compare(params.code, {
        regions: params.regions.length ? params.regions : undefined,
      }),
  });
  /** Whether the district comparison also shows the same period a year earlier. */
  protected readonly yearOnYear = signal(false);
  protected readonly earlierComparison = rxResource({
    params: () => {
      const current = this.comparison.value();
      const period = this.yearOnYear() && current ? yearEarlier(current.periodKey) : null;
      return current && period ? { code: current.indicatorCode, regions: this.regions(), period } : undefined;
    },
    stream: ({ params }) =>
      this.indicatorData.compare(params.code, {
        period: params.period,
        regions: params.regions.length ? params.regions : undefined,
      }),
  });

  protected readonly trendChart = computed(() => {
    const dto = this.series.value();
    if (!dto) return null;
    const heading = this.t('explorer.seriesTitle', {
      name: this.name(this.selectedIndicator() ?? { nameZh: dto.indicatorCode, nameEn: dto.indicatorCode }),
    });
    const data: TrendData = {
      series: dto.series.map((s) => ({
        name: this.pick(s.regionNameZh, s.regionNameEn),
        points: s.points.map((p) => ({ at: p.t, value: p.v })),
      })),
    };
    const granularity = dto.granularity === 'hour' ? 'datetime' : dto.granularity;
    const opts = { locale: this.i18n.locale(), unit: this.i18n.unitLabel(dto), granularity } as const;
    return {
      heading,
      options: buildTrendOptions(data, { ...opts, ariaDescription: heading }),
      table: buildTrendTable(data, { ...opts, caption: heading, periodLabel: this.t('common.period') }),
    };
  });

  protected readonly compareChart = computed(() => {
    const dto = this.comparison.value();
    if (!dto) return null;
    const label = (key: string) =>
      periodKeyLabel(key, this.i18n.locale(), (day) => this.t('explorer.ytdUntil', { day }));
    const earlier = this.yearOnYear() ? this.earlierComparison.value() : null;
    const period = earlier ? `${label(dto.periodKey)} / ${label(earlier.periodKey)}` : label(dto.periodKey);
    const heading = this.t('explorer.compareTitle', { period });
    const ranked = [...dto.items].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
    const earlierValue = new Map(earlier?.items.map((i) => [i.regionCode, i.value]) ?? []);
    const data: BarData = {
      categories: ranked.map((i) => this.pick(i.regionNameZh, i.regionNameEn)),
      series: [
        { name: earlier ? label(dto.periodKey) : this.t('common.value'), values: ranked.map((i) => i.value) },
        ...(earlier
          ? [
              {
                name: label(earlier.periodKey),
                values: ranked.map((i) => earlierValue.get(i.regionCode) ?? null),
              },
            ]
          : []),
      ],
      reference:
        dto.aggregate === null ? undefined : { value: dto.aggregate, label: this.t('explorer.aggregate') },
    };
    const opts = { locale: this.i18n.locale(), unit: this.i18n.unitLabel(dto), horizontal: true };
    return {
      heading,
      options: buildBarOptions(data, { ...opts, ariaDescription: heading }),
      table: buildBarTable(data, { ...opts, caption: heading, categoryLabel: this.t('common.district') }),
    };
  });

  constructor() {
    inject(ZorroStylesService).ensureLoaded();
    syncZorroLocale();
    this.debouncedQuery.pipe(takeUntilDestroyed()).subscribe((q) => this.searchText.set(q.trim()));
  }

  protected readonly csvFailure = signal<unknown>(null);

  /** Downloads the API's CSV of exactly the series on screen. */
  protected exportCsv(): void {
    const code = this.selected();
    if (!code) return;
    const regions = this.regions();
    this.csvFailure.set(null);
    this.indicatorData
      .seriesCsv(code, { granularity: this.granularity(), regions: regions.length ? regions : undefined })
      .subscribe({
        next: (blob) => downloadBlob(`${code}-${this.granularity()}.csv`, blob),
        error: (error: unknown) => this.csvFailure.set(error),
      });
  }
}
