import { SourceEntity } from '@civicpulse/db';
import { createTestDatabase, type TestDatabase } from '@civicpulse/testing';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CATALOG_DIR } from '../testing/demo-health-source';
import { EXIT, runCli } from './cli';
import { parseCommandLine } from './cli-command';
import { MemoryOutput } from './cli-output';

/** `migrate`, `catalog apply`, `schema check` and `runs` against a real, initially empty database. */
describe('CLI commands on a real database', () => {
  let db: TestDatabase;
  let catalog: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    catalog = mkdtempSync(path.join(tmpdir(), 'civicpulse-catalog-'));
    cpSync(CATALOG_DIR, catalog, { recursive: true });
    env = { DATABASE_URL: db.url, DEMO_PORTAL_URL: 'http://127.0.0.1:8790' };
  });

  afterAll(async () => {
    rmSync(catalog, { recursive: true, force: true });
    await db?.drop();
  });

  async function cli(...argv: string[]): Promise<{ code: number; out: MemoryOutput }> {
    const command = parseCommandLine(argv);
    if (command.kind === 'worker') throw new Error('not a CLI command');
    const out = new MemoryOutput();
    return { code: await runCli(command, env, out), out };
  }

  const sourceKeys = async (): Promise<Array<[string, boolean]>> =>
    (await db.dataSource.getRepository(SourceEntity).find({ order: { key: 'ASC' } })).map((s) => [
      s.key,
      s.enabled,
    ]);

  it('migrates an empty database, then finds nothing to do', async () => {
    const first = await cli('migrate');
    expect(first.code).toBe(EXIT.ok);
    expect(first.out.lines.at(-1)).toMatch(/^migrations: [1-9]\d* applied, 0 pending/);
    const again = await cli('migrate');
    expect(again.out.lines.at(-1)).toMatch(/^migrations: 0 applied, 0 pending/);
    expect((await cli('schema', 'check')).code).toBe(EXIT.ok);
  });

  it('applies the catalogue and syncs the source manifests, idempotently', async () => {
    const first = await cli('catalog', 'apply', '--dir', catalog);
    expect(first.code).toBe(EXIT.ok);
    const created = (await sourceKeys()).length;
    expect(created).toBeGreaterThan(0);
    expect(first.out.lines.at(-1)).toContain(
      `sources: ${created} in files (${created} created, 0 updated, 0 unchanged, 0 disabled)`,
    );
    const again = await cli('catalog', 'apply', '--dir', catalog);
    expect(again.out.lines.at(-1)).toMatch(
      /no changes; sources: \d+ in files \(0 created, 0 updated, \d+ unchanged, 0 disabled\)/,
    );
  });

  it('refuses a bad manifest naming file, key and problem, and writes nothing', async () => {
    const before = await sourceKeys();
    const bad = path.join(catalog, 'sources', 'zz-broken.yaml');
    writeFileSync(bad, 'key: broken-source\nname: { zh: 坏, en: Broken }\nconnector: { type: nope }\n');
    try {
      const result = await cli('catalog', 'apply', '--dir', catalog);
      expect(result.code).toBe(EXIT.failed);
      const message = result.out.errors.join('\n');
      expect(message).toContain('zz-broken.yaml');
      expect(message).toContain("source 'broken-source'");
      expect(message).toMatch(/owner_department: required/);
      expect(await sourceKeys()).toEqual(before);
    } finally {
      unlinkSync(bad);
    }
  });

  it('disables (does not delete) a provisioned source whose file is gone', async () => {
    const [first] = await sourceKeys();
    const file = path.join(catalog, 'sources', `${first![0]}.yaml`);
    const text = readFileSync(file, 'utf8');
    unlinkSync(file);
    try {
      const result = await cli('catalog', 'apply', '--dir', catalog);
      expect(result.out.lines.at(-1)).toMatch(/1 disabled\)$/);
      expect((await sourceKeys()).find(([key]) => key === first![0])).toEqual([first![0], false]);
    } finally {
      writeFileSync(file, text);
    }
    await cli('catalog', 'apply', '--dir', catalog);
    expect((await sourceKeys()).find(([key]) => key === first![0])).toEqual([first![0], true]);
  });

  it('lists runs, and reports an unknown source with a non-zero exit', async () => {
    expect((await cli('runs')).out.lines).toEqual(['no runs yet']);
    const missing = await cli('run', 'no-such-source');
    expect(missing.code).toBe(EXIT.failed);
    expect(missing.out.errors.join('\n')).toMatch(
      /SourceNotFoundError: source 'no-such-source' was not found/,
    );
  });

  it('reports every invalid variable at once with the configuration exit code', async () => {
    const out = new MemoryOutput();
    const code = await runCli({ kind: 'migrate' }, { LOG_LEVEL: 'loud' }, out);
    expect(code).toBe(EXIT.config);
    expect(out.errors.join('\n')).toMatch(/DATABASE_URL[\s\S]*LOG_LEVEL|LOG_LEVEL[\s\S]*DATABASE_URL/);
  });
});
