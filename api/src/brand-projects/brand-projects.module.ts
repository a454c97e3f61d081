import { Module } from '@nestjs/common';
import { BrandProjectRepository } from '@civicpulse/db';
import { repositoryProvider } from '../database/database.module';
import { MeasurementModule } from '../measurement/measurement.module';
import { BrandProjectsController } from './brand-projects.controller';
import { BrandProjectsService } from './brand-projects.service';
import { ProjectContextService } from './project-context.service';
import { ScorecardService } from './scorecard.service';
import { TrendService } from './trend.service';

@Module({
  imports: [MeasurementModule],
  controllers: [BrandProjectsController],
  providers: [
    BrandProjectsService,
    ScorecardService,
    TrendService,
    ProjectContextService,
    repositoryProvider(BrandProjectRepository),
  ],
  exports: [ScorecardService, ProjectContextService, BrandProjectRepository],
})
export class BrandProjectsModule {}
