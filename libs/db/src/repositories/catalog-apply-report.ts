/** The kinds of rows catalogue apply writes, each counted in the report. */
export const CATALOG_APPLY_KINDS = [
  'citySettings',
  'regions',
  'indicators',
  'departments',
  'brandProjects',
  'projectPartners',
  'projectRegions',
  'brandKpis',
  'milestones',
] as const;
export type CatalogApplyKind = (typeof CATALOG_APPLY_KINDS)[number];

/** What happened to the rows of one kind. `deleted` only occurs for KPIs, milestones and links. */
export interface ApplyCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

/** Outcome of one catalogue apply. */
export interface ApplyReport {
  counts: Record<CatalogApplyKind, ApplyCounts>;
  /** kpi_target_revision rows written (new KPIs and changed targets). */
  targetRevisions: number;
  /** False when the database already matched the bundle: nothing was written. */
  changed: boolean;
}

export function emptyApplyReport(): ApplyReport {
  const counts = Object.fromEntries(
    CATALOG_APPLY_KINDS.map((kind) => [kind, { inserted: 0, updated: 0, unchanged: 0, deleted: 0 }]),
  ) as Record<CatalogApplyKind, ApplyCounts>;
  return { counts, targetRevisions: 0, changed: false };
}

/** Counts one upsert: no returned row means the row was already as wanted. */
export function countUpsert(counts: ApplyCounts, row: { inserted: boolean } | undefined): void {
  if (!row) counts.unchanged += 1;
  else if (row.inserted) counts.inserted += 1;
  else counts.updated += 1;
}
