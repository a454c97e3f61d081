import type { SourceChangeMarker, SourceRecord } from '@civicpulse/db';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { RunRequest, RunResult } from '../runs/run-ports';
import { initialRunKey, jobName, planSchedules, tickRunKey } from './schedule-plan';
import { SourceScheduler } from './source-scheduler';

function source(
  id: number,
  key: string,
  schedule: string | null,
  extra: Partial<SourceRecord> = {},
): SourceRecord {
  return {
    id,
    key,
    connectorType: 'csv',
    manifest: {},
    enabled: true,
    schedule,
    updatedAt: new Date(0),
    ...extra,
  };
}

class FakeSources {
  marker: SourceChangeMarker = { count: 0, lastUpdatedAt: null };
  rows: SourceRecord[] = [];
  listCalls = 0;

  set(rows: SourceRecord[], stamp: string): void {
    this.rows = rows;
    this.marker = { count: rows.length, lastUpdatedAt: stamp };
  }

  async changeMarker(): Promise<SourceChangeMarker> {
    return this.marker;
  }

  async listEnabled(): Promise<SourceRecord[]> {
    this.listCalls += 1;
    return this.rows.filter((r) => r.enabled);
  }
}

class RecordingDispatcher {
  readonly requests: RunRequest[] = [];

  dispatch(request: RunRequest): Promise<RunResult> {
    this.requests.push(request);
    return Promise.resolve({ outcome: 'skipped', reason: 'duplicate' });
  }
}

const quiet = { log: () => undefined, warn: () => undefined };

describe('planSchedules', () => {
  it('schedules enabled sources with a valid cron, in the manifest zone or the city zone', () => {
    const plan = planSchedules(
      [
        source(1, 'a', '0 6 * * *'),
        source(2, 'b', '*/5 * * * *', {
          manifest: { schedule: { cron: '*/5 * * * *', time_zone: 'Europe/Berlin' } },
        }),
        source(3, 'off', '0 6 * * *', { enabled: false }),
        source(4, 'manual', null),
        source(5, 'broken', 'every day at six'),
      ],
      'Asia/Shanghai',
    );
    expect(plan.jobs).toEqual([
      { sourceKey: 'a', cron: '0 6 * * *', timeZone: 'Asia/Shanghai' },
      { sourceKey: 'b', cron: '*/5 * * * *', timeZone: 'Europe/Berlin' },
    ]);
    expect(plan.invalid.map((i) => i.sourceKey)).toEqual(['broken']);
  });
});

describe('tickRunKey', () => {
  it('gives replicas firing moments apart the same key, and the next tick another', () => {
    const job = { sourceKey: 's', cron: '*/5 * * * *', timeZone: 'Asia/Shanghai' };
    const a = tickRunKey(job, new Date('2026-01-01T00:05:00.012Z'));
    const b = tickRunKey(job, new Date('2026-01-01T00:05:00.480Z'));
    const next = tickRunKey(job, new Date('2026-01-01T00:10:00.010Z'));
    expect(a).toBe('s:schedule:2026-01-01T00:05:00.000Z');
    expect(b).toBe(a);
    expect(next).not.toBe(a);
  });

  it('keeps seconds for six-field expressions', () => {
    const job = { sourceKey: 's', cron: '*/10 * * * * *', timeZone: 'UTC' };
    expect(tickRunKey(job, new Date('2026-01-01T00:00:10.300Z'))).toBe('s:schedule:2026-01-01T00:00:10.000Z');
  });
});

describe('SourceScheduler', () => {
  let registry: SchedulerRegistry;
  let sources: FakeSources;
  let dispatcher: RecordingDispatcher;
  let neverSucceeded: number[];
  let scheduler: SourceScheduler;

  beforeEach(() => {
    registry = new SchedulerRegistry();
    sources = new FakeSources();
    dispatcher = new RecordingDispatcher();
    neverSucceeded = [];
    scheduler = new SourceScheduler(
      registry,
      sources,
      { sourcesWithoutSuccessfulRun: async (ids) => ids.filter((id) => neverSucceeded.includes(id)) },
      dispatcher,
      'Asia/Shanghai',
      quiet,
      () => new Date('2026-03-01T06:00:00.200Z'),
    );
  });

  afterEach(() => scheduler.stop());

  it('registers one cron job per scheduled source, in the city time zone', async () => {
    sources.set([source(1, 'a', '0 6 * * *'), source(2, 'b', '30 * * * *'), source(3, 'manual', null)], 't1');
    const result = await scheduler.refresh();
    expect(result.added.sort()).toEqual(['a', 'b']);
    expect(scheduler.registeredSourceKeys().sort()).toEqual(['a', 'b']);
    const job = registry.getCronJob(jobName('a'));
    expect(job.isActive).toBe(true);
    // 06:00 Shanghai is 22:00 UTC the day before.
    expect(job.nextDate().toUTC().hour).toBe(22);
  });

  it('does nothing while the change marker stays put, and rebuilds when it moves', async () => {
    sources.set([source(1, 'a', '0 6 * * *'), source(2, 'b', '30 * * * *')], 't1');
    await scheduler.refresh();
    expect(await scheduler.refresh()).toMatchObject({ changed: false });
    expect(sources.listCalls).toBe(1);

    // b's schedule edited, a disabled, c added.
    sources.set(
      [
        source(1, 'a', '0 6 * * *', { enabled: false }),
        source(2, 'b', '45 * * * *'),
        source(3, 'c', '0 0 * * *'),
      ],
      't2',
    );
    const result = await scheduler.refresh();
    expect(result.removed.sort()).toEqual(['a', 'b']);
    expect(result.added.sort()).toEqual(['b', 'c']);
    expect(scheduler.registeredSourceKeys().sort()).toEqual(['b', 'c']);
    expect(scheduler.scheduledJobs().find((j) => j.sourceKey === 'b')?.cron).toBe('45 * * * *');
    expect(registry.doesExist('cron', jobName('a'))).toBe(false);
  });

  it('starts a first run for sources that never succeeded, once', async () => {
    neverSucceeded = [2];
    sources.set([source(1, 'a', '0 6 * * *'), source(2, 'b', null)], 't1');
    const result = await scheduler.refresh();
    expect(result.initialRuns).toEqual(['b']);
    expect(dispatcher.requests).toEqual([
      { sourceKey: 'b', trigger: 'schedule', runKey: initialRunKey('b') },
    ]);
    sources.set([source(1, 'a', '0 6 * * *'), source(2, 'b', null)], 't2');
    await scheduler.refresh();
    expect(dispatcher.requests).toHaveLength(1);
  });

  it('ticks only hand a keyed run request to the dispatcher', async () => {
    sources.set([source(1, 'a', '0 6 * * *')], 't1');
    await scheduler.refresh();
    await registry.getCronJob(jobName('a')).fireOnTick();
    expect(dispatcher.requests).toEqual([
      { sourceKey: 'a', trigger: 'schedule', runKey: 'a:schedule:2026-03-01T06:00:00.000Z' },
    ]);
  });

  it('stop() removes every job it registered', async () => {
    sources.set([source(1, 'a', '0 6 * * *')], 't1');
    await scheduler.refresh();
    scheduler.stop();
    expect(scheduler.registeredSourceKeys()).toEqual([]);
  });
});
