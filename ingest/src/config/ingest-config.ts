import { sourceDeployment } from '@civicpulse/connectors';
import { loadConfig, splitList } from '@civicpulse/server-kit';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function integer(min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Observations per batch (one transaction each). With the per-batch statements set-based, 10 000
 * and 20 000 rows load equally fast (tools/bench/README.md); the smaller size keeps the two batches
 * in memory — the one being written and the one read ahead — and the garbage they leave smaller.
 */
export const DEFAULT_INGEST_BATCH_SIZE = 10_000;

/**
 * Connections each batch is written on at once, split by series (tools/bench/README.md). Two
 * keep a second PostgreSQL core busy during a load; the pool is sized for it (start-worker.ts).
 */
export const DEFAULT_INGEST_WRITE_CONNECTIONS = 2;

const ingestEnvSchema = z.object({
  DATABASE_URL: z
    .string({ message: 'required: a PostgreSQL connection string (postgres://user:pass@host:port/db)' })
    .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL'),
  CITY_TIME_ZONE: z
    .string()
    .refine(isTimeZone, 'expected an IANA time zone such as Asia/Shanghai')
    .default('Asia/Shanghai'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  DEMO_PORTAL_URL: z.url({ message: 'expected an http(s) URL' }).optional(),
  ALLOWED_PRIVATE_HOSTS: z.string().optional(),
  INGEST_HEALTH_PORT: integer(0, 65_535).default(3001),
  INGEST_BATCH_SIZE: integer(1, 1_000_000).default(DEFAULT_INGEST_BATCH_SIZE),
  INGEST_WRITE_CONNECTIONS: integer(1, 8).default(DEFAULT_INGEST_WRITE_CONNECTIONS),
  SCHEDULER_ENABLED: booleanFlag.default(true),
  SOURCE_REFRESH_SECONDS: integer(1, 86_400).default(30),
  QUEUED_RUN_POLL_SECONDS: integer(1, 3600).default(3),
  ALERT_EVALUATION_SECONDS: integer(5, 86_400).default(60),
  ALERT_WEBHOOK_URL: z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' }).optional(),
  ALERT_WEBHOOK_SECRET: z.string().min(1).optional(),
});

/** The ingest worker's validated configuration; the only view of the environment it has. */
export interface IngestConfig {
  databaseUrl: string;
  cityTimeZone: string;
  logLevel: LogLevel;
  /** Base URL substituted for `${DEMO_PORTAL_URL}` in manifests; undefined when not set. */
  demoPortalUrl: string | undefined;
  /**
   * Hosts in loopback/private ranges that sources may reach. Includes the demo portal's host
   * automatically: a deployment that names a demo portal means for sources to reach it.
   */
  allowedPrivateHosts: string[];
  healthPort: number;
  batchSize: number;
  /** Connections (parallel transactions) a batch is written on, split by series. */
  writeConnections: number;
  schedulerEnabled: boolean;
  sourceRefreshSeconds: number;
  /** How often runs queued through the API (run now, backfill) are looked for. */
  queuedRunPollSeconds: number;
  /** How often every enabled alert rule is evaluated (stale rules depend on it). */
  alertEvaluationSeconds: number;
  /**
   * Where alert notifications are posted (a DingTalk robot or anything accepting its JSON), with
   * the robot's signing secret when it uses 加签; null when no webhook is configured.
   */
  alertWebhook: { url: string; secret: string | null } | null;
  /** Variables a manifest may reference by `${NAME}` (the demo portal URL today). */
  manifestVariables: Record<string, string>;
  /** The environment, for secrets that manifests reference by name (`{ env: NAME }`). */
  secretEnv: Readonly<Record<string, string | undefined>>;
}

/**
 * Validates the environment and returns the typed config. Every bad key is reported at once
 * (ConfigError from server-kit). Only `main.ts` passes `process.env` in.
 */
export function loadIngestConfig(env: Record<string, string | undefined>): IngestConfig {
  const parsed = loadConfig(ingestEnvSchema, env);
  const deployment = sourceDeployment(parsed.DEMO_PORTAL_URL, splitList(parsed.ALLOWED_PRIVATE_HOSTS));
  return {
    databaseUrl: parsed.DATABASE_URL,
    cityTimeZone: parsed.CITY_TIME_ZONE,
    logLevel: parsed.LOG_LEVEL,
    demoPortalUrl: deployment.demoPortalUrl,
    allowedPrivateHosts: deployment.allowedPrivateHosts,
    healthPort: parsed.INGEST_HEALTH_PORT,
    batchSize: parsed.INGEST_BATCH_SIZE,
    writeConnections: parsed.INGEST_WRITE_CONNECTIONS,
    schedulerEnabled: parsed.SCHEDULER_ENABLED,
    sourceRefreshSeconds: parsed.SOURCE_REFRESH_SECONDS,
    queuedRunPollSeconds: parsed.QUEUED_RUN_POLL_SECONDS,
    alertEvaluationSeconds: parsed.ALERT_EVALUATION_SECONDS,
    alertWebhook: parsed.ALERT_WEBHOOK_URL
      ? { url: parsed.ALERT_WEBHOOK_URL, secret: parsed.ALERT_WEBHOOK_SECRET ?? null }
      : null,
    manifestVariables: deployment.manifestVariables,
    secretEnv: env,
  };
}
