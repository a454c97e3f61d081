import { Inject, Injectable } from '@nestjs/common';
import type { IngestRunDetailDto, SourcePreviewDto } from '@civicpulse/contracts';
import {
  buildMappingContext,
  fromLocal,
  ManifestValidationError,
  ManifestVariableError,
  parseSourceManifest,
  previewSource,
  resolveAllowedAddresses,
  SourceError,
  substituteVariables,
} from '@civicpulse/connectors';
import { AuditLogRepository, MappingReferenceRepository, SourceAdminRepository } from '@civicpulse/db';
import {
  ConflictError,
  NotFoundError,
  ServiceUnavailableError,
  ValidationError,
} from '@civicpulse/server-kit';
import type { AuthUser } from '../auth/auth-user';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import type { BackfillSourceDto } from './dto/source-run.dto';
import { RunsService } from './runs.service';

/** Rows a preview reads when the caller does not say. */
const DEFAULT_PREVIEW_ROWS = 50;

/** Start of a city calendar day (YYYY-MM-DD, already validated), plus `addDays`. */
function dayStart(date: string, timeZone: string, addDays = 0): Date {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  const civil = new Date(Date.UTC(year, month - 1, day + addDays));
  return fromLocal(
    {
      year: civil.getUTCFullYear(),
      month: civil.getUTCMonth() + 1,
      day: civil.getUTCDate(),
      hour: 0,
      minute: 0,
      second: 0,
      millisecond: 0,
    },
    timeZone,
  );
}

/**
 * What a data team does to a source besides editing it: preview its first rows in this process
 * (nothing written), or queue a run or a backfill for the ingest worker, which claims queued runs.
 */
@Injectable()
export class SourceRunsService {
  constructor(
    private readonly sources: SourceAdminRepository,
    private readonly references: MappingReferenceRepository,
    private readonly audit: AuditLogRepository,
    private readonly runs: RunsService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async preview(key: string, limit = DEFAULT_PREVIEW_ROWS): Promise<SourcePreviewDto> {
    const source = await this.sources.findByKey(key);
    if (!source) throw new NotFoundError('Source', key);
    const { manifestVariables, allowedPrivateHosts } = this.config.sources;
    try {
      // Resolved like an ingest run does, so the preview reads what the next run would read.
      const manifest = parseSourceManifest(
        substituteVariables(source.manifest, manifestVariables),
        `source '${key}'`,
      );
      const [regions, indicators] = await Promise.all([
        this.references.regions(),
        this.references.indicators(),
      ]);
      const preview = await previewSource(
        manifest,
        buildMappingContext(this.config.timeZone, regions, indicators),
        {
          limit,
          fetch: {
            allowedAddresses: await resolveAllowedAddresses(allowedPrivateHosts),
            env: this.config.secretEnv,
          },
        },
      );
      return {
        sourceKey: key,
        rowsRead: preview.rowsRead,
        pageCount: preview.pageCount,
        observations: preview.observations.map((o) => ({
          indicatorCode: o.indicatorCode,
          regionCode: o.regionCode,
          grain: o.grain,
          periodStart: o.periodStart.toISOString(),
          value: o.value,
        })),
        rejects: preview.rejects.map((r) => ({
          rowNumber: r.rowNumber,
          reasonCode: r.reasonCode,
          message: r.message,
          raw: r.raw,
        })),
      };
    } catch (error) {
      if (error instanceof ManifestValidationError || error instanceof ManifestVariableError) {
        throw new ConflictError(`Source '${key}' cannot be read in this deployment: ${error.message}`);
      }
      if (error instanceof SourceError) {
        throw new ServiceUnavailableError(
          `Source '${key}' could not be read: ${error.name}: ${error.message}`,
        );
      }
      throw error;
    }
  }

  /** Queues an incremental run now. */
  async runNow(actor: AuthUser, key: string): Promise<IngestRunDetailDto> {
    const run = await this.sources.enqueueRun(key, 'manual', null);
    if (!run) throw new NotFoundError('Source', key);
    await this.record(actor, 'source.run', key, { runId: run.id });
    return this.runs.get(run.id);
  }

  /** Queues a reload of a window of history (city calendar days, both inclusive). */
  async backfill(actor: AuthUser, key: string, body: BackfillSourceDto): Promise<IngestRunDetailDto> {
    if (body.from > body.to) throw ValidationError.field('to', 'must not be before from');
    const zone = this.config.timeZone;
    // `to` is inclusive: the window ends where the following day begins (as the ingest CLI does).
    const window = { from: dayStart(body.from, zone), to: dayStart(body.to, zone, 1) };
    const run = await this.sources.enqueueRun(key, 'backfill', window);
    if (!run) throw new NotFoundError('Source', key);
    await this.record(actor, 'source.backfill', key, { runId: run.id, from: body.from, to: body.to });
    return this.runs.get(run.id);
  }

  private async record(actor: AuthUser, action: string, key: string, after: unknown): Promise<void> {
    await this.audit.append({
      actorId: actor.id,
      actorName: actor.username,
      action,
      entityType: 'source',
      entityId: key,
      before: undefined,
      after,
    });
  }
}
