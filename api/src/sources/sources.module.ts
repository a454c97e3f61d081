import { Module } from '@nestjs/common';
import { AuditLogRepository, MappingReferenceRepository, SourceAdminRepository } from '@civicpulse/db';
import { repositoryProvider } from '../database/database.module';
import { MeasurementModule } from '../measurement/measurement.module';
import { RunsController } from './runs.controller';
import { RunsService } from './runs.service';
import { SourceRunsService } from './source-runs.service';
import { SourcesController } from './sources.controller';
import { SourcesService } from './sources.service';

@Module({
  imports: [MeasurementModule],
  controllers: [SourcesController, RunsController],
  providers: [
    SourcesService,
    RunsService,
    SourceRunsService,
    repositoryProvider(SourceAdminRepository),
    repositoryProvider(AuditLogRepository),
    repositoryProvider(MappingReferenceRepository),
  ],
})
export class SourcesModule {}
