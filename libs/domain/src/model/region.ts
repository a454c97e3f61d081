export const REGION_LEVELS = ['city', 'district', 'subdistrict'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export interface Region {
  /** GB/T 2260-style administrative code where one exists. */
  code: string;
  nameZh: string;
  nameEn: string;
  level: RegionLevel;
  parentCode?: string | null;
  population?: number | null;
  /** Aliases used to match names in source files (浦东新区 / Pudong / 310115). */
  aliases?: string[];
}
