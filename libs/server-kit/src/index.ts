export * from './lib/config/load-config';
export * from './lib/errors/app-errors';
export * from './lib/http/error-body';
export * from './lib/http/app-exception.filter';
export * from './lib/http/validation-errors';
export * from './lib/logging/request-id';
export * from './lib/logging/logger.module';
