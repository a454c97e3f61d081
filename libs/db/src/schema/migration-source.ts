import type { SchemaDrift, SchemaStatement } from './schema-drift';

/**
 * Renders a schema drift as the source of a migration class, the way `typeorm migration:generate`
 * does, so new migrations start from what the entities say and are then reviewed by hand.
 */
export function renderMigrationSource(className: string, drift: SchemaDrift): string {
  const body = (statements: SchemaStatement[]): string =>
    statements.map((statement) => `    await queryRunner.query(${renderCall(statement)});`).join('\n');
  return [
    `// Generated from the entities by libs/db/scripts/generate-migration.mjs, then reviewed.`,
    `import type { MigrationInterface, QueryRunner } from 'typeorm';`,
    ``,
    `export class ${className} implements MigrationInterface {`,
    `  name = '${className}';`,
    ``,
    `  public async up(queryRunner: QueryRunner): Promise<void> {`,
    body(drift.up),
    `  }`,
    ``,
    `  public async down(queryRunner: QueryRunner): Promise<void> {`,
    body(drift.down),
    `  }`,
    `}`,
    ``,
  ].join('\n');
}

function renderCall(statement: SchemaStatement): string {
  const sql = '`' + statement.sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  return statement.parameters.length > 0 ? `${sql}, ${JSON.stringify(statement.parameters)}` : sql;
}
