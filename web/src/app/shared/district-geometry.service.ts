import { inject, Injectable } from '@angular/core';
import { registerRegionMap } from '@civicpulse/charts';
import { from, map, type Observable, shareReplay, switchMap } from 'rxjs';
import { RegionDataService } from '../core/data/region-data.service';
import { DISTRICT_MAP_NAME, toDistrictMap } from './district-map';

/**
 * The district boundaries registered with ECharts (with the map part of ECharts loaded), once per
 * session. The overview's route starts this while the page's code downloads, so the map does not
 * wait for its GeoJSON after the page's data has arrived.
 */
@Injectable({ providedIn: 'root' })
export class DistrictGeometryService {
  private readonly regionData = inject(RegionDataService);
  private registration: Observable<true> | null = null;

  /** Emits `true` once the map named `DISTRICT_MAP_NAME` can be drawn. */
  registered(): Observable<true> {
    this.registration ??= this.regionData.regions().pipe(
      switchMap((regions) => from(registerRegionMap(DISTRICT_MAP_NAME, toDistrictMap(regions.geojson)))),
      map(() => true as const),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.registration;
  }
}
