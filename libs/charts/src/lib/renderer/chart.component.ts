import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  input,
  signal,
  viewChild,
} from '@angular/core';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { NgxEchartsDirective, provideEchartsCore, type ThemeOption } from 'ngx-echarts';
import type { ChartTable } from '../core/chart-table';
import type { ChartTheme } from '../core/chart-theme';
import { requestChartTurn } from './chart-turns';
import { echartsLoaded, loadEcharts } from './echarts-loader';

/** Which renderer an instance is created with. */
export type ChartRenderer = 'canvas' | 'svg';

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

/** ngx-echarts' theme for ours: ECharts' built-in dark theme, or no theme (the builders colour). */
const NO_THEME: ThemeOption = {};

/**
 * The one owner of an ECharts instance. The instance itself is created, updated (`notMerge`),
 * resized and disposed through ngx-echarts' directive with the tree-shaken core
 * (`provideEchartsCore`, loaded lazily); this component decides everything around it: when the
 * instance is created (once ECharts is in and the chart's turn has come), the theme, the renderer
 * (a change re-creates the instance), the accessible name and the data-table alternative (visually
 * hidden unless `showTable`), and image export.
 */
@Component({
  selector: 'cp-chart',
  imports: [NgxEchartsDirective],
  providers: [provideEchartsCore({ echarts: () => loadEcharts() })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="cp-chart__surface" role="img" [attr.aria-label]="ariaLabel()" [style.height]="height()">
      @if (drawnOptions(); as drawn) {
        <div
          class="cp-chart__canvas"
          echarts
          [options]="drawn"
          [theme]="echartsTheme()"
          [initOpts]="initOpts()"
          [autoResize]="true"
          (chartInit)="chart.set($event)"
        ></div>
      }
    </div>
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
    .cp-chart__canvas {
      width: 100%;
      height: 100%;
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
  readonly renderer = input<ChartRenderer>('canvas');

  /** The live instance, set by the directive once it has created it. */
  protected readonly chart = signal<EChartsType | null>(null);
  /** Whether ECharts is registered; set when the (shared) loading finishes. */
  private readonly echartsReady = signal(echartsLoaded());
  /** Whether this chart's creation turn has come (see `chart-turns.ts`); asked for once ECharts is in. */
  private readonly turn = signal(false);
  private turnRequested = false;

  /**
   * The options handed to ECharts: held back until ECharts is registered and the chart's creation
   * turn has come. The directive is only created then, so the charts of a
   * page are initialised one per frame and the browser paints the first before the others; created
   * earlier, every chart would wait for the same chunk and then draw in one long task.
   */
  protected readonly drawnOptions = computed<EChartsCoreOption | null>(() => {
    if (!this.turn() || !this.echartsReady()) return null;
    return withAriaDescription(this.options(), this.ariaLabel());
  });
  private readonly directive = viewChild(NgxEchartsDirective);
  protected readonly echartsTheme = computed<string | ThemeOption>(() =>
    this.theme() === 'dark' ? 'dark' : NO_THEME,
  );
  protected readonly initOpts = computed(() => ({ renderer: this.renderer() }));

  constructor() {
    // A new theme makes the directive dispose and re-create the instance by itself; a new renderer
    // is only read at creation, so the instance is re-created here.
    let createdWith: ChartRenderer | null = null;
    effect(() => {
      const next = this.renderer();
      const directive = this.directive();
      // No directive yet (or any more): the next one is created with the current renderer.
      if (!directive) {
        createdWith = null;
        return;
      }
      if (createdWith !== null && createdWith !== next) void directive.refreshChart();
      createdWith = next;
    });
    effect(() => {
      if (this.echartsReady()) {
        if (!this.turnRequested) {
          this.turnRequested = true;
          void requestChartTurn().then(() => this.turn.set(true));
        }
        return;
      }
      loadEcharts().then(
        () => this.echartsReady.set(true),
        (error: unknown) => console.error('ECharts failed to load', error),
      );
    });
  }

  /** The live instance (for tests and for connecting charts); `null` before the first render. */
  instance(): EChartsType | null {
    const chart = this.chart();
    return chart && !chart.isDisposed() ? chart : null;
  }

  /** Exports the current picture; PNG at 2× pixel ratio with the canvas renderer. */
  exportImage(): ChartImage | null {
    const chart = this.instance();
    if (!chart) return null;
    const background = this.theme() === 'dark' ? '#0b1526' : '#ffffff';
    const dataUrl = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: background });
    return { dataUrl, extension: this.renderer() === 'svg' ? 'svg' : 'png' };
  }
}
