import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import type { ChartTable } from '../core/chart-table';
import type { ChartTheme } from '../core/chart-theme';
import { type EchartsCore, loadEcharts } from './echarts-loader';

/**
 * ECharts writes its generated (English-only) description into the surface's aria-label; when the
 * builder had no description, the component's localized label is used instead.
 */
export function withAriaDescription(options: EChartsCoreOption, label: string): EChartsCoreOption {
  const aria = options['aria'];
  const existing =
    typeof aria === 'object' && aria !== null && 'label' in aria
      ? (aria as { label?: { description?: unknown } }).label?.description
      : undefined;
  if (typeof existing === 'string' && existing.length > 0) return options;
  return { ...options, aria: { enabled: true, label: { enabled: true, description: label } } };
}

/** An exported image of the chart. */
export interface ChartImage {
  dataUrl: string;
  /** `png` for the canvas renderer, `svg` for the SVG renderer. */
  extension: 'png' | 'svg';
}

/**
 * The one owner of an ECharts instance: initialises it after render, applies new options,
 * follows the host's size, re-creates it when the theme or renderer changes, and disposes it.
 * A data table alternative is rendered for screen readers (visually hidden unless `showTable`).
 */
@Component({
  selector: 'cp-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      #host
      class="cp-chart__surface"
      role="img"
      [attr.aria-label]="ariaLabel()"
      [style.height]="height()"
    ></div>
    @if (table(); as t) {
      <table class="cp-chart__table" [class.cp-chart__table--hidden]="!showTable()">
        <caption>
          {{
            t.caption
          }}
        </caption>
        <thead>
          <tr>
            @for (c of t.columns; track $index) {
              <th scope="col">{{ c }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (r of t.rows; track $index) {
            <tr>
              @for (cell of r; track $index) {
                @if ($first) {
                  <th scope="row">{{ cell }}</th>
                } @else {
                  <td>{{ cell }}</td>
                }
              }
            </tr>
          }
        </tbody>
      </table>
    }
  `,
  styles: `
    :host {
      display: block;
      position: relative;
    }
    .cp-chart__surface {
      width: 100%;
      min-height: 40px;
    }
    .cp-chart__table {
      border-collapse: collapse;
      margin-top: 8px;
      font-size: 13px;
    }
    .cp-chart__table th,
    .cp-chart__table td {
      border: 1px solid #c9cdd4;
      padding: 2px 8px;
      text-align: left;
    }
    .cp-chart__table--hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      padding: 0;
      border: 0;
      overflow: hidden;
      clip: rect(0 0 0 0);
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `,
})
export class ChartComponent {
  /** Option object from one of the builders. */
  readonly options = input.required<EChartsCoreOption>();
  readonly theme = input<ChartTheme>('light');
  /** Short accessible name of the chart. */
  readonly ariaLabel = input.required<string>();
  readonly table = input<ChartTable | null>(null);
  readonly showTable = input(false);
  readonly height = input('320px');
  /** Canvas by default (PNG export); SVG for crisp print and for environments without canvas. */
  readonly renderer = input<'canvas' | 'svg'>('canvas');

  private readonly host = viewChild.required<ElementRef<HTMLDivElement>>('host');
  /** Set once ECharts has loaded; the render effect waits for it. */
  private readonly echarts = signal<EchartsCore | null>(null);
  private chart: EChartsType | null = null;
  private chartKey = '';
  private resizeObserver: ResizeObserver | null = null;

  constructor() {
    loadEcharts().then(
      (echarts) => this.echarts.set(echarts),
      (error: unknown) => console.error('ECharts failed to load', error),
    );
    afterRenderEffect(() => {
      const echarts = this.echarts();
      const options = this.options();
      const key = `${this.theme()}|${this.renderer()}`;
      if (!echarts) return;
      if (!this.chart || key !== this.chartKey) this.createChart(echarts, key);
      // notMerge: a builder returns the whole picture; stale series must not linger.
      this.chart?.setOption(withAriaDescription(options, this.ariaLabel()), { notMerge: true });
    });
    inject(DestroyRef).onDestroy(() => this.disposeChart());
  }

  /** The live instance (for tests and for connecting charts); `null` before the first render. */
  instance(): EChartsType | null {
    return this.chart;
  }

  /** Exports the current picture; PNG at 2× pixel ratio with the canvas renderer. */
  exportImage(): ChartImage | null {
    if (!this.chart) return null;
    const background = this.theme() === 'dark' ? '#0b1526' : '#ffffff';
    const dataUrl = this.chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: background });
    return { dataUrl, extension: this.renderer() === 'svg' ? 'svg' : 'png' };
  }

  private createChart(echarts: EchartsCore, key: string): void {
    this.disposeChart();
    const element = this.host().nativeElement;
    this.chart = echarts.init(element, this.theme() === 'dark' ? 'dark' : undefined, {
      renderer: this.renderer(),
    });
    this.chartKey = key;
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver(() => this.chart?.resize());
      this.resizeObserver.observe(element);
    }
  }

  private disposeChart(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.chart?.dispose();
    this.chart = null;
  }
}
