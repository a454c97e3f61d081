import { Injectable } from '@nestjs/common';
import {
  BrandProjectRepository,
  type BrandProjectRecord,
  IndicatorQueryRepository,
  type IndicatorRecord,
  RegionQueryRepository,
  type RegionRecord,
} from '@civicpulse/db';
import { ReadVersionsService } from './read-versions.service';

/** Every project, indicator and region (without boundaries) as of one catalogue version. Read-only. */
export interface CatalogueSnapshot {
  projects: readonly BrandProjectRecord[];
  /** Ordered by domain, then code. */
  indicators: readonly IndicatorRecord[];
  indicatorsByCode: ReadonlyMap<string, IndicatorRecord>;
  /** City first, then by code. */
  regions: RegionRecord[];
}

/**
 * The catalogue held in memory: it changes only when the catalogue is applied or an admin edits
 * targets, publication or sources, yet every scorecard needs it. Each call probes the catalogue
 * version (one cheap query, shared with concurrent requests) and reloads on any change, by any
 * process, so nothing is ever served from an older catalogue than the last committed one.
 */
@Injectable()
export class CatalogueCache {
  private cached: { version: string; snapshot: Promise<CatalogueSnapshot> } | null = null;

  constructor(
    private readonly versions: ReadVersionsService,
    private readonly projects: BrandProjectRepository,
    private readonly indicators: IndicatorQueryRepository,
    private readonly regions: RegionQueryRepository,
  ) {}

  async snapshot(): Promise<CatalogueSnapshot> {
    const { catalogue } = await this.versions.current();
    if (this.cached?.version === catalogue) return this.cached.snapshot;
    const snapshot = this.load();
    this.cached = { version: catalogue, snapshot };
    // A failed load is not kept: the next request tries again.
    snapshot.catch(() => {
      if (this.cached?.snapshot === snapshot) this.cached = null;
    });
    return snapshot;
  }

  private async load(): Promise<CatalogueSnapshot> {
    const [projects, indicators, regions] = await Promise.all([
      this.projects.listAll(),
      this.indicators.search(),
      this.regions.list(false),
    ]);
    return {
      projects,
      indicators,
      indicatorsByCode: new Map(indicators.map((i) => [i.code, i])),
      regions,
    };
  }
}
