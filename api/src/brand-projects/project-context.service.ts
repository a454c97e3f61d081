import { Inject, Injectable } from '@nestjs/common';
import {
  BrandProjectRepository,
  type BrandProjectRecord,
  IndicatorQueryRepository,
  type IndicatorRecord,
  RegionQueryRepository,
  type RegionRecord,
} from '@civicpulse/db';
import { NotFoundError, ValidationError } from '@civicpulse/server-kit';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { buildScope, type ScopeRegion } from '../measurement/region-scope';

/** A project with the indicator definitions of its KPIs and the regions it may be scoped to. */
export interface ProjectContext {
  record: BrandProjectRecord;
  indicators: Map<string, IndicatorRecord>;
  regions: RegionRecord[];
}

/** Loads projects and resolves region scopes; the one place "project not found" is decided. */
@Injectable()
export class ProjectContextService {
  constructor(
    private readonly projects: BrandProjectRepository,
    private readonly indicators: IndicatorQueryRepository,
    private readonly regions: RegionQueryRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async load(code: string, options: { publishedOnly?: boolean } = {}): Promise<ProjectContext> {
    const record = await this.projects.findByCode(code);
    // Unpublished projects do not exist for the public: 404, not 403, so codes are not probed.
    if (!record || (options.publishedOnly && !record.published))
      throw new NotFoundError('Brand project', code);
    return this.withReferences([record]).then((list) => list[0]);
  }

  async loadAll(options: { publishedOnly?: boolean } = {}): Promise<ProjectContext[]> {
    const records = options.publishedOnly
      ? await this.projects.listPublished()
      : await this.projects.listAll();
    return this.withReferences(records);
  }

  /**
   * The regions a scorecard aggregates over: the requested codes, which must belong to the
   * project, else the project's regions, else the city.
   */
  scope(context: ProjectContext, requested: readonly string[] | undefined): ScopeRegion[] {
    const own = context.record.project.regionCodes;
    if (requested && requested.length > 0) {
      const unknown = requested.filter((code) => !own.includes(code));
      if (unknown.length > 0) {
        throw ValidationError.field('regions', `not regions of this project: ${unknown.join(', ')}`);
      }
      return buildScope([...new Set(requested)], context.regions);
    }
    return buildScope(own.length > 0 ? own : [this.config.cityCode], context.regions);
  }

  private async withReferences(records: BrandProjectRecord[]): Promise<ProjectContext[]> {
    if (records.length === 0) return [];
    const codes = [...new Set(records.flatMap((r) => r.project.kpis.map((k) => k.indicatorCode)))];
    const [indicators, regions] = await Promise.all([
      this.indicators.findByCodes(codes),
      this.regions.list(false),
    ]);
    const byCode = new Map(indicators.map((i) => [i.code, i]));
    return records.map((record) => ({ record, indicators: byCode, regions }));
  }
}
