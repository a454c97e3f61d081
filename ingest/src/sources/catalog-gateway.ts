import { loadCatalog } from '@civicpulse/catalog';
import {
  CatalogRepository,
  type ApplyCounts,
  type ApplyReport,
  type DataSource,
  type EntityManager,
} from '@civicpulse/db';
import type { CatalogBundle } from '@civicpulse/domain';

function counts(label: string, c: ApplyCounts): string {
  const total = c.inserted + c.updated + c.unchanged;
  const parts = [
    c.inserted && `${c.inserted} new`,
    c.updated && `${c.updated} updated`,
    c.deleted && `${c.deleted} removed`,
  ].filter(Boolean);
  return `${total} ${label}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

/** One line for people: what the catalogue holds and what this apply changed. */
export function summariseApply(report: ApplyReport): string {
  const c = report.counts;
  return [
    counts('regions', c.regions),
    counts('indicators', c.indicators),
    counts('departments', c.departments),
    counts('brand projects', c.brandProjects),
    counts('KPIs', c.brandKpis),
    report.changed ? null : 'no changes',
  ]
    .filter((part): part is string => part !== null)
    .join(', ');
}

/**
 * The catalogue side of `catalog apply`: loading/validating files (libs/catalog) and writing the
 * bundle (libs/db). Kept behind one object so the command reads as the steps it takes.
 */
export const catalogGateway = {
  /** Loads and validates the whole catalogue; throws CatalogValidationError listing every problem. */
  load(dir: string): Promise<CatalogBundle> {
    return loadCatalog(dir);
  },

  /** Applies the bundle idempotently inside the caller's transaction; returns a summary line. */
  async apply(dataSource: DataSource, bundle: CatalogBundle, manager: EntityManager): Promise<string> {
    return summariseApply(await new CatalogRepository(dataSource).apply(bundle, manager));
  },
};
