import { Injectable } from '@nestjs/common';
import { ReadVersionRepository, type ReadVersions } from '@civicpulse/db';

/**
 * The current catalogue and data versions, probed once per request. Requests arriving while a
 * probe is in flight share it, so a burst costs one round trip, not one per request.
 */
@Injectable()
export class ReadVersionsService {
  private inFlight: Promise<ReadVersions> | null = null;

  constructor(private readonly repository: ReadVersionRepository) {}

  current(): Promise<ReadVersions> {
    if (!this.inFlight) {
      this.inFlight = this.repository.versions().finally(() => {
        this.inFlight = null;
      });
    }
    return this.inFlight;
  }
}
