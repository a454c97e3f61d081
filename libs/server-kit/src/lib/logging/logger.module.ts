import { type DynamicModule, RequestMethod } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { REQUEST_ID_HEADER, resolveRequestId } from './request-id';

export interface LoggingOptions {
  /** pino level: fatal, error, warn, info, debug, trace, silent. */
  level: string;
  /** Paths never logged (headers with credentials, passwords in bodies). */
  extraRedactPaths?: string[];
}

const DEFAULT_REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'req.body.password',
];

/**
 * Structured JSON logs with one request id per request, echoed in the `x-request-id` response
 * header and in error bodies.
 */
export function createLoggerModule(options: LoggingOptions): DynamicModule {
  return LoggerModule.forRoot({
    // Express 5 path syntax; nestjs-pino's default '*' triggers Nest's legacy-route warning.
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: options.level,
      redact: [...DEFAULT_REDACT, ...(options.extraRedactPaths ?? [])],
      genReqId: (req: IncomingMessage & { id?: unknown }, res: ServerResponse) => {
        // Reuse the id requestIdMiddleware gave the request, when it runs first.
        if (typeof req.id === 'string') return req.id;
        const id = resolveRequestId(req.headers[REQUEST_ID_HEADER]);
        res.setHeader(REQUEST_ID_HEADER, id);
        return id;
      },
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) => {
        if (err || res.statusCode >= 500) return 'error';
        if (res.statusCode >= 400) return 'warn';
        return 'info';
      },
      // Health probes every few seconds drown the useful lines.
      autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/api/health') },
    },
  });
}
