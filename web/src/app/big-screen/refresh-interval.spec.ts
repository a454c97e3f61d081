import { DEFAULT_REFRESH_SECONDS, MIN_REFRESH_SECONDS, refreshSeconds } from './refresh-interval';

describe('refreshSeconds', () => {
  it('defaults, parses and clamps the refresh query parameter', () => {
    expect(refreshSeconds(undefined)).toBe(DEFAULT_REFRESH_SECONDS);
    expect(refreshSeconds('abc')).toBe(DEFAULT_REFRESH_SECONDS);
    expect(refreshSeconds('30')).toBe(30);
    expect(refreshSeconds('1')).toBe(MIN_REFRESH_SECONDS);
  });
});
