import type { SourceChangeMarker, SourceRecord } from '@civicpulse/db';
import type { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import type { RunDispatcher } from '../runs/run-dispatcher';
import {
  initialRunKey,
  jobName,
  planSchedules,
  sourceKeyOfJob,
  tickRunKey,
  type ScheduledSource,
} from './schedule-plan';

/** What the scheduler reads from the database. */
export interface SchedulerSources {
  changeMarker(): Promise<SourceChangeMarker>;
  listEnabled(): Promise<SourceRecord[]>;
}

/** What the scheduler asks of the run history. */
export interface SchedulerRunHistory {
  sourcesWithoutSuccessfulRun(sourceIds: readonly number[]): Promise<number[]>;
}

/** Minimal logger (Nest's Logger fits). */
export interface SchedulerLog {
  log(message: string): void;
  warn(message: string): void;
}

/** Outcome of one refresh of the job set. */
export interface RefreshResult {
  changed: boolean;
  added: string[];
  removed: string[];
  initialRuns: string[];
}

/**
 * Decides *when* sources run: one cron job per enabled, scheduled source, in the SchedulerRegistry,
 * rebuilt whenever the source table changes (polled by `refresh`). Handlers only hand a run
 * request to the dispatcher; what a run does is the run service's business.
 *
 * A source that has never had a successful run gets an immediate first run, so a fresh install
 * (the one-command start) fills its history without waiting for the first tick.
 */
export class SourceScheduler {
  private marker: string | null = null;
  private readonly jobs = new Map<string, ScheduledSource>();
  private readonly initialRequested = new Set<string>();

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly sources: SchedulerSources,
    private readonly history: SchedulerRunHistory,
    private readonly dispatcher: Pick<RunDispatcher, 'dispatch'>,
    private readonly cityTimeZone: string,
    private readonly log: SchedulerLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Jobs currently registered, for /health. */
  scheduledJobs(): Array<ScheduledSource & { nextRun: string | null }> {
    return [...this.jobs.values()].map((job) => {
      let nextRun: string | null = null;
      try {
        nextRun = this.registry.getCronJob(jobName(job.sourceKey)).nextDate().toISO();
      } catch {
        nextRun = null;
      }
      return { ...job, nextRun };
    });
  }

  /**
   * Re-reads the sources when their change marker moved (or on the first call) and makes the
   * registry match: new jobs added, removed or edited ones replaced. Then starts first runs for
   * sources that have never succeeded.
   */
  async refresh(): Promise<RefreshResult> {
    const marker = await this.sources.changeMarker();
    const fingerprint = `${marker.count}|${marker.lastUpdatedAt ?? ''}`;
    if (fingerprint === this.marker) return { changed: false, added: [], removed: [], initialRuns: [] };
    const sources = await this.sources.listEnabled();
    const plan = planSchedules(sources, this.cityTimeZone);
    for (const bad of plan.invalid)
      this.log.warn(`source ${bad.sourceKey}: schedule not usable (${bad.problem}); not scheduled`);

    const wanted = new Map(plan.jobs.map((job) => [job.sourceKey, job]));
    const removed: string[] = [];
    const added: string[] = [];
    for (const [key, job] of this.jobs) {
      const next = wanted.get(key);
      if (!next || next.cron !== job.cron || next.timeZone !== job.timeZone) {
        this.unregister(key);
        removed.push(key);
      }
    }
    for (const job of plan.jobs) {
      if (this.jobs.has(job.sourceKey)) continue;
      this.register(job);
      added.push(job.sourceKey);
    }
    const initialRuns = await this.startInitialRuns(sources);
    this.marker = fingerprint;
    if (added.length + removed.length > 0) {
      this.log.log(
        `schedule: ${this.jobs.size} job(s); added [${added.join(', ')}], removed [${removed.join(', ')}]`,
      );
    }
    return { changed: true, added, removed, initialRuns };
  }

  /** Stops and removes every job this scheduler registered. */
  stop(): void {
    for (const key of [...this.jobs.keys()]) this.unregister(key);
  }

  /** What a cron tick does: ask for a run keyed by the tick, nothing else. */
  tick(job: ScheduledSource): void {
    void this.dispatcher.dispatch({
      sourceKey: job.sourceKey,
      trigger: 'schedule',
      runKey: tickRunKey(job, this.now()),
    });
  }

  private register(job: ScheduledSource): void {
    const name = jobName(job.sourceKey);
    // A job of that name left by an earlier build of the plan: replace it.
    if (this.registry.doesExist('cron', name)) this.registry.deleteCronJob(name);
    const cron = new CronJob(job.cron, () => this.tick(job), null, false, job.timeZone);
    this.registry.addCronJob(name, cron);
    cron.start();
    this.jobs.set(job.sourceKey, job);
  }

  private unregister(sourceKey: string): void {
    const name = jobName(sourceKey);
    if (this.registry.doesExist('cron', name)) this.registry.deleteCronJob(name);
    this.jobs.delete(sourceKey);
  }

  private async startInitialRuns(sources: readonly SourceRecord[]): Promise<string[]> {
    const candidates = sources.filter((s) => s.enabled && !this.initialRequested.has(s.key));
    if (candidates.length === 0) return [];
    const neverSucceeded = new Set(
      await this.history.sourcesWithoutSuccessfulRun(candidates.map((s) => s.id)),
    );
    const started: string[] = [];
    for (const source of candidates) {
      if (!neverSucceeded.has(source.id)) continue;
      this.initialRequested.add(source.key);
      started.push(source.key);
      void this.dispatcher.dispatch({
        sourceKey: source.key,
        trigger: 'schedule',
        runKey: initialRunKey(source.key),
      });
    }
    return started;
  }

  /** Names of registry jobs owned by this scheduler (tests). */
  registeredSourceKeys(): string[] {
    return [...this.registry.getCronJobs().keys()].flatMap((name) => {
      const key = sourceKeyOfJob(name);
      return key ? [key] : [];
    });
  }
}
