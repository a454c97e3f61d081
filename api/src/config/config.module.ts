import { DynamicModule, Module } from '@nestjs/common';
import { API_CONFIG, type ApiConfig } from './api-config';

/**
 * Provides the validated {@link ApiConfig}. Registered once by the root module and visible to
 * every module, like Nest's own ConfigModule with isGlobal: configuration is ambient by nature,
 * and threading the object through each feature's forRoot would add ceremony, not safety.
 */
@Module({})
export class ConfigModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [{ provide: API_CONFIG, useValue: config }],
      exports: [API_CONFIG],
    };
  }
}
