import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { PublicBrandProjectDto } from '@civicpulse/contracts';
import type { Observable } from 'rxjs';
import { API_BASE } from '../core/api-url';

/** The public (no login) showcase of a published brand project. */
@Injectable({ providedIn: 'root' })
export class PublicProjectDataService {
  private readonly http = inject(HttpClient);

  project(code: string): Observable<PublicBrandProjectDto> {
    return this.http.get<PublicBrandProjectDto>(
      `${API_BASE}/public/brand-projects/${encodeURIComponent(code)}`,
    );
  }
}
