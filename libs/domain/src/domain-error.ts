/**
 * Base class of every error the domain library throws. Callers (API filters, ingest
 * run classification) can map the subclasses by `code` without parsing messages.
 */
export abstract class DomainError extends Error {
  /** Stable machine-readable code, e.g. `invalid_period_spec`. */
  abstract readonly code: string;

  protected constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A string given as an IANA time zone is not one the runtime knows. */
export class InvalidTimeZoneError extends DomainError {
  readonly code = 'invalid_time_zone';

  constructor(readonly timeZone: string) {
    super(`Unknown IANA time zone "${timeZone}"`);
  }
}

/** A period spec such as `2025-Q5` or `ytd:2025-13-01` cannot be parsed. */
export class InvalidPeriodSpecError extends DomainError {
  readonly code = 'invalid_period_spec';

  constructor(
    readonly spec: string,
    readonly reason: string,
  ) {
    super(`Invalid period spec "${spec}": ${reason}`);
  }
}

/** A cadence such as `P1X` or `-3` cannot be used as an expected refresh interval. */
export class InvalidCadenceError extends DomainError {
  readonly code = 'invalid_cadence';

  constructor(
    readonly cadence: string,
    readonly reason: string,
  ) {
    super(`Invalid cadence "${cadence}": ${reason}`);
  }
}

/** Input to a scoring or aggregation function violates its contract (e.g. a negative weight). */
export class InvalidScoringInputError extends DomainError {
  readonly code = 'invalid_scoring_input';

  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`Invalid ${field}: ${reason}`);
  }
}
