import type { DataSource } from 'typeorm';

export interface SchemaStatement {
  sql: string;
  parameters: unknown[];
}

export interface SchemaDrift {
  /** Statements that would bring the database to what the entities describe. */
  up: SchemaStatement[];
  /** Statements that undo `up`, in the order to run them. */
  down: SchemaStatement[];
}

/**
 * Compares the entities with the live schema of `dataSource` (without changing anything) and
 * returns the SQL TypeORM's schema builder would run. Empty after all migrations have run means
 * entities and migrations agree; the same output is the starting point of a new migration.
 */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<SchemaDrift> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  const toStatement = (query: { query: string; parameters?: unknown[] }): SchemaStatement => ({
    sql: query.query,
    parameters: query.parameters ?? [],
  });
  return {
    up: log.upQueries.map(toStatement),
    down: log.downQueries.map(toStatement).reverse(),
  };
}
