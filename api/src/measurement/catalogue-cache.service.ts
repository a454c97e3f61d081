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

  /**
   * Runs `work` on the current catalogue without waiting for the version probe first: when a
   * catalogue is held, the work starts on it at once while the probe runs alongside, and if the
   * probe reports a newer catalogue the work is redone on that one (the first result, or error,
   * is dropped). A request so pays no round trip for the probe in the common case, and still
   * never answers from a catalogue older than the one committed when it arrived.
   */
  async withCatalogue<T>(work: (catalogue: CatalogueSnapshot) => Promise<T>): Promise<T> {
    const held = await this.heldSnapshot();
    if (!held) return work(await this.snapshot());
    const speculative = work(held).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    const current = await this.snapshot();
    const outcome = await speculative;
    if (current !== held) return work(current);
    if (outcome.ok) return outcome.value;
    throw outcome.error;
  }

  /** The catalogue already loaded, if any (null while none is, or when the last load failed). */
  private async heldSnapshot(): Promise<CatalogueSnapshot | null> {
    const held = this.cached;
    if (!held) return null;
    try {
      return await held.snapshot;
    } catch {
      return null;
    }
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
