import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { buildGaugeOptions, ChartComponent } from '@civicpulse/charts';
import { TranslationService } from '../../i18n/translation.service';
import { ChartCardComponent } from '../../shared/chart-card.component';
import { RequestErrorComponent } from '../../shared/request-error.component';
import { chartColour, colourKey } from '../../shared/status-colour';
import { BrandProjectDataService } from '../brand-project-data.service';
import { BriefPanelComponent } from './brief-panel.component';
import { KpiTableComponent } from './kpi-table.component';
import { heatmapModel, radarModel, type ChartText } from './project-charts';
import { periodChoices } from './period-choices';
import { RevisionHistoryComponent } from './revision-history.component';
import { TrendPanelComponent } from './trend-panel.component';

/** 品牌项目 detail: identity, scorecard, charts, satisfaction, target history and the brief. */
@Component({
  selector: 'cp-project-detail-page',
  imports: [
    RouterLink,
    ChartComponent,
    ChartCardComponent,
    RequestErrorComponent,
    KpiTableComponent,
    TrendPanelComponent,
    BriefPanelComponent,
    RevisionHistoryComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './project-detail.page.html',
  styleUrl: './project-detail.page.scss',
})
export class ProjectDetailPage {
  /** Route parameter. */
  readonly code = input.required<string>();
  private readonly i18n = inject(TranslationService);
  private readonly data = inject(BrandProjectDataService);
  protected readonly t = this.i18n.t;
  protected readonly name = this.i18n.name;
  protected readonly pick = this.i18n.pick;
  protected readonly number = this.i18n.number;
  protected readonly percent = this.i18n.percent;
  protected readonly date = this.i18n.date;
  protected readonly periodLabel = this.i18n.period;
  protected readonly colourKey = colourKey;
  protected readonly periods = periodChoices(new Date());
  protected readonly period = signal<string>('ytd');

  protected readonly detail = rxResource({
    params: () => this.code(),
    stream: ({ params }) => this.data.detail(params),
  });
  protected readonly scorecard = rxResource({
    params: () => ({ code: this.code(), period: this.period() }),
    stream: ({ params }) => this.data.scorecard(params.code, { period: params.period }),
  });
  protected readonly matrix = rxResource({
    params: () => ({ code: this.code(), period: this.period() }),
    stream: ({ params }) => this.data.matrix(params.code, params.period),
  });
  protected readonly revisions = rxResource({
    params: () => {
      const detail = this.detail.value();
      return detail ? { code: detail.code, kpis: detail.kpis.map((k) => k.indicatorCode) } : undefined;
    },
    stream: ({ params }) => this.data.projectTargetRevisions(params.code, params.kpis),
  });

  private readonly text = computed<ChartText>(() => ({
    locale: this.i18n.locale(),
    t: this.t,
    name: this.name,
    pick: this.pick,
  }));

  protected readonly gauge = computed(() => {
    const s = this.scorecard.value();
    if (!s) return null;
    return buildGaugeOptions(
      { score: s.score.score, colour: chartColour(s.score.colour), label: this.t('project.score') },
      { locale: this.i18n.locale(), noScoreText: this.t('project.insufficientData') },
    );
  });
  protected readonly radar = computed(() => {
    const s = this.scorecard.value();
    return s && s.kpis.length > 2 ? radarModel(s, this.text()) : null;
  });
  protected readonly heatmap = computed(() => {
    const m = this.matrix.value();
    return m ? heatmapModel(m, this.text()) : null;
  });
  protected readonly satisfactionKpis = computed(() =>
    (this.scorecard.value()?.kpis ?? []).filter((k) => k.role === 'satisfaction'),
  );

  protected choosePeriod(event: Event): void {
    if (event.target instanceof HTMLSelectElement) this.period.set(event.target.value);
  }
}
