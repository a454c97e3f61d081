import { Module } from '@nestjs/common';
import { AuditLogRepository } from '@civicpulse/db';
import { BrandProjectsModule } from '../brand-projects/brand-projects.module';
import { repositoryProvider } from '../database/database.module';
import { PublicController } from './public.controller';
import { PublicityController } from './publicity.controller';
import { PublicityService } from './publicity.service';

@Module({
  imports: [BrandProjectsModule],
  controllers: [PublicityController, PublicController],
  providers: [PublicityService, repositoryProvider(AuditLogRepository)],
})
export class PublicityModule {}
