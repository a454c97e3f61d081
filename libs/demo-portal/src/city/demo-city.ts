/**
 * The demo city 示范市 (code 990100) and its ten districts, with the per-district character the
 * generator gives them: a congested core, an outer district behind on education, two districts
 * whose indicators deteriorate so that dashboards show every status.
 */

export const DEMO_CITY_CODE = '990100';
export const DEMO_CITY_NAME_ZH = '示范市';
export const DEMO_CITY_NAME_EN = 'Demo City';

/** A lon/lat ring (closed or not) in WGS84 degrees. */
export type Ring = ReadonlyArray<readonly [number, number]>;
/** Polygons of a district, each as outer ring followed by holes. */
export type DistrictShape = ReadonlyArray<ReadonlyArray<Ring>>;

/** Goodness offsets (−1…1, in units of an indicator's typical range) by domain. */
export interface DomainOffsets {
  traffic: number;
  health: number;
  education: number;
  satisfaction: number;
}

export interface DemoDistrict {
  code: string;
  nameZh: string;
  nameEn: string;
  /** Resident population at year-end 2023 (catalogue value). */
  population: number;
  /** Yearly population growth rate. */
  growth: number;
  /** Static level differences (positive = better than the city). */
  offsets: DomainOffsets;
  /** Domains whose trend runs away from the targets in this district. */
  deteriorating: ReadonlyArray<keyof DomainOffsets>;
  /** Share of the city's road traffic (vehicle-km) carried in the district. */
  trafficWeight: number;
  shape: DistrictShape;
}

type DistrictSeed = Omit<DemoDistrict, 'shape'> & { cell: [number, number] };

const SEEDS: ReadonlyArray<DistrictSeed> = [
  // The old town: the most congested roads, the best-equipped hospitals and schools.
  {
    code: '990101',
    nameZh: '东湖区',
    nameEn: 'Donghu District',
    population: 812_000,
    growth: -0.002,
    offsets: { traffic: -0.3, health: 0.12, education: 0.15, satisfaction: 0 },
    deteriorating: [],
    trafficWeight: 0.14,
    cell: [2, 0],
  },
  {
    code: '990102',
    nameZh: '明德区',
    nameEn: 'Mingde District',
    population: 946_000,
    growth: 0.002,
    offsets: { traffic: -0.12, health: 0.08, education: 0.1, satisfaction: 0.04 },
    deteriorating: [],
    trafficWeight: 0.11,
    cell: [3, 0],
  },
  {
    code: '990103',
    nameZh: '南港区',
    nameEn: 'Nangang District',
    population: 1_038_000,
    growth: 0.004,
    offsets: { traffic: -0.05, health: 0.05, education: 0.05, satisfaction: 0.02 },
    deteriorating: [],
    trafficWeight: 0.11,
    cell: [2, 1],
  },
  // Growing faster than its roads: congestion gets worse every year.
  {
    code: '990104',
    nameZh: '北苑区',
    nameEn: 'Beiyuan District',
    population: 1_124_000,
    growth: 0.012,
    offsets: { traffic: 0.02, health: 0, education: 0.03, satisfaction: 0 },
    deteriorating: ['traffic'],
    trafficWeight: 0.11,
    cell: [1, 0],
  },
  {
    code: '990105',
    nameZh: '临江区',
    nameEn: 'Linjiang District',
    population: 987_000,
    growth: 0.006,
    offsets: { traffic: 0.08, health: 0, education: 0.02, satisfaction: 0.05 },
    deteriorating: [],
    trafficWeight: 0.1,
    cell: [3, 1],
  },
  // The high-tech zone: commuter traffic at peaks, young families, well-rated services.
  {
    code: '990106',
    nameZh: '高新区',
    nameEn: 'Gaoxin District',
    population: 1_196_000,
    growth: 0.02,
    offsets: { traffic: -0.2, health: 0.05, education: 0.12, satisfaction: 0.06 },
    deteriorating: [],
    trafficWeight: 0.13,
    cell: [4, 0],
  },
  // A hospital merger gone wrong: health services and satisfaction slide.
  {
    code: '990107',
    nameZh: '云溪区',
    nameEn: 'Yunxi District',
    population: 874_000,
    growth: 0.003,
    offsets: { traffic: 0.1, health: -0.05, education: -0.05, satisfaction: -0.02 },
    deteriorating: ['health', 'satisfaction'],
    trafficWeight: 0.08,
    cell: [4, 1],
  },
  // Outer district behind on education and health.
  {
    code: '990108',
    nameZh: '松岭区',
    nameEn: 'Songling District',
    population: 693_000,
    growth: -0.004,
    offsets: { traffic: 0.15, health: -0.15, education: -0.25, satisfaction: -0.08 },
    deteriorating: [],
    trafficWeight: 0.06,
    cell: [0, 0],
  },
  {
    code: '990109',
    nameZh: '金沙区',
    nameEn: 'Jinsha District',
    population: 845_000,
    growth: 0.001,
    offsets: { traffic: 0.12, health: -0.05, education: -0.05, satisfaction: -0.06 },
    deteriorating: [],
    trafficWeight: 0.09,
    cell: [1, 1],
  },
  {
    code: '990110',
    nameZh: '清泉区',
    nameEn: 'Qingquan District',
    population: 671_000,
    growth: -0.006,
    offsets: { traffic: 0.2, health: -0.12, education: -0.22, satisfaction: 0.03 },
    deteriorating: [],
    trafficWeight: 0.07,
    cell: [0, 1],
  },
];

/** Origin and cell size of the fallback grid used when no boundary file is available. */
const GRID = { lon0: 112.8, lat0: 28.05, dLon: 0.1, dLat: 0.09 } as const;

function gridShape(cell: [number, number]): DistrictShape {
  const [col, row] = cell;
  const x0 = GRID.lon0 + col * GRID.dLon;
  const y0 = GRID.lat0 + row * GRID.dLat;
  const x1 = x0 + GRID.dLon;
  const y1 = y0 + GRID.dLat;
  return [
    [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ],
    ],
  ];
}

/** The built-in districts, with rectangular fallback boundaries. */
export const BUILT_IN_DISTRICTS: ReadonlyArray<DemoDistrict> = SEEDS.map(({ cell, ...rest }) => ({
  ...rest,
  shape: gridShape(cell),
}));

/** Population of a district at an instant expressed as fractional years since 2023-01-01. */
export function populationAt(district: DemoDistrict, years: number): number {
  // The catalogue population is the year-end 2023 count, one year after the history starts.
  return Math.round(district.population * Math.pow(1 + district.growth, years - 1));
}
