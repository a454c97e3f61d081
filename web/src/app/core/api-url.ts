/** Every API route lives under this prefix (served by the API, proxied in development). */
export const API_BASE = '/api';

/**
 * Query parameters with empty values dropped, so optional filters are simply left out of the URL
 * instead of being sent as `regions=`.
 */
export function queryParams(
  values: Record<string, string | number | boolean | null | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === '') continue;
    out[key] = String(value);
  }
  return out;
}
