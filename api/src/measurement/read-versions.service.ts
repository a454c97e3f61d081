import { Inject, Injectable } from '@nestjs/common';
import { ReadVersionRepository, type ReadVersions } from '@civicpulse/db';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/**
 * The current catalogue and data versions. One probe serves every request for
 * `VERSION_PROBE_MS` (1 s by default), and requests arriving while a probe is in flight share
 * it: a burst costs one round trip, not one per request, and a change committed by another
 * process (an ingest batch, a catalogue apply) shows within that time. Writes through this API
 * call {@link invalidate}, so the API's own changes show on the next request.
 */
@Injectable()
export class ReadVersionsService {
  private probe: { versions: Promise<ReadVersions>; startedAt: number; done: boolean } | null = null;
  private readonly maxAgeMs: number;

  constructor(
    private readonly repository: ReadVersionRepository,
    @Inject(API_CONFIG) config: Pick<ApiConfig, 'caches'>,
  ) {
    this.maxAgeMs = config.caches.versionProbeMs;
  }

  current(): Promise<ReadVersions> {
    const known = this.probe;
    // A probe in flight is always shared; a finished one only while it is young enough.
    // Age counts from the start of the probe, so nothing served is older than the limit.
    if (known && (!known.done || performance.now() - known.startedAt < this.maxAgeMs)) return known.versions;
    const entry = { versions: this.repository.versions(), startedAt: performance.now(), done: false };
    this.probe = entry;
    entry.versions.then(
      () => {
        entry.done = true;
      },
      () => {
        if (this.probe === entry) this.probe = null;
      },
    );
    return entry.versions;
  }

  /** Forgets the shared probe: the next request probes again (after a write through this API). */
  invalidate(): void {
    this.probe = null;
  }
}
