import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateAccidents, generateSchools } from '../generator/event-points';
import { BUILT_IN_DISTRICTS } from './demo-city';
import { loadDemoDistricts } from './city-catalog-loader';
import { shapeContains } from './point-in-district';

function catalogWith(cityYaml: string | null, geojson: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'demo-catalog-'));
  if (cityYaml !== null) writeFileSync(join(dir, 'city.yaml'), cityYaml);
  if (geojson !== null) {
    mkdirSync(join(dir, 'geo'));
    writeFileSync(join(dir, 'geo', 'demo-city-districts.geojson'), JSON.stringify(geojson));
  }
  return dir;
}

const square = (x: number, y: number): Array<Array<[number, number]>> => [
  [
    [x, y],
    [x + 0.1, y],
    [x + 0.1, y + 0.1],
    [x, y + 0.1],
    [x, y],
  ],
];

describe('loadDemoDistricts', () => {
  it('falls back to the built-in table when the catalogue has nothing', () => {
    const districts = loadDemoDistricts({ catalogDir: catalogWith(null, null) });
    expect(districts.map((d) => d.code)).toEqual(BUILT_IN_DISTRICTS.map((d) => d.code));
    expect(districts[0].population).toBe(BUILT_IN_DISTRICTS[0].population);
  });

  it('takes populations from city.yaml and shapes from the GeoJSON', () => {
    const yaml = 'code: "990100"\ndistricts:\n  - code: "990103"\n    population: 123456\n';
    const geo = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { code: '990103' },
          geometry: { type: 'MultiPolygon', coordinates: [square(10, 20)] },
        },
      ],
    };
    const districts = loadDemoDistricts({ catalogDir: catalogWith(yaml, geo) });
    const nangang = districts.find((d) => d.code === '990103');
    expect(nangang?.population).toBe(123456);
    expect(nangang && shapeContains(nangang.shape, 10.05, 20.05)).toBe(true);
    expect(districts.find((d) => d.code === '990101')?.shape).toEqual(BUILT_IN_DISTRICTS[0].shape);
  });

  it('accepts boundaries given by the caller', () => {
    const districts = loadDemoDistricts({
      catalogDir: catalogWith(null, null),
      boundaries: new Map([['990105', [square(50, 5)]]]),
    });
    const linjiang = districts.find((d) => d.code === '990105');
    expect(linjiang && shapeContains(linjiang.shape, 50.01, 5.09)).toBe(true);
  });
});

describe('event points', () => {
  const districts = loadDemoDistricts();
  it('places every accident inside its district, in time order', () => {
    const accidents = Array.from(generateAccidents(districts, Date.parse('2023-07-01T00:00:00+08:00')));
    expect(accidents.length).toBeGreaterThan(1000);
    const byCode = new Map(districts.map((d) => [d.code, d]));
    const misplaced = accidents.filter(
      (a) => !shapeContains(byCode.get(a.districtCode)?.shape ?? [], a.point.lon, a.point.lat),
    );
    expect(misplaced).toEqual([]);
    const times = accidents.map((a) => a.occurredAt);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(accidents.map((a) => a.id)).size).toBe(accidents.length);
    expect(accidents.some((a) => a.severity === 'fatal')).toBe(true);
  });

  it('lists schools inside their districts', () => {
    const schools = Array.from(generateSchools(districts));
    expect(schools.length).toBeGreaterThan(500);
    const byCode = new Map(districts.map((d) => [d.code, d]));
    expect(
      schools.filter(
        (s) => !shapeContains(byCode.get(s.districtCode)?.shape ?? [], s.point.lon, s.point.lat),
      ),
    ).toEqual([]);
  });
});
