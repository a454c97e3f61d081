import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { createDataSource } from '@civicpulse/db';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/** The initialised data source built by @civicpulse/db (entities and migrations registered, never synchronised). */
export type AppDataSource = ReturnType<typeof createDataSource>;

/** Injection token of the {@link AppDataSource}. */
export const DATA_SOURCE = Symbol('DATA_SOURCE');

/**
 * Opens the one connection pool of the process. Migrations are not run here: a CLI applies
 * them before start, and /api/health/ready reports any that are pending.
 */
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: AppDataSource) {}

  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      // Every feature's repositories need the pool; see ConfigModule for why this one is global.
      global: true,
      providers: [
        {
          provide: DATA_SOURCE,
          inject: [API_CONFIG],
          useFactory: async (config: ApiConfig): Promise<AppDataSource> => {
            const dataSource = createDataSource({
              url: config.databaseUrl,
              poolSize: config.databasePoolSize,
              applicationName: 'civicpulse-api',
            });
            return dataSource.initialize();
          },
        },
      ],
      exports: [DATA_SOURCE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** Provider of a repository class from @civicpulse/db built on the shared data source. */
export function repositoryProvider<T>(repository: new (dataSource: AppDataSource) => T) {
  return {
    provide: repository,
    inject: [DATA_SOURCE],
    useFactory: (dataSource: AppDataSource): T => new repository(dataSource),
  };
}
