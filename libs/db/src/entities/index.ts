import { AlertDeliveryEntity } from './alert-delivery.entity';
import { AlertEventEntity } from './alert-event.entity';
import { AlertRuleEntity } from './alert-rule.entity';
import { AppUserEntity } from './app-user.entity';
import { AuditLogEntity } from './audit-log.entity';
import { BrandKpiEntity } from './brand-kpi.entity';
import { BrandProjectEntity } from './brand-project.entity';
import { CitySettingEntity } from './city-setting.entity';
import { DepartmentEntity } from './department.entity';
import { IndicatorEntity } from './indicator.entity';
import { IngestRejectEntity } from './ingest-reject.entity';
import { IngestRunEntity } from './ingest-run.entity';
import { KpiTargetRevisionEntity } from './kpi-target-revision.entity';
import { MilestoneEntity } from './milestone.entity';
import { ObservationEntity } from './observation.entity';
import { RegionEntity } from './region.entity';
import { RollupDayEntity, RollupMonthEntity, RollupYearEntity } from './rollup.entity';
import { SourceStateEntity } from './source-state.entity';
import { SourceEntity } from './source.entity';

export * from './alert-delivery.entity';
export * from './alert-event.entity';
export * from './alert-rule.entity';
export * from './app-user.entity';
export * from './audit-log.entity';
export * from './brand-kpi.entity';
export * from './brand-project.entity';
export * from './city-setting.entity';
export * from './department.entity';
export * from './indicator.entity';
export * from './ingest-reject.entity';
export * from './ingest-run.entity';
export * from './kpi-target-revision.entity';
export * from './milestone.entity';
export * from './observation.entity';
export * from './region.entity';
export * from './rollup.entity';
export * from './source-state.entity';
export * from './source.entity';

/** Every entity class; the data source registers exactly these (no globs). */
export const ENTITIES = [
  DepartmentEntity,
  RegionEntity,
  IndicatorEntity,
  SourceEntity,
  SourceStateEntity,
  IngestRunEntity,
  IngestRejectEntity,
  ObservationEntity,
  RollupDayEntity,
  RollupMonthEntity,
  RollupYearEntity,
  AppUserEntity,
  BrandProjectEntity,
  BrandKpiEntity,
  KpiTargetRevisionEntity,
  MilestoneEntity,
  AlertRuleEntity,
  AlertEventEntity,
  AlertDeliveryEntity,
  AuditLogEntity,
  CitySettingEntity,
];
