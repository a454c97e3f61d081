import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { EChartsCoreOption } from 'echarts/core';
import type { ChartTable } from '../core/chart-table';
import { buildBarOptions } from '../bar/bar-options';
import { ChartComponent } from './chart.component';
import { loadEcharts } from './echarts-loader';

@Component({
  imports: [ChartComponent],
  template: `<cp-chart
    [options]="options()"
    [ariaLabel]="'Bars'"
    [table]="table"
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
  readonly table: ChartTable = {
    caption: 'Bars as table',
    columns: ['District', 'Value'],
    rows: [['A', '1']],
  };
}

describe('ChartComponent', () => {
  it('initialises ECharts, applies new options, renders the table alternative and disposes', async () => {
    const fixture = TestBed.createComponent(HostComponent);
    await loadEcharts();
    await fixture.whenStable();
    const chart = fixture.debugElement.children[0].componentInstance as ChartComponent;
    const instance = chart.instance();
    expect(instance).not.toBeNull();
    const surface = (fixture.nativeElement as HTMLElement).querySelector('.cp-chart__surface');
    expect(surface?.getAttribute('role')).toBe('img');
    expect(surface?.getAttribute('aria-label')).toBe('Bars');
    expect((fixture.nativeElement as HTMLElement).querySelector('caption')?.textContent?.trim()).toBe(
      'Bars as table',
    );

    fixture.componentInstance.options.set(
      buildBarOptions(
        { categories: ['A', 'B'], series: [{ name: 's', values: [1, 2] }] },
        { locale: 'en', animation: false },
      ),
    );
    await fixture.whenStable();
    const applied = instance?.getOption() as { xAxis: { data: string[] }[] };
    expect(applied.xAxis[0].data).toEqual(['A', 'B']);
    expect(chart.exportImage()?.extension).toBe('svg');

    fixture.destroy();
    expect(instance?.isDisposed()).toBe(true);
  });
});
