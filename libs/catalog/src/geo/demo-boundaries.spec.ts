import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_DISTRICTS_FILE, DEMO_OUTLINE_FILE, renderDemoBoundaryFiles } from './demo-boundary-files';
import {
  DemoLayoutMismatchError,
  generateDemoDistrictBoundaries,
  type DemoBoundaryCollection,
} from './demo-boundaries';

const CATALOG_DIR = join(__dirname, '..', '..', '..', '..', 'catalog');
const cityYaml = readFileSync(join(CATALOG_DIR, 'city.yaml'), 'utf8');
const rendered = renderDemoBoundaryFiles(cityYaml);
const districts = JSON.parse(rendered[DEMO_DISTRICTS_FILE]) as DemoBoundaryCollection;
const outline = JSON.parse(rendered[DEMO_OUTLINE_FILE]) as DemoBoundaryCollection;

describe('generated demo boundaries', () => {
  it('match the committed files (run the generator after changing city.yaml)', () => {
    // Compared as data: the committed files are formatted by prettier, the rendering is compact.
    for (const file of [DEMO_DISTRICTS_FILE, DEMO_OUTLINE_FILE]) {
      expect(JSON.parse(readFileSync(join(CATALOG_DIR, file), 'utf8'))).toEqual(JSON.parse(rendered[file]));
    }
  });

  it('have one feature per district with its code and names', () => {
    expect(districts.features.map((f) => f.properties.code)).toEqual(
      Array.from({ length: 10 }, (_, i) => String(990101 + i)),
    );
    expect(districts.features[0].properties).toEqual({
      code: '990101',
      name_zh: '东湖区',
      name_en: 'Donghu District',
    });
  });

  it('tile the city outline: every sampled point inside lies in exactly one district, none outside', () => {
    const [cityFeature] = outline.features;
    const ring = cityFeature.geometry.coordinates[0];
    const lons = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    const [minLon, maxLon, minLat, maxLat] = [
      Math.min(...lons),
      Math.max(...lons),
      Math.min(...lats),
      Math.max(...lats),
    ];
    let inside = 0;
    // An irregular step keeps sample points off the shared edges.
    for (let lon = minLon - 0.01; lon <= maxLon + 0.01; lon += 0.0131) {
      for (let lat = minLat - 0.01; lat <= maxLat + 0.01; lat += 0.0127) {
        const point: [number, number] = [lon, lat];
        const hits = districts.features.filter((f) => booleanPointInPolygon(point, f.geometry)).length;
        if (booleanPointInPolygon(point, cityFeature.geometry)) {
          inside++;
          expect(hits).toBe(1);
        } else {
          expect(hits).toBe(0);
        }
      }
    }
    expect(inside).toBeGreaterThan(500);
  });

  it('refuses a district list that does not fit the layout', () => {
    expect(() =>
      generateDemoDistrictBoundaries([{ code: '990199', nameZh: '某区', nameEn: 'Some District' }]),
    ).toThrow(DemoLayoutMismatchError);
  });
});
