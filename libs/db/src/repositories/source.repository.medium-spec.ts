import { SourceStateEntity } from '../entities/source-state.entity';
import { createScratchDatabase, type ScratchDatabase } from '../scratch-database';
import { testAdminUrl } from '../test-support/test-admin-url';
import { SourceRepository, type SourceDefinition } from './source.repository';

const definition = (key: string, overrides: Partial<SourceDefinition> = {}): SourceDefinition => ({
  key,
  nameZh: `数据源 ${key}`,
  nameEn: `Source ${key}`,
  connectorType: 'socrata',
  manifest: { key, connector: { type: 'socrata', params: { base_url: '${DEMO_PORTAL_URL}' } } },
  schedule: '0 6 * * *',
  staleAfterSeconds: 86_400,
  ownerDepartmentCode: null,
  ...overrides,
});

describe('SourceRepository (real Postgres)', () => {
  let db: ScratchDatabase;
  let sources: SourceRepository;

  beforeAll(async () => {
    db = await createScratchDatabase(testAdminUrl(), { prefix: 'civicpulse_test' });
    sources = new SourceRepository(db.dataSource);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('upserts by key, touching rows (and the change marker) only on a real change', async () => {
    expect(await sources.syncProvisioned([definition('a'), definition('b')])).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      disabled: 0,
    });
    const marker = await sources.changeMarker();
    expect(marker.count).toBe(2);

    expect(await sources.syncProvisioned([definition('a'), definition('b')])).toEqual({
      created: 0,
      updated: 0,
      unchanged: 2,
      disabled: 0,
    });
    expect(await sources.changeMarker()).toEqual(marker);

    expect(
      await sources.syncProvisioned([definition('a', { schedule: '0 7 * * *' }), definition('b')]),
    ).toEqual({
      created: 0,
      updated: 1,
      unchanged: 1,
      disabled: 0,
    });
    expect(await sources.changeMarker()).not.toEqual(marker);
    expect((await sources.findByKey('a'))?.schedule).toBe('0 7 * * *');
    // The manifest is stored as written, variables unresolved.
    expect((await sources.findByKey('a'))?.manifest).toEqual(definition('a').manifest);
  });

  it('disables provisioned sources whose file is gone and lists only enabled ones', async () => {
    expect(await sources.syncProvisioned([definition('a', { schedule: '0 7 * * *' })])).toMatchObject({
      disabled: 1,
    });
    expect((await sources.listEnabled()).map((s) => s.key)).toEqual(['a']);
    expect((await sources.findByKey('b'))?.enabled).toBe(false);
  });

  it('reads saved cursors by stream', async () => {
    const a = await sources.findByKey('a');
    expect(await sources.readCursors(a!.id)).toEqual({});
    await db.dataSource
      .getRepository(SourceStateEntity)
      .save({ sourceId: a!.id, stream: 'default', cursor: '2025-01-01T00:00:00.000Z' });
    expect(await sources.readCursors(a!.id)).toEqual({ default: '2025-01-01T00:00:00.000Z' });
  });
});
