import type { SourceRecord } from '@civicpulse/db';
import { CronTime } from 'cron';

/** One cron job to register: a source, its expression and the zone it is read in. */
export interface ScheduledSource {
  sourceKey: string;
  cron: string;
  timeZone: string;
}

/** The jobs to have, plus sources whose schedule cannot be used (reported, not scheduled). */
export interface SchedulePlan {
  jobs: ScheduledSource[];
  invalid: Array<{ sourceKey: string; problem: string }>;
}

const JOB_PREFIX = 'source:';

/** Name of a source's job in the SchedulerRegistry. */
export function jobName(sourceKey: string): string {
  return `${JOB_PREFIX}${sourceKey}`;
}

/** The source key of a job name, or null for jobs this scheduler does not own. */
export function sourceKeyOfJob(name: string): string | null {
  return name.startsWith(JOB_PREFIX) ? name.slice(JOB_PREFIX.length) : null;
}

/** A manifest's own `schedule.time_zone`, when it names one. */
function manifestTimeZone(manifest: unknown): string | undefined {
  if (typeof manifest !== 'object' || manifest === null || !('schedule' in manifest)) return undefined;
  const schedule: unknown = manifest.schedule;
  if (typeof schedule !== 'object' || schedule === null || !('time_zone' in schedule)) return undefined;
  return typeof schedule.time_zone === 'string' ? schedule.time_zone : undefined;
}

/**
 * Decides which cron jobs should exist: one per enabled source with a schedule, read in the
 * manifest's time zone or else the city's. Pure; the scheduler diffs it against the registry.
 */
export function planSchedules(sources: readonly SourceRecord[], cityTimeZone: string): SchedulePlan {
  const plan: SchedulePlan = { jobs: [], invalid: [] };
  for (const source of sources) {
    if (!source.enabled || !source.schedule) continue;
    const timeZone = manifestTimeZone(source.manifest) ?? cityTimeZone;
    try {
      new CronTime(source.schedule, timeZone);
    } catch (error) {
      plan.invalid.push({
        sourceKey: source.key,
        problem: error instanceof Error ? error.message : String(error),
      });
      continue;
    }
    plan.jobs.push({ sourceKey: source.key, cron: source.schedule, timeZone });
  }
  return plan;
}

/**
 * Idempotency key of one scheduled tick. Replicas fire the same tick within moments of each
 * other; flooring to the expression's resolution (second for six fields, minute for five) gives
 * them the same key, so the tick runs once even when one replica finished before the other fired.
 */
export function tickRunKey(job: ScheduledSource, firedAt: Date): string {
  const hasSeconds = job.cron.trim().split(/\s+/).length >= 6;
  const resolution = hasSeconds ? 1000 : 60_000;
  const tick = new Date(Math.floor(firedAt.getTime() / resolution) * resolution);
  return `${job.sourceKey}:schedule:${tick.toISOString()}`;
}

/** Key of the first run a source gets when it has never succeeded (fills the demo history). */
export function initialRunKey(sourceKey: string): string {
  return `${sourceKey}:initial`;
}
