import { Inject, Injectable } from '@nestjs/common';
import type { HealthDto, LivenessDto, ReadinessDto } from '@civicpulse/contracts';
import { migrationState } from '@civicpulse/db';
import { type AppDataSource, DATA_SOURCE } from '../database/database.module';

@Injectable()
export class HealthService {
  private readonly startedAt = Date.now();

  constructor(@Inject(DATA_SOURCE) private readonly dataSource: AppDataSource) {}

  liveness(): LivenessDto {
    return { status: 'ok', uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000) };
  }

  /** Liveness plus the database and migration state, for operators and the one-command start. */
  async health(): Promise<HealthDto> {
    const ready = await this.readiness();
    return {
      status: ready.status === 'ready' ? 'ok' : 'degraded',
      uptimeSeconds: this.liveness().uptimeSeconds,
      database: ready.database,
      migrations: ready.migrations,
    };
  }

  /** Ready = database answers and every migration this build knows is applied. */
  async readiness(): Promise<ReadinessDto> {
    let report: ReadinessDto;
    try {
      const state = await migrationState(this.dataSource);
      report = {
        status: state.pending.length === 0 ? 'ready' : 'not_ready',
        database: 'up',
        migrations: {
          applied: state.applied.length,
          pending: state.pending.length,
          pendingNames: state.pending,
        },
      };
    } catch {
      report = {
        status: 'not_ready',
        database: 'down',
        migrations: { applied: 0, pending: 0, pendingNames: [] },
      };
    }
    return report;
  }
}
