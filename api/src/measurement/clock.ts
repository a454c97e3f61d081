/** Source of "now"; injected so tests freeze time instead of asserting on the wall clock. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };
