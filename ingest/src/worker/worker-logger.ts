import { ConsoleLogger, type LogLevel as NestLogLevel } from '@nestjs/common';
import type { LogLevel } from '../config/ingest-config';

const ORDER: readonly NestLogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
const THRESHOLD: Record<LogLevel, number> = {
  fatal: 0,
  error: 1,
  warn: 2,
  info: 3,
  debug: 4,
  trace: 5,
  silent: -1,
};

/**
 * The worker's logger: Nest's console logger at the configured level, one JSON object a line
 * when the output is not a terminal (collected logs), coloured text on a terminal.
 */
export function createWorkerLogger(level: LogLevel, interactive: boolean): ConsoleLogger {
  const levels = ORDER.slice(0, THRESHOLD[level] + 1);
  return new ConsoleLogger('ingest', { logLevels: levels, json: !interactive, colors: interactive });
}
