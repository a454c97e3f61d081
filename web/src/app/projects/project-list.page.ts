import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { buildGaugeOptions, ChartComponent } from '@civicpulse/charts';
import type { BrandProjectListItemDto } from '@civicpulse/contracts';
import type { EChartsCoreOption } from 'echarts/core';
import { TranslationService } from '../i18n/translation.service';
import { FreshnessComponent, freshnessLevel } from '../shared/freshness.component';
import { summaryLineage } from '../shared/freshness-summary';
import { RequestErrorComponent } from '../shared/request-error.component';
import { chartColour, colourKey } from '../shared/status-colour';
import { BrandProjectDataService } from './brand-project-data.service';

/** 品牌项目 list: score gauge, colour, coverage and freshness per project. */
@Component({
  selector: 'cp-project-list-page',
  imports: [RouterLink, ChartComponent, FreshnessComponent, RequestErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './project-list.page.html',
  styleUrl: './project-list.page.scss',
})
export class ProjectListPage {
  private readonly i18n = inject(TranslationService);
  private readonly data = inject(BrandProjectDataService);
  protected readonly t = this.i18n.t;
  protected readonly name = this.i18n.name;
  protected readonly pick = this.i18n.pick;
  protected readonly percent = this.i18n.percent;
  protected readonly date = this.i18n.date;
  protected readonly period = this.i18n.period;
  protected readonly colourKey = colourKey;
  protected readonly projects = rxResource({ stream: () => this.data.list() });

  /** Options are built once per data or language change, not on every render. */
  protected readonly cards = computed(() =>
    (this.projects.value() ?? []).map((project) => {
      const lineage = summaryLineage(project.freshness);
      return { project, gauge: this.gauge(project), lineage, level: freshnessLevel(lineage) };
    }),
  );

  private gauge(project: BrandProjectListItemDto): EChartsCoreOption {
    return buildGaugeOptions(
      {
        score: project.score.score,
        colour: chartColour(project.score.colour),
        label: this.t('project.score'),
      },
      {
        locale: this.i18n.locale(),
        noScoreText: this.t('project.insufficientData'),
        compact: true,
        animation: false,
      },
    );
  }
}
