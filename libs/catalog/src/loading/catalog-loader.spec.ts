import { join } from 'node:path';
import { CatalogValidationError } from '../validation/catalog-validation-error';
import type { CatalogIssue } from '../validation/catalog-issue';
import { fixtureCatalog } from './catalog-fixture';
import { loadCatalog } from './catalog-loader';

/** Loads the fixture and returns the issues it must fail with. */
async function issuesOf(...overlays: string[]): Promise<readonly CatalogIssue[]> {
  const fixture = fixtureCatalog(...overlays);
  try {
    await loadCatalog(fixture.dir);
  } catch (error: unknown) {
    if (error instanceof CatalogValidationError) return error.issues;
    throw error;
  } finally {
    fixture.remove();
  }
  throw new Error(`expected fixture ${overlays.join(' + ')} to fail validation`);
}

describe('loadCatalog on the minimal fixture', () => {
  it('maps every file to the bundle', async () => {
    const fixture = fixtureCatalog();
    try {
      const bundle = await loadCatalog(fixture.dir);
      expect(bundle.city).toEqual({
        code: '990100',
        nameZh: '示范市',
        nameEn: 'Demo City',
        timeZone: 'Asia/Shanghai',
      });
      expect(bundle.regions.map((r) => [r.code, r.level, r.parentCode])).toEqual([
        ['990100', 'city', null],
        ['990101', 'district', '990100'],
        ['990102', 'district', '990100'],
      ]);
      const east = bundle.regions[1];
      expect(east.aliases).toEqual(['东区', 'East', 'East District', '990101']);
      expect(east.boundary?.type).toBe('Polygon');
      expect(bundle.regions[0].boundary?.type).toBe('Polygon');
      expect(bundle.indicators.map((i) => i.code)).toEqual([
        'health.beds_per_1000',
        'traffic.peak_congestion_delay_index',
        'traffic.pt_motorized_mode_share',
      ]);
      expect(bundle.indicators[0]).toMatchObject({
        band: { lo: 6, hi: 8.5, tolerance: 1.5 },
        ratioScale: 1000,
        domain: 'health',
      });
      expect(bundle.indicators[1]).toMatchObject({
        regionWeight: 'vehicle_km',
        validMin: 1,
        validMax: 3,
        band: null,
      });
      const [project] = bundle.brandProjects;
      expect(project).toMatchObject({
        code: 'pilot',
        ownerDepartment: 'transport',
        partnerDepartments: ['health'],
        satisfactionShare: 0.2,
      });
      expect(project.kpis[0]).toMatchObject({
        indicatorCode: 'traffic.peak_congestion_delay_index',
        weight: 60,
        baseline: 1.8,
        baselineDate: '2023-12-31',
        target: 1.6,
        targetDate: '2026-12-31',
        regionTargets: [{ regionCode: '990101', target: 1.7 }],
      });
      expect(project.milestones).toEqual([{ date: '2024-06-01', titleZh: '启动', titleEn: 'Launch' }]);
    } finally {
      fixture.remove();
    }
  });

  it('reports a missing directory as a validation error', async () => {
    await expect(loadCatalog(join(__dirname, 'no-such-catalogue'))).rejects.toBeInstanceOf(
      CatalogValidationError,
    );
  });
});

describe('loadCatalog on bad fixtures', () => {
  it('names an unknown indicator in a KPI', async () => {
    const issues = await issuesOf('unknown-indicator');
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'brand-projects/pilot.yaml',
        path: 'kpis[1].indicator',
        message: expect.stringContaining('unknown indicator "health.bed_count"'),
        line: 17,
      }),
    ]);
  });

  it('refuses a non-numeric weight and a weight of zero, reporting both', async () => {
    const issues = await issuesOf('non-numeric-weight');
    expect(issues.map((i) => [i.file, i.path])).toEqual([
      ['brand-projects/pilot.yaml', 'kpis[0].weight'],
      ['brand-projects/pilot.yaml', 'kpis[1].weight'],
    ]);
    expect(issues[0].message).toBe('expected a number, got text "heavy"');
    expect(issues[0]).toMatchObject({ line: 11, column: 13 });
    expect(issues[1].message).toBe('expected a number > 0, got number 0');
  });

  it('refuses a duplicate region code', async () => {
    const issues = await issuesOf('duplicate-region-code');
    expect(issues).toContainEqual(
      expect.objectContaining({
        file: 'city.yaml',
        path: 'districts[1].code',
        message: expect.stringContaining('duplicate region code "990101"'),
        line: 14,
      }),
    );
  });

  it('refuses an unknown key and says which keys are allowed', async () => {
    const issues = await issuesOf('unknown-key');
    const unknown = issues.find((i) => i.path === 'indicators[0].frequncy');
    expect(unknown).toMatchObject({ file: 'indicators/traffic.yaml', line: 8, column: 5 });
    expect(unknown?.message).toMatch(/unknown key "frequncy" \(allowed here: code, name, .*frequency/);
    expect(issues).toContainEqual(
      expect.objectContaining({
        path: 'indicators[0].frequency',
        message: expect.stringMatching(/^is required \(expected one of "hour"/),
      }),
    );
  });

  it('reports malformed YAML with line and column', async () => {
    const issues = await issuesOf('malformed-yaml');
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(issue.file).toBe('departments.yaml');
      expect(issue.message).toMatch(/^YAML syntax error/);
      expect(issue.line).toBeGreaterThanOrEqual(3);
      expect(issue.column).toBeGreaterThan(0);
    }
  });

  it('refuses a key written twice in one mapping', async () => {
    const issues = await issuesOf('malformed-duplicate-key');
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'departments.yaml',
        message: expect.stringContaining('Map keys must be unique'),
        line: 4,
        column: 5,
      }),
    ]);
  });

  it('refuses targets on the wrong side for the direction, and outside the band', async () => {
    const issues = await issuesOf('wrong-side-target');
    expect(issues.map((i) => i.path)).toEqual(['kpis[0].target.value', 'kpis[1].target.value']);
    expect(issues[0].message).toContain(
      'above the baseline 1.8, but traffic.peak_congestion_delay_index is lower_is_better',
    );
    expect(issues[1].message).toContain('outside the band 6–8.5');
  });

  it('reports a missing boundary file at the key that names it', async () => {
    const issues = await issuesOf('missing-boundary-file');
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'city.yaml',
        path: 'district_boundaries_file',
        message: expect.stringContaining('"geo/missing.geojson" not found'),
        line: 6,
      }),
    ]);
  });

  it('collects the problems of several files into one error', async () => {
    const fixture = fixtureCatalog('unknown-key', 'non-numeric-weight', 'malformed-yaml');
    try {
      const error = await loadCatalog(fixture.dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CatalogValidationError);
      const issues = (error as CatalogValidationError).issues;
      expect(new Set(issues.map((i) => i.file))).toEqual(
        new Set(['departments.yaml', 'indicators/traffic.yaml', 'brand-projects/pilot.yaml']),
      );
      expect((error as Error).message).toContain(
        'brand-projects/pilot.yaml: kpis[0].weight — expected a number, got text "heavy" (line 11, column 13)',
      );
    } finally {
      fixture.remove();
    }
  });
});
