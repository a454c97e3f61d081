import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDataSource } from '../data-source';
import { renderMigrationSource } from './migration-source';
import { pendingSchemaChanges } from './schema-drift';

/**
 * CLI behind `node libs/db/scripts/generate-migration.mjs <Name>`: applies the existing
 * migrations to the (empty) database at argv[2], diffs the entities against it and writes
 * src/migrations/<timestamp>-<name>.ts. Register the class in src/migrations/index.ts after review.
 */
async function main(): Promise<void> {
  const [url, name] = process.argv.slice(2);
  if (!url || !name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    throw new Error('usage: generate-migration <database-url> <PascalCaseName>');
  }
  const dataSource = createDataSource({ url });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const drift = await pendingSchemaChanges(dataSource);
    if (drift.up.length === 0) {
      process.stdout.write('Entities and migrations agree; nothing to generate.\n');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const fileName = `${timestamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}.ts`;
    const path = join(__dirname, '..', 'migrations', fileName);
    writeFileSync(path, renderMigrationSource(className, drift));
    process.stdout.write(
      `Wrote ${path} (${drift.up.length} statements). Review it, then add ${className} to MIGRATIONS.\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
