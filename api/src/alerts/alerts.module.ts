import { Module } from '@nestjs/common';
import { AlertRepository, AuditLogRepository } from '@civicpulse/db';
import { repositoryProvider } from '../database/database.module';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';

@Module({
  controllers: [AlertsController],
  providers: [AlertsService, repositoryProvider(AlertRepository), repositoryProvider(AuditLogRepository)],
})
export class AlertsModule {}
