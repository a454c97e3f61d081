import type { RegionRecord } from '@civicpulse/db';

/**
 * A region to report on. A region without data of its own (typically the city, when sources
 * publish per district) is computed from its children by the indicator's region rule.
 */
export interface ScopeRegion {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  population: number | null;
  children: ScopeRegion[];
}

/** Builds scope regions for `codes` from the full region list (children attached one level down). */
export function buildScope(codes: readonly string[], all: readonly RegionRecord[]): ScopeRegion[] {
  const byCode = new Map(all.map((r) => [r.code, r]));
  const toScope = (r: RegionRecord, depth: number): ScopeRegion => ({
    id: r.id,
    code: r.code,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    population: r.population,
    children: depth > 0 ? [] : all.filter((c) => c.parentCode === r.code).map((c) => toScope(c, depth + 1)),
  });
  return codes
    .map((code) => byCode.get(code))
    .filter((r): r is RegionRecord => r !== undefined)
    .map((r) => toScope(r, 0));
}

/** Every region id whose rollups a scope needs (the regions and their children). */
export function scopeRegionIds(scope: readonly ScopeRegion[]): number[] {
  const ids = new Set<number>();
  for (const region of scope) {
    ids.add(region.id);
    for (const child of region.children) ids.add(child.id);
  }
  return [...ids];
}
