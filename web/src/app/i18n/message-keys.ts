import type {
  AlertEventState,
  AlertRuleKind,
  RunTrigger,
  IngestRunStatusDto,
  Role,
  SeriesGranularity,
} from '@civicpulse/contracts';
import type { Domain } from '@civicpulse/domain';
import type { MessageKey } from './zh-CN';

/*
 * Typed bridges from API enums to message keys: a new enum value without a translation fails
 * the type check instead of showing a raw key.
 */
export const domainKey = (domain: Domain): MessageKey => `domain.${domain}`;
export const alertKindKey = (kind: AlertRuleKind): MessageKey => `alertKind.${kind}`;
export const roleKey = (role: Role): MessageKey => `role.${role}`;
export const runStatusKey = (status: IngestRunStatusDto): MessageKey => `run.${status}`;
export const granularityKey = (granularity: SeriesGranularity): MessageKey => `granularity.${granularity}`;
export const alertStateKey = (state: AlertEventState): MessageKey => `alertState.${state}`;
export const runTriggerKey = (trigger: RunTrigger): MessageKey => `trigger.${trigger}`;
