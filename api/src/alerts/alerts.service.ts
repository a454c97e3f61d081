import { Injectable } from '@nestjs/common';
import type { AlertEventDto, AlertRuleDto, Page } from '@civicpulse/contracts';
import { type AlertEventRecord, AlertRepository, AuditLogRepository } from '@civicpulse/db';
import { NotFoundError, ValidationError } from '@civicpulse/server-kit';
import type { AuthUser } from '../auth/auth-user';
import type { AlertEventQueryDto, UpsertAlertRuleDto } from './dto/alert.dto';

function toEvent(e: AlertEventRecord): AlertEventDto {
  return {
    ...e,
    openedAt: e.openedAt.toISOString(),
    resolvedAt: e.resolvedAt?.toISOString() ?? null,
    deliveries: e.deliveries.map((d) => ({ ...d, updatedAt: d.updatedAt.toISOString() })),
  };
}

function write(body: UpsertAlertRuleDto) {
  return {
    name: body.name,
    kind: body.kind,
    indicatorCode: body.indicatorCode,
    regionCode: body.regionCode ?? null,
    threshold: body.threshold ?? null,
    windowSeconds: body.windowSeconds ?? null,
    channels: [...new Set(body.channels)],
    enabled: body.enabled,
  };
}

const badReference = (body: UpsertAlertRuleDto) =>
  new ValidationError('Unknown indicator or region', [
    { field: 'indicatorCode', problem: `'${body.indicatorCode}' must be a known indicator` },
    ...(body.regionCode
      ? [{ field: 'regionCode', problem: `'${body.regionCode}' must be a known region` }]
      : []),
  ]);

/** Alert rules and the in-app list of alert events. */
@Injectable()
export class AlertsService {
  constructor(
    private readonly alerts: AlertRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  listRules(): Promise<AlertRuleDto[]> {
    return this.alerts.listRules();
  }

  async createRule(actor: AuthUser, body: UpsertAlertRuleDto): Promise<AlertRuleDto> {
    const created = await this.alerts.createRule(write(body));
    if (!created) throw badReference(body);
    await this.record(actor, 'alert_rule.create', created.id, undefined, created);
    return created;
  }

  async updateRule(actor: AuthUser, id: number, body: UpsertAlertRuleDto): Promise<AlertRuleDto> {
    const before = await this.alerts.findRule(id);
    const outcome = await this.alerts.updateRule(id, write(body));
    if (outcome === 'missing' || !before) throw new NotFoundError('Alert rule', String(id));
    if (outcome === 'bad_reference') throw badReference(body);
    const after = (await this.alerts.findRule(id)) as AlertRuleDto;
    await this.record(actor, 'alert_rule.update', id, before, after);
    return after;
  }

  async deleteRule(actor: AuthUser, id: number): Promise<void> {
    const before = await this.alerts.findRule(id);
    if (!before || !(await this.alerts.deleteRule(id))) throw new NotFoundError('Alert rule', String(id));
    await this.record(actor, 'alert_rule.delete', id, before, undefined);
  }

  async listEvents(query: AlertEventQueryDto): Promise<Page<AlertEventDto>> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 50;
    const page = await this.alerts.listEvents({ state: query.state, offset, limit });
    return { items: page.items.map(toEvent), total: page.total, offset, limit };
  }

  async resolve(actor: AuthUser, id: number): Promise<AlertEventDto> {
    const event = await this.alerts.resolveEvent(id);
    if (!event) throw new NotFoundError('Alert', String(id));
    await this.record(actor, 'alert.resolve', id, undefined, { state: event.state });
    return toEvent(event);
  }

  private async record(
    actor: AuthUser,
    action: string,
    id: number,
    before: unknown,
    after: unknown,
  ): Promise<void> {
    const entityType = action.startsWith('alert_rule') ? 'alert_rule' : 'alert_event';
    await this.audit.append({
      actorId: actor.id,
      actorName: actor.username,
      action,
      entityType,
      entityId: String(id),
      before,
      after,
    });
  }
}
