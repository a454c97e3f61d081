import { ChangeDetectionStrategy, Component, inject, input, signal, viewChild } from '@angular/core';
import { ChartComponent, type ChartTable, type ChartTheme } from '@civicpulse/charts';
import type { EChartsCoreOption } from 'echarts/core';
import { TranslationService } from '../i18n/translation.service';
import { downloadText, downloadUrl, tableToCsv } from './file-download';

/** A titled chart with its toolbar: show the data as a table, export a PNG. */
@Component({
  selector: 'cp-chart-card',
  imports: [ChartComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" [attr.aria-label]="heading()">
      <header>
        <h3>{{ heading() }}</h3>
        <div class="tools">
          @if (table()) {
            <button
              type="button"
              class="link"
              (click)="tableShown.set(!tableShown())"
              [attr.aria-pressed]="tableShown()"
            >
              {{ tableShown() ? t('chart.hideTable') : t('chart.showTable') }}
            </button>
          }
          @if (table()) {
            <button type="button" class="link" (click)="exportCsv()">{{ t('chart.exportCsv') }}</button>
          }
          <button type="button" class="link" (click)="exportPng()">{{ t('chart.exportPng') }}</button>
        </div>
      </header>
      <cp-chart
        [options]="options()"
        [theme]="theme()"
        [ariaLabel]="heading()"
        [table]="table()"
        [showTable]="tableShown()"
        [height]="height()"
      />
    </section>
  `,
  styles: `
    .card {
      background: #fff;
      border-radius: 8px;
      padding: 12px 16px;
      box-shadow: 0 1px 2px rgba(0, 0, 0, 0.06);
    }
    header {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
    }
    h3 {
      margin: 0;
      font-size: 15px;
    }
    .tools {
      display: flex;
      gap: 12px;
    }
    .link {
      background: none;
      border: 0;
      color: #1d4ed8;
      cursor: pointer;
      padding: 2px 0;
      font: inherit;
    }
    .link:focus-visible {
      outline: 2px solid #1d4ed8;
      outline-offset: 2px;
    }
  `,
})
export class ChartCardComponent {
  readonly heading = input.required<string>();
  readonly options = input.required<EChartsCoreOption>();
  readonly table = input<ChartTable | null>(null);
  readonly theme = input<ChartTheme>('light');
  readonly height = input('320px');
  readonly fileName = input('chart');
  protected readonly t = inject(TranslationService).t;
  protected readonly tableShown = signal(false);
  private readonly chart = viewChild.required(ChartComponent);

  protected exportCsv(): void {
    const table = this.table();
    if (table) downloadText(`${this.fileName()}.csv`, tableToCsv(table), 'text/csv;charset=utf-8');
  }

  protected exportPng(): void {
    const image = this.chart().exportImage();
    if (image) downloadUrl(`${this.fileName()}.${image.extension}`, image.dataUrl);
  }
}
