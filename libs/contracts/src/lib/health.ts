/** GET /api/health/live — liveness only: the process answers. */
export interface LivenessDto {
  status: 'ok';
  uptimeSeconds: number;
}

/** GET /api/health — what an operator asks first: is the process up, the database reachable, the schema current. */
export interface HealthDto {
  /** `ok` when the database is up and no migration is pending, else `degraded`. */
  status: 'ok' | 'degraded';
  uptimeSeconds: number;
  database: 'up' | 'down';
  migrations: { applied: number; pending: number; pendingNames: string[] };
}

/** GET /api/health/ready — readiness: database reachable and no pending migration. */
export interface ReadinessDto {
  status: 'ready' | 'not_ready';
  database: 'up' | 'down';
  migrations: { applied: number; pending: number; pendingNames: string[] };
}
