import { createDataSource, type DataSource } from '@civicpulse/db';
import type { IngestConfig } from '../config/ingest-config';

/**
 * What CLI commands share: the config and a lazily opened data source (commands that need no
 * database, like `check` of a manifest file, never connect).
 */
export class CliContext {
  private opened: DataSource | null = null;

  constructor(readonly config: IngestConfig) {}

  async dataSource(): Promise<DataSource> {
    if (!this.opened) {
      const dataSource = createDataSource({
        url: this.config.databaseUrl,
        applicationName: 'civicpulse-ingest-cli',
        // One run: its lock, the batch's write connections, and one for bookkeeping.
        poolSize: Math.max(4, 2 + this.config.writeConnections),
      });
      await dataSource.initialize();
      this.opened = dataSource;
    }
    return this.opened;
  }

  async close(): Promise<void> {
    if (this.opened?.isInitialized) await this.opened.destroy();
    this.opened = null;
  }
}
