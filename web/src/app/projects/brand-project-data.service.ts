import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  BrandProjectDetailDto,
  BrandProjectListItemDto,
  BriefDto,
  BriefFormat,
  Lang,
  ProjectMatrixDto,
  ProjectTrendDto,
  ScorecardDto,
  SeriesGranularity,
  TargetRevisionDto,
} from '@civicpulse/contracts';
import { forkJoin, map, type Observable, of } from 'rxjs';
import { API_BASE, queryParams } from '../core/api-url';

/** Scope of a scorecard request: a period key (`2025`, `2025-Q3`, `ytd` …) and optional regions. */
export interface ScorecardScope {
  period?: string;
  regions?: readonly string[];
}

/** Brand projects: list, detail, scorecard, matrix, trend, brief and target history. */
@Injectable({ providedIn: 'root' })
export class BrandProjectDataService {
  private readonly http = inject(HttpClient);

  list(period?: string): Observable<BrandProjectListItemDto[]> {
    return this.http.get<BrandProjectListItemDto[]>(`${API_BASE}/brand-projects`, {
      params: queryParams({ period }),
    });
  }

  detail(code: string): Observable<BrandProjectDetailDto> {
    return this.http.get<BrandProjectDetailDto>(this.url(code));
  }

  scorecard(code: string, scope: ScorecardScope = {}): Observable<ScorecardDto> {
    return this.http.get<ScorecardDto>(this.url(code, 'scorecard'), {
      params: queryParams({ period: scope.period, regions: scope.regions?.join(',') }),
    });
  }

  matrix(code: string, period?: string): Observable<ProjectMatrixDto> {
    return this.http.get<ProjectMatrixDto>(this.url(code, 'matrix'), { params: queryParams({ period }) });
  }

  trend(
    code: string,
    kpi: string,
    options: { granularity?: SeriesGranularity; regions?: readonly string[] } = {},
  ): Observable<ProjectTrendDto> {
    return this.http.get<ProjectTrendDto>(this.url(code, 'trend'), {
      params: queryParams({ kpi, granularity: options.granularity, regions: options.regions?.join(',') }),
    });
  }

  brief(code: string, options: { period?: string; lang: Lang; format: BriefFormat }): Observable<BriefDto> {
    return this.http.get<BriefDto>(this.url(code, 'brief'), { params: queryParams(options) });
  }

  /** Target revisions of one KPI, newest first. */
  targetRevisions(code: string, indicatorCode: string): Observable<TargetRevisionDto[]> {
    return this.http.get<TargetRevisionDto[]>(
      this.url(code, 'kpis', encodeURIComponent(indicatorCode), 'revisions'),
    );
  }

  /** Target revisions of several KPIs of a project merged into one history, newest first. */
  projectTargetRevisions(code: string, indicatorCodes: readonly string[]): Observable<TargetRevisionDto[]> {
    if (indicatorCodes.length === 0) return of([]);
    return forkJoin(indicatorCodes.map((indicator) => this.targetRevisions(code, indicator))).pipe(
      map((lists) => lists.flat().sort((a, b) => b.changedAt.localeCompare(a.changedAt))),
    );
  }

  private url(code: string, ...rest: string[]): string {
    return [`${API_BASE}/brand-projects`, encodeURIComponent(code), ...rest].join('/');
  }
}
