import { inject } from '@angular/core';
import { PRIMARY_OUTLET, type UrlTree } from '@angular/router';
import { loadEcharts } from '@civicpulse/charts';
import { RegionDataService } from '../core/data/region-data.service';
import { OverviewDataService } from './overview-data.service';

/**
 * Starts, side by side, what the overview's first charts wait for: the overview request, the
 * page's code, ECharts' base chunk and the district boundaries (GeoJSON). Called from the routes
 * (in their injection context) while the signed-in layout's code is still downloading; each step
 * is started once, so calling it again is harmless. The map part of ECharts is left for the map
 * panel: parsing it early would compete with the sparklines for the main thread.
 */
export function prefetchOverview(): void {
  inject(OverviewDataService).prefetch();
  void import('./overview.page');
  void loadEcharts();
  inject(RegionDataService)
    .regions()
    .subscribe({ error: () => undefined });
}

/** Whether a navigation heads for the overview (the signed-in root redirects there). */
export function headsForOverview(url: UrlTree | null | undefined): boolean {
  if (!url) return false;
  const path = (url.root.children[PRIMARY_OUTLET]?.segments ?? []).map((s) => s.path).join('/');
  return path === '' || path === 'overview';
}
