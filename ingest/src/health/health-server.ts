import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The body of `GET /health`. */
export interface HealthReport {
  status: 'ok' | 'degraded';
  database: { up: boolean; error?: string };
  scheduler: {
    enabled: boolean;
    jobs: Array<{ sourceKey: string; cron: string; timeZone: string; nextRun: string | null }>;
  };
  /** Runs this process is doing now, with their progress. */
  activeRuns: Array<{
    sourceKey: string;
    trigger: string;
    pages: number;
    rowsRead: number;
    rowsRejected: number;
  }>;
  /** Runs recorded as `running` in the database, by any replica. */
  runningRuns: number | null;
  uptimeSeconds: number;
}

/** Gathers the health report; must not throw for a database outage (reports it instead). */
export type HealthProbe = () => Promise<HealthReport>;

/**
 * The worker's only HTTP surface: `GET /health` (200 when the database answers, 503 otherwise).
 * Plain node:http: a whole HTTP framework for one endpoint would be weight without use.
 */
export class HealthServer {
  private server: Server | null = null;

  constructor(private readonly probe: HealthProbe) {}

  /** Listens on `port` (0 = any free port) on all interfaces; resolves with the bound port. */
  async listen(port: number, host = '0.0.0.0'): Promise<number> {
    const server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      if (req.method !== 'GET' || (path !== '/health' && path !== '/health/')) {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end('{"code":"not_found","message":"only GET /health"}');
        return;
      }
      this.probe().then(
        (report) => {
          res.writeHead(report.database.up ? 200 : 503, {
            'content-type': 'application/json',
            'cache-control': 'no-store',
          });
          res.end(JSON.stringify(report));
        },
        (error: unknown) => {
          res.writeHead(503, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              status: 'degraded',
              error: error instanceof Error ? error.message : String(error),
            }),
          );
        },
      );
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    return (server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
