import { Module } from '@nestjs/common';
import { AlertRepository } from '@civicpulse/db';
import { BrandProjectsModule } from '../brand-projects/brand-projects.module';
import { repositoryProvider } from '../database/database.module';
import { MeasurementModule } from '../measurement/measurement.module';
import { OverviewController } from './overview.controller';
import { OverviewService } from './overview.service';

@Module({
  imports: [MeasurementModule, BrandProjectsModule],
  controllers: [OverviewController],
  providers: [OverviewService, repositoryProvider(AlertRepository)],
})
export class OverviewModule {}
