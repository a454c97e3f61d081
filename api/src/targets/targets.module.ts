import { Module } from '@nestjs/common';
import { AuditLogRepository, TargetRevisionRepository } from '@civicpulse/db';
import { BrandProjectsModule } from '../brand-projects/brand-projects.module';
import { repositoryProvider } from '../database/database.module';
import { TargetsController } from './targets.controller';
import { TargetsService } from './targets.service';

@Module({
  imports: [BrandProjectsModule],
  controllers: [TargetsController],
  providers: [
    TargetsService,
    repositoryProvider(TargetRevisionRepository),
    repositoryProvider(AuditLogRepository),
  ],
})
export class TargetsModule {}
