/** Default seconds between big-screen refreshes. */
export const DEFAULT_REFRESH_SECONDS = 60;
/** Never poll the API faster than this, whatever the URL says. */
export const MIN_REFRESH_SECONDS = 10;

/** Parses the `refresh` query parameter, falling back to the default and clamping to the minimum. */
export function refreshSeconds(raw: string | null | undefined): number {
  const parsed = raw === null || raw === undefined || raw === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(parsed)) return DEFAULT_REFRESH_SECONDS;
  return Math.max(MIN_REFRESH_SECONDS, Math.round(parsed));
}
