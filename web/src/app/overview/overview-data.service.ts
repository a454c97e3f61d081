import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { OverviewDto } from '@civicpulse/contracts';
import { type Observable, ReplaySubject, share } from 'rxjs';
import { API_BASE } from '../core/api-url';

/** The city operations overview. */
@Injectable({ providedIn: 'root' })
export class OverviewDataService {
  private readonly http = inject(HttpClient);
  /** A request started ahead of the page, handed to the page's first subscription. */
  private prefetched: Observable<OverviewDto> | null = null;

  /**
   * Starts the overview request now (the route calls this while the page's code downloads), so
   * the page finds it in flight instead of starting it after its chunk has arrived.
   */
  prefetch(): void {
    if (this.prefetched) return;
    const request = this.http.get<OverviewDto>(`${API_BASE}/overview`).pipe(
      // The answer, or the error, is replayed to the page as it came: no second request.
      share({
        connector: () => new ReplaySubject<OverviewDto>(1),
        resetOnError: false,
        resetOnComplete: false,
        resetOnRefCountZero: false,
      }),
    );
    // Errors reach the page's own subscription; this one only starts the request.
    request.subscribe({ error: () => undefined });
    this.prefetched = request;
  }

  overview(): Observable<OverviewDto> {
    const prefetched = this.prefetched;
    this.prefetched = null;
    return prefetched ?? this.http.get<OverviewDto>(`${API_BASE}/overview`);
  }
}
