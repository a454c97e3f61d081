import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { RegionListDto } from '@civicpulse/contracts';
import { type Observable, shareReplay } from 'rxjs';
import { API_BASE } from '../api-url';

/** Regions and their boundaries. They change only with the catalogue, so one request per session. */
@Injectable({ providedIn: 'root' })
export class RegionDataService {
  private readonly http = inject(HttpClient);
  private cached: Observable<RegionListDto> | null = null;

  regions(): Observable<RegionListDto> {
    this.cached ??= this.http
      .get<RegionListDto>(`${API_BASE}/regions`)
      .pipe(shareReplay({ bufferSize: 1, refCount: false }));
    return this.cached;
  }
}
