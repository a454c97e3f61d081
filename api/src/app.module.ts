import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { createLoggerModule } from '@civicpulse/server-kit';
import { AlertsModule } from './alerts/alerts.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AppThrottlerGuard, throttlerOptions } from './bootstrap/throttling';
import type { ApiConfig } from './config/api-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { UsersModule } from './users/users.module';
import { BrandProjectsModule } from './brand-projects/brand-projects.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { OverviewModule } from './overview/overview.module';
import { PublicityModule } from './publicity/publicity.module';
import { RegionsModule } from './regions/regions.module';
import { SourcesModule } from './sources/sources.module';
import { TargetsModule } from './targets/targets.module';

/** Feature modules served under /api. */
export const FEATURE_MODULES = [
  HealthModule,
  AuthModule,
  UsersModule,
  AuditModule,
  BrandProjectsModule,
  IndicatorsModule,
  RegionsModule,
  OverviewModule,
  TargetsModule,
  PublicityModule,
  SourcesModule,
  AlertsModule,
];

/** Root module, built from an already validated config (main.ts and tests pass their own). */
@Module({})
export class AppModule {
  static forConfig(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        createLoggerModule({ level: config.logLevel }),
        ThrottlerModule.forRoot(throttlerOptions(config)),
        DatabaseModule.forRoot(),
        ...FEATURE_MODULES,
      ],
      providers: [{ provide: APP_GUARD, useClass: AppThrottlerGuard }],
    };
  }
}
