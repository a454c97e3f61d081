import { KPI_ROLES } from '@civicpulse/domain';
import { z } from 'zod';
import { bilingual, indicatorCode, isoDate, regionCode, slugCode } from './common.schema';

const valueAt = z.strictObject({ value: z.number(), date: isoDate });

const kpiSchema = z.strictObject({
  indicator: indicatorCode,
  weight: z.number().positive(),
  role: z.enum(KPI_ROLES),
  baseline: valueAt,
  target: valueAt,
  /** Sum over a calendar year, paced against the target pro-rated to date. */
  cumulative: z.boolean().optional(),
  region_targets: z.array(z.strictObject({ region: regionCode, target: z.number() })).optional(),
  period_targets: z.array(z.strictObject({ date: isoDate, target: z.number() })).optional(),
});

/** `brand-projects/<code>.yaml`: one brand project with its KPIs and milestones. */
export const brandProjectSchema = z.strictObject({
  code: slugCode,
  name: bilingual,
  slogan: bilingual.optional(),
  positioning: bilingual,
  core_value: bilingual,
  owner_department: slugCode,
  partner_departments: z.array(slugCode).optional(),
  regions: z.array(regionCode).min(1, { error: 'expected at least one covered region' }),
  period: z.strictObject({ start: isoDate, end: isoDate }),
  satisfaction_share: z.number().min(0).max(1).optional(),
  kpis: z.array(kpiSchema).min(1, { error: 'expected at least one KPI' }),
  milestones: z.array(z.strictObject({ date: isoDate, title: bilingual })).optional(),
});

export type BrandProjectFile = z.infer<typeof brandProjectSchema>;
export type KpiEntry = BrandProjectFile['kpis'][number];
