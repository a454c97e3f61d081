import { Module } from '@nestjs/common';
import { AuditLogRepository, SourceAdminRepository } from '@civicpulse/db';
import { repositoryProvider } from '../database/database.module';
import { MeasurementModule } from '../measurement/measurement.module';
import { RunsController } from './runs.controller';
import { RunsService } from './runs.service';
import { SourcesController } from './sources.controller';
import { SourcesService } from './sources.service';

@Module({
  imports: [MeasurementModule],
  controllers: [SourcesController, RunsController],
  providers: [SourcesService, RunsService, repositoryProvider(SourceAdminRepository), repositoryProvider(AuditLogRepository)],
})
export class SourcesModule {}
