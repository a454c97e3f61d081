import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import type { ChartTable } from '../core/chart-table';
import type { ChartTheme } from '../core/chart-theme';
import { buildBarOptions } from '../bar/bar-options';
import { buildGaugeOptions } from '../gauge/gauge-options';
import { ChartComponent, withAriaDescription } from './chart.component';

@Component({
  imports: [ChartComponent],
  template: `<cp-chart
    [options]="options()"
    [theme]="theme()"
    [ariaLabel]="'Bars'"
    [table]="table"
    [showTable]="showTable()"
    renderer="svg"
    height="200px"
  />`,
})
class HostComponent {
  readonly options = signal<EChartsCoreOption>(
    buildBarOptions(
      { categories: ['A'], series: [{ name: 's', values: [1] }] },
      { locale: 'en', animation: false },
    ),
  );
  readonly theme = signal<ChartTheme>('light');
  readonly showTable = signal(false);
  readonly table: ChartTable = {
    caption: 'Bars as table',
    columns: ['District', 'Value'],
    rows: [['A', '1']],
  };
}

type Fixture = ReturnType<typeof TestBed.createComponent<HostComponent>>;

function chartOf(fixture: Fixture): ChartComponent {
  return fixture.debugElement.children[0].componentInstance as ChartComponent;
}

/**
 * ngx-echarts creates the instance in a timer after the view, once the lazily loaded core and the
 * parts the options need have arrived and the chart's frame has come: let tasks run until an
 * instance other than `previous` is up.
 */
async function nextInstance(fixture: Fixture, previous: EChartsType | null = null): Promise<EChartsType> {
  for (let turn = 0; turn < 200; turn += 1) {
    await fixture.whenStable();
    const instance = chartOf(fixture).instance();
    if (instance && instance !== previous) return instance;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('no ECharts instance was created');
}

// The first test loads ECharts itself (one chunk of ~700 kB, transformed for jsdom): about a
// second alone, several on a busy machine, so the suite allows more than jest's default 5 s.
jest.setTimeout(30_000);

describe('ChartComponent', () => {
  it('creates the instance through ngx-echarts, applies new options without merging, and disposes', async () => {
    const fixture = TestBed.createComponent(HostComponent);
    const instance = await nextInstance(fixture);
    const root = fixture.nativeElement as HTMLElement;
    const surface = root.querySelector('.cp-chart__surface');
    expect(surface?.getAttribute('role')).toBe('img');
    expect(surface?.getAttribute('aria-label')).toBe('Bars');
    expect((surface as HTMLElement | null)?.style.height).toBe('200px');
    // The directive's element inside the surface holds ECharts' SVG.
    expect(surface?.querySelector('.cp-chart__canvas svg')).not.toBeNull();

    fixture.componentInstance.options.set(
      buildBarOptions(
        { categories: ['A', 'B'], series: [{ name: 's', values: [1, 2] }] },
        { locale: 'en', animation: false },
      ),
    );
    await fixture.whenStable();
    const applied = instance.getOption() as { xAxis: { data: string[] }[]; series: unknown[] };
    expect(applied.xAxis[0].data).toEqual(['A', 'B']);
    expect(applied.series).toHaveLength(1);
    // Same instance: new data never re-creates the chart.
    expect(chartOf(fixture).instance()).toBe(instance);
    expect(chartOf(fixture).exportImage()?.extension).toBe('svg');

    fixture.destroy();
    expect(instance.isDisposed()).toBe(true);
  });

  it('loads the part an option needs before drawing it (a gauge after bars)', async () => {
    const fixture = TestBed.createComponent(HostComponent);
    await nextInstance(fixture);
    fixture.componentInstance.options.set(
      buildGaugeOptions({ score: 72, label: 'Score' }, { locale: 'en', noScoreText: '—', animation: false }),
    );
    // Until the gauge part has registered, nothing is drawn with options ECharts cannot read.
    const gauge = await nextInstance(fixture);
    const series = (gauge.getOption() as { series: { type: string }[] }).series;
    expect(series[0].type).toBe('gauge');
    fixture.destroy();
  });

  it('re-creates the instance in the dark theme and disposes the light one', async () => {
    const fixture = TestBed.createComponent(HostComponent);
    const light = await nextInstance(fixture);
    fixture.componentInstance.theme.set('dark');
    const dark = await nextInstance(fixture, light);
    expect(light.isDisposed()).toBe(true);
    expect(dark.isDisposed()).toBeFalsy();
    fixture.destroy();
  });

  it('renders the data table alternative, hidden unless asked to show it', async () => {
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    expect(root.querySelector('caption')?.textContent?.trim()).toBe('Bars as table');
    expect(root.querySelector('tbody th[scope="row"]')?.textContent).toBe('A');
    expect(root.querySelector('table')?.classList).toContain('cp-chart__table--hidden');
    fixture.componentInstance.showTable.set(true);
    await fixture.whenStable();
    expect(root.querySelector('table')?.classList).not.toContain('cp-chart__table--hidden');
    fixture.destroy();
  });
});

describe('withAriaDescription', () => {
  it('keeps a builder description and fills in the label otherwise', () => {
    const described = { aria: { enabled: true, label: { enabled: true, description: 'Own' } } };
    expect(withAriaDescription(described, 'Label')).toBe(described);
    expect(withAriaDescription({ aria: { enabled: true } }, 'Label')['aria']).toEqual({
      enabled: true,
      label: { enabled: true, description: 'Label' },
    });
  });
});
