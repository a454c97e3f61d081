import { z } from 'zod';

/** One invalid configuration key. */
export interface ConfigIssue {
  key: string;
  problem: string;
}

/** Thrown at boot when the environment does not satisfy the app's config schema; lists every bad key. */
export class ConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i.key}: ${i.problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates an environment map against a zod object schema and returns the typed result.
 * All problems are collected before failing, so an operator fixes them in one go.
 * The env is passed in (never read here) so that each app reads `process.env` in one place.
 */
export function loadConfig<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined>,
): z.output<S> {
  // Empty strings in .env files mean "not set"; treat them so, or defaults never apply.
  const cleaned: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') cleaned[key] = value;
  }
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    key: issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)',
    problem: issue.message,
  }));
  throw new ConfigError(issues);
}

/** `"a, b"` → `["a","b"]`; empty → `[]`. Use with z.string().transform for list variables. */
export function splitList(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
