import { Location } from '@angular/common';
import { inject } from '@angular/core';
import { PRIMARY_OUTLET, Router, type UrlTree } from '@angular/router';
import { loadEcharts } from '@civicpulse/charts';
import { AuthSessionService } from '../core/auth/auth-session.service';
import { RegionDataService } from '../core/data/region-data.service';
import { OverviewDataService } from './overview-data.service';

/**
 * Starts, side by side, what the overview's first charts wait for: the overview request, ECharts'
 * base chunk, the page's and the signed-in layout's code, then the district boundaries (GeoJSON,
 * for the map panel that follows the charts). Called at start-up and again from the routes (in an
 * injection context); each step is started once, so calling it again is harmless. The requests go
 * out in this order, and the browser opens only a few connections to the server: ECharts, whose
 * base imports a larger chunk it only discovers once the first has arrived, is asked for early.
 * The map part of ECharts is left for the map panel: parsing it early would compete with the
 * sparklines for the main thread.
 */
export function prefetchOverview(): void {
  inject(OverviewDataService).prefetch();
  void loadEcharts();
  void import('./overview.page');
  void import('../shell/shell.routes');
  inject(RegionDataService)
    .regions()
    .subscribe({ error: () => undefined });
}

/**
 * App initializer: a signed-in reader opening the overview (or the root, which redirects there)
 * gets its prefetch while the app bootstraps, before the router has matched and guarded the
 * route; the route's own call then finds everything under way.
 */
export function prefetchOverviewOnStart(): void {
  if (!inject(AuthSessionService).isSignedIn()) return;
  if (headsForOverview(inject(Router).parseUrl(inject(Location).path()))) prefetchOverview();
}

/** Whether a navigation heads for the overview (the signed-in root redirects there). */
export function headsForOverview(url: UrlTree | null | undefined): boolean {
  if (!url) return false;
  const path = (url.root.children[PRIMARY_OUTLET]?.segments ?? []).map((s) => s.path).join('/');
  return path === '' || path === 'overview';
}
