import { randomBytes } from 'node:crypto';
import { sourceDeployment, type SourceDeployment } from '@civicpulse/connectors';
import { isValidTimeZone } from '@civicpulse/domain';
import { loadConfig, splitList } from '@civicpulse/server-kit';
import { z } from 'zod';

const NODE_ENVS = ['development', 'test', 'production'] as const;

/**
 * Environment variables of the API. Documented in .env.example at the repository root.
 * This file is the only place the API reads process.env.
 */
export const apiConfigSchema = z
  .object({
    NODE_ENV: z.enum(NODE_ENVS).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    DATABASE_URL: z
      .string({ error: 'is required (postgres://user:password@host:port/database)' })
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_TTL: z
      .string()
      .regex(/^\d+(s|m|h|d)$/, 'must be a duration such as 900s, 30m, 8h or 7d')
      .default('8h')
      .transform(durationSeconds)
      .refine((s) => s >= 60 && s <= 30 * 86_400, 'must be between 1 minute and 30 days'),
    CORS_ORIGINS: z
      .string()
      .optional()
      .transform((value) => splitList(value)),
    CITY_TIME_ZONE: z
      .string()
      .default('Asia/Shanghai')
      .refine((zone) => isValidTimeZone(zone), 'must be an IANA time zone such as Asia/Shanghai'),
    CITY_CODE: z
      .string()
      .regex(/^\d{6}$/, 'must be a 6-digit region code')
      .default('990100'),
    WEB_DIST_DIR: z.string().optional(),
    ADMIN_USERNAME: z
      .string()
      .regex(/^[A-Za-z0-9._-]{3,64}$/, 'must be 3–64 letters, digits, dot, dash or underscore')
      .default('admin'),
    ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/i, 'must look like 100kb or 1mb')
      .default('256kb'),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    // Read-path caches: see .env.example.
    AUTH_USER_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
    VERSION_PROBE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
    SCORECARD_CACHE_SIZE: z.coerce.number().int().min(0).max(100_000).default(500),
    // Source previews reach the same hosts as ingest runs: same variables, same meaning.
    DEMO_PORTAL_URL: z.url({ message: 'must be an http(s) URL' }).optional(),
    ALLOWED_PRIVATE_HOSTS: z
      .string()
      .optional()
      .transform((value) => splitList(value)),
  })
  .refine((env) => env.NODE_ENV !== 'production' || Boolean(env.JWT_SECRET), {
    path: ['JWT_SECRET'],
    message: 'is required when NODE_ENV=production',
    // Run even when other keys failed, so every problem is reported in one go.
    when: () => true,
  });

function durationSeconds(text: string): number {
  const unit = text.slice(-1);
  const factor = unit === 'd' ? 86_400 : unit === 'h' ? 3600 : unit === 'm' ? 60 : 1;
  return Number(text.slice(0, -1)) * factor;
}

type ParsedEnv = z.output<typeof apiConfigSchema>;

/** The API's typed configuration. */
export interface ApiConfig {
  nodeEnv: ParsedEnv['NODE_ENV'];
  port: number;
  host: string;
  databaseUrl: string;
  databasePoolSize: number;
  jwt: { secret: string; expiresInSeconds: number; generated: boolean };
  /**
   * Read-path caches. `authUserMs`: how long the auth guard reuses a user row (a user disabled
   * or demoted by another process is refused within this time; through this API at once).
   * `versionProbeMs`: how long one catalogue/data version probe is shared by all requests.
   * `scorecardEntries`: scorecard responses kept per version (0 turns the cache off).
   */
  caches: { authUserMs: number; versionProbeMs: number; scorecardEntries: number };
  corsOrigins: string[];
  timeZone: string;
  cityCode: string;
  webDistDir: string | null;
  admin: { username: string; password: string | null };
  logLevel: string;
  bodyLimit: string;
  rateLimitPerMinute: number;
  loginRateLimitPerMinute: number;
  /** `${DEMO_PORTAL_URL}` and the private hosts source previews may reach. */
  sources: SourceDeployment;
  /** The environment, for secrets that manifests reference by name (`{ env: NAME }`). */
  secretEnv: Readonly<Record<string, string | undefined>>;
}

/** Injection token of {@link ApiConfig}. */
export const API_CONFIG = Symbol('API_CONFIG');

/** Validates an environment map into {@link ApiConfig}; throws ConfigError listing every bad key. */
export function buildApiConfig(env: Record<string, string | undefined>): ApiConfig {
  const parsed = loadConfig(apiConfigSchema, env);
  // Outside production a missing secret is generated per process: tokens simply stop working on restart.
  const generated = parsed.JWT_SECRET === undefined;
  return {
    nodeEnv: parsed.NODE_ENV,
    port: parsed.PORT,
    host: parsed.HOST,
    databaseUrl: parsed.DATABASE_URL,
    databasePoolSize: parsed.DATABASE_POOL_SIZE,
    jwt: {
      secret: parsed.JWT_SECRET ?? randomBytes(48).toString('base64url'),
      expiresInSeconds: parsed.JWT_TTL,
      generated,
    },
    caches: {
      authUserMs: parsed.AUTH_USER_CACHE_MS,
      versionProbeMs: parsed.VERSION_PROBE_MS,
      scorecardEntries: parsed.SCORECARD_CACHE_SIZE,
    },
    corsOrigins: parsed.CORS_ORIGINS,
    timeZone: parsed.CITY_TIME_ZONE,
    cityCode: parsed.CITY_CODE,
    webDistDir: parsed.WEB_DIST_DIR ?? null,
    admin: { username: parsed.ADMIN_USERNAME, password: parsed.ADMIN_PASSWORD ?? null },
    logLevel: parsed.LOG_LEVEL,
    bodyLimit: parsed.BODY_LIMIT,
    rateLimitPerMinute: parsed.RATE_LIMIT_PER_MINUTE,
    loginRateLimitPerMinute: parsed.LOGIN_RATE_LIMIT_PER_MINUTE,
    sources: sourceDeployment(parsed.DEMO_PORTAL_URL, parsed.ALLOWED_PRIVATE_HOSTS),
    secretEnv: env,
  };
}

/** Reads the process environment — the one place the API touches process.env. */
export function readApiConfig(): ApiConfig {
  return buildApiConfig(process.env);
}
