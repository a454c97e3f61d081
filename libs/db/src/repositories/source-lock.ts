import type { DataSource, QueryRunner } from 'typeorm';

/**
 * Namespaces of the two-key form of Postgres advisory locks (`pg_try_advisory_lock(int, int)`).
 * The first key says what kind of thing is locked, the second which one; other features pick
 * their own namespace and never collide with a source id.
 */
export const LOCK_NAMESPACE = {
  /** One ingest run at a time per source, across every ingest replica. */
  sourceRun: 0x43500001,
} as const;

/** A session-level advisory lock held on its own connection; release it exactly once. */
export interface HeldAdvisoryLock {
  readonly namespace: number;
  readonly key: number;
  /** Unlocks and returns the connection to the pool. Safe to call twice. */
  release(): Promise<void>;
}

class SessionLock implements HeldAdvisoryLock {
  private released = false;

  constructor(
    readonly namespace: number,
    readonly key: number,
    private readonly runner: QueryRunner,
  ) {}

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    try {
      await this.runner.query('SELECT pg_advisory_unlock($1::int, $2::int)', [this.namespace, this.key]);
    } finally {
      // Releasing the connection also drops the lock if the unlock failed (the session ends
      // only when the pool closes it, but a broken connection is discarded and unlocks).
      await this.runner.release();
    }
  }
}

/**
 * Session-level advisory locks. A session lock lives as long as its connection, so a crashed
 * process loses its locks the moment Postgres notices the connection is gone: no lease to expire,
 * no stale lock to clean up. Each lock holds one pooled connection for its lifetime.
 */
export class AdvisoryLocks {
  constructor(private readonly dataSource: DataSource) {}

  /** Takes the lock if nobody holds it; null when another session (or replica) holds it. */
  async tryAcquire(namespace: number, key: number): Promise<HeldAdvisoryLock | null> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      const rows: Array<{ locked: boolean }> = await runner.query(
        'SELECT pg_try_advisory_lock($1::int, $2::int) AS locked',
        [namespace, key],
      );
      if (rows[0]?.locked === true) return new SessionLock(namespace, key, runner);
    } catch (error) {
      await runner.release();
      throw error;
    }
    await runner.release();
    return null;
  }

  /** Waits until the lock is free, then takes it (for work that must not be skipped). */
  async acquire(namespace: number, key: number): Promise<HeldAdvisoryLock> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.query('SELECT pg_advisory_lock($1::int, $2::int)', [namespace, key]);
      return new SessionLock(namespace, key, runner);
    } catch (error) {
      await runner.release();
      throw error;
    }
  }

  /** Runs `work` while holding the lock; waits for it first. */
  async withLock<T>(namespace: number, key: number, work: () => Promise<T>): Promise<T> {
    const lock = await this.acquire(namespace, key);
    try {
      return await work();
    } finally {
      await lock.release();
    }
  }
}
