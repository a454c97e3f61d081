import { Inject, Injectable } from '@nestjs/common';
import type { BrandProjectRecord, IndicatorRecord, RegionRecord } from '@civicpulse/db';
import { NotFoundError, ValidationError } from '@civicpulse/server-kit';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { CatalogueCache, type CatalogueSnapshot } from '../measurement/catalogue-cache.service';
import { buildScope, type ScopeRegion } from '../measurement/region-scope';

/** A project with the indicator definitions of its KPIs and the regions it may be scoped to. */
export interface ProjectContext {
  record: BrandProjectRecord;
  indicators: ReadonlyMap<string, IndicatorRecord>;
  regions: readonly RegionRecord[];
}

function contextOf(record: BrandProjectRecord, catalogue: CatalogueSnapshot): ProjectContext {
  return { record, indicators: catalogue.indicatorsByCode, regions: catalogue.regions };
}

function findProject(
  catalogue: CatalogueSnapshot,
  code: string,
  options: { publishedOnly?: boolean },
): ProjectContext {
  const record = catalogue.projects.find((p) => p.project.code === code);
  // Unpublished projects do not exist for the public: 404, not 403, so codes are not probed.
  if (!record || (options.publishedOnly && !record.published)) throw new NotFoundError('Brand project', code);
  return contextOf(record, catalogue);
}

function allProjects(catalogue: CatalogueSnapshot, options: { publishedOnly?: boolean }): ProjectContext[] {
  return catalogue.projects
    .filter((record) => !options.publishedOnly || record.published)
    .map((record) => contextOf(record, catalogue));
}

/** Loads projects and resolves region scopes; the one place "project not found" is decided. */
@Injectable()
export class ProjectContextService {
  constructor(
    private readonly catalogue: CatalogueCache,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async load(code: string, options: { publishedOnly?: boolean } = {}): Promise<ProjectContext> {
    return findProject(await this.catalogue.snapshot(), code, options);
  }

  async loadAll(options: { publishedOnly?: boolean } = {}): Promise<ProjectContext[]> {
    return allProjects(await this.catalogue.snapshot(), options);
  }

  /**
   * Runs `work` on a project, overlapping the catalogue version check with the work's own reads
   * (see {@link CatalogueCache.withCatalogue}).
   */
  withProject<T>(code: string, work: (context: ProjectContext) => Promise<T>): Promise<T> {
    return this.catalogue.withCatalogue((catalogue) => work(findProject(catalogue, code, {})));
  }

  /** Runs `work` on every project, overlapping the catalogue version check as {@link withProject} does. */
  withAllProjects<T>(work: (contexts: ProjectContext[]) => Promise<T>): Promise<T> {
    return this.catalogue.withCatalogue((catalogue) => work(allProjects(catalogue, {})));
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
}
