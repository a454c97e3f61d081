import { Inject, Injectable } from '@nestjs/common';
import type { SourceDetailDto, SourceDto } from '@civicpulse/contracts';
import {
  durationToMs,
  ManifestValidationError,
  parseSourceManifest,
  type SourceManifest,
} from '@civicpulse/connectors';
import { AuditLogRepository, SourceAdminRepository, type SourceWrite } from '@civicpulse/db';
import { ConflictError, NotFoundError, ValidationError } from '@civicpulse/server-kit';
import type { AuthUser } from '../auth/auth-user';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { CLOCK, type Clock } from '../measurement/clock';
import type { UpsertSourceDto } from './dto/source.dto';
import { toSourceDetailDto, toSourceDto } from './source-view';

/** Validates a manifest with the connector kit; its issues become field details under `manifest.`. */
function validate(manifest: UpsertSourceDto['manifest']): SourceManifest {
  try {
    return parseSourceManifest(manifest, 'api');
  } catch (error) {
    if (error instanceof ManifestValidationError) {
      throw new ValidationError(
        'Source manifest is invalid',
        error.issues.map((issue) => ({
          field: issue.path ? `manifest.${issue.path}` : 'manifest',
          problem: issue.message,
        })),
      );
    }
    throw error;
  }
}

function toWrite(manifest: SourceManifest, raw: unknown, enabled: boolean): SourceWrite {
  const staleMs = manifest.cadence?.stale_after ? durationToMs(manifest.cadence.stale_after) : undefined;
  return {
    key: manifest.key,
    nameZh: manifest.name.zh,
    nameEn: manifest.name.en,
    connectorType: manifest.connector.type,
    manifest: raw,
    schedule: manifest.schedule?.cron ?? null,
    staleAfterSeconds: staleMs === undefined ? null : Math.round(staleMs / 1000),
    ownerDepartmentCode: manifest.owner_department,
    enabled,
  };
}

/** Sources admin: manifests validated by the connector kit, every change audited. */
@Injectable()
export class SourcesService {
  constructor(
    private readonly sources: SourceAdminRepository,
    private readonly audit: AuditLogRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async list(): Promise<SourceDto[]> {
    const now = this.clock.now();
    return (await this.sources.list()).map((s) => toSourceDto(s, now, this.config.timeZone));
  }

  async get(key: string): Promise<SourceDetailDto> {
    return toSourceDetailDto(await this.find(key), this.clock.now(), this.config.timeZone);
  }

  async create(actor: AuthUser, body: UpsertSourceDto): Promise<SourceDetailDto> {
    const manifest = validate(body.manifest);
    if (!(await this.sources.create(toWrite(manifest, manifest, body.enabled ?? true)))) {
      throw new ConflictError(`Source '${manifest.key}' exists`, [
        { field: 'manifest.key', problem: 'already used' },
      ]);
    }
    await this.record(actor, 'source.create', manifest.key, undefined, manifest);
    return this.get(manifest.key);
  }

  async replace(actor: AuthUser, key: string, body: UpsertSourceDto): Promise<SourceDetailDto> {
    const before = await this.find(key);
    this.assertEditable(before.provisioned, key);
    const manifest = validate(body.manifest);
    if (manifest.key !== key) throw ValidationError.field('manifest.key', `must stay '${key}'`);
    await this.sources.update(toWrite(manifest, manifest, body.enabled ?? before.enabled));
    await this.record(actor, 'source.update', key, before.manifest, manifest);
    return this.get(key);
  }

  async setEnabled(actor: AuthUser, key: string, enabled: boolean): Promise<SourceDetailDto> {
    const before = await this.find(key);
    await this.sources.setEnabled(key, enabled);
    await this.record(
      actor,
      enabled ? 'source.enable' : 'source.disable',
      key,
      { enabled: before.enabled },
      { enabled },
    );
    return this.get(key);
  }

  async remove(actor: AuthUser, key: string): Promise<void> {
    const before = await this.find(key);
    this.assertEditable(before.provisioned, key);
    const outcome = await this.sources.delete(key);
    if (outcome === 'missing') throw new NotFoundError('Source', key);
    if (outcome === 'in_use')
      throw new ConflictError(`Source '${key}' has runs; disable it instead of deleting it`);
    await this.record(actor, 'source.delete', key, before.manifest, undefined);
  }

  private async find(key: string) {
    const source = await this.sources.findByKey(key);
    if (!source) throw new NotFoundError('Source', key);
    return source;
  }

  /** Catalogue sources are owned by their files: an API edit would be overwritten at the next apply. */
  private assertEditable(provisioned: boolean, key: string): void {
    if (provisioned)
      throw new ConflictError(
        `Source '${key}' comes from the catalogue files; edit its manifest file instead`,
      );
  }

  private async record(
    actor: AuthUser,
    action: string,
    key: string,
    before: unknown,
    after: unknown,
  ): Promise<void> {
    await this.audit.append({
      actorId: actor.id,
      actorName: actor.username,
      action,
      entityType: 'source',
      entityId: key,
      before,
      after,
    });
  }
}
