import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { buildGaugeOptions, buildSparklineOptions, ChartComponent, STATUS_COLOURS } from '@civicpulse/charts';
import type { PublicKpiDto } from '@civicpulse/contracts';
import type { EChartsCoreOption } from 'echarts/core';
import { type AppLocale, LOCALE_NAMES, TranslationService } from '../i18n/translation.service';
import { RequestErrorComponent } from '../shared/request-error.component';
import { chartColour } from '../shared/status-colour';
import { StatusTagComponent } from '../shared/status-tag.component';
import { PublicProjectDataService } from './public-project-data.service';

/** Public showcase of a published brand project: no login, shareable, readable on a phone. */
@Component({
  selector: 'cp-showcase-page',
  imports: [ChartComponent, StatusTagComponent, RequestErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './showcase.page.html',
  styleUrl: './showcase.page.scss',
})
export class ShowcasePage {
  /** Route parameter. */
  readonly code = input.required<string>();
  private readonly i18n = inject(TranslationService);
  private readonly data = inject(PublicProjectDataService);
  protected readonly t = this.i18n.t;
  protected readonly pick = this.i18n.pick;
  protected readonly number = this.i18n.number;
  protected readonly date = this.i18n.date;
  protected readonly period = this.i18n.period;
  protected readonly locale = this.i18n.locale;
  protected readonly linkCopied = signal(false);
  protected readonly localeNames = LOCALE_NAMES;
  protected readonly otherLocale = computed<AppLocale>(() => (this.locale() === 'en' ? 'zh-CN' : 'en'));

  protected readonly project = rxResource({
    params: () => this.code(),
    stream: ({ params }) => this.data.project(params),
  });

  protected readonly gauge = computed(() => {
    const p = this.project.value();
    if (!p) return null;
    return buildGaugeOptions(
      {
        score: p.score.insufficientData ? null : p.score.score,
        colour: chartColour(p.score.colour),
        label: this.t('project.score'),
      },
      { locale: this.locale(), noScoreText: this.t('project.insufficientData') },
    );
  });

  protected readonly kpis = computed(() =>
    (this.project.value()?.kpis ?? []).map((kpi) => ({ kpi, chart: this.sparkline(kpi) })),
  );

  protected switchLocale(): void {
    this.i18n.setLocale(this.otherLocale());
  }

  protected share(): void {
    navigator.clipboard.writeText(location.href).then(
      () => this.linkCopied.set(true),
      () => this.linkCopied.set(false),
    );
  }

  private sparkline(kpi: PublicKpiDto): EChartsCoreOption {
    const colour = STATUS_COLOURS[chartColour(kpi.colour)];
    return buildSparklineOptions(
      kpi.series.map((p) => ({ at: p.t, value: p.v })),
      {
        locale: this.locale(),
        unit: this.i18n.unitLabel(kpi),
        colour: colour === STATUS_COLOURS.none ? undefined : colour,
      },
    );
  }
}
