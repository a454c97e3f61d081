import type { MigrationInterface } from 'typeorm';
import { Initial1795591031562 } from './1795591031562-initial';
import { KpiTargetRevisionAppendOnly1795591031563 } from './1795591031563-kpi-target-revision-append-only';
import { SeedCitySettings1795591031564 } from './1795591031564-seed-city-settings';
import { RollupLastComponents1795591031570 } from './1795591031570-rollup-last-components';
import { RollupWithoutForeignKeys1795591031571 } from './1795591031571-rollup-without-foreign-keys';
import { AlertEvaluation1795591031590 } from './1795591031590-alert-evaluation';
import { ObservationLineageCheckedPerBatch1795591031600 } from './1795591031600-observation-lineage-checked-per-batch';

/** Every migration class, oldest first. Listed explicitly: no globs, so bundles stay complete. */
export const MIGRATIONS: Array<new () => MigrationInterface> = [
  Initial1795591031562,
  KpiTargetRevisionAppendOnly1795591031563,
  SeedCitySettings1795591031564,
  RollupLastComponents1795591031570,
  RollupWithoutForeignKeys1795591031571,
  AlertEvaluation1795591031590,
  ObservationLineageCheckedPerBatch1795591031600,
];
