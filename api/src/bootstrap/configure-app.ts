import { type INestApplication, ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppExceptionFilter, requestIdMiddleware, validationExceptionFactory } from '@civicpulse/server-kit';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { ApiConfig } from '../config/api-config';
import { setupOpenApi } from './openapi';
import { serveWebApp } from './web-app';

export const API_PREFIX = 'api';

/**
 * Everything main.ts and the medium tests share: prefix, security headers, CORS, body limits,
 * validation, the one error filter, OpenAPI and the built web app. Call before app.init()/listen().
 */
export function configureApp(app: NestExpressApplication, config: ApiConfig): INestApplication {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX);
  app.enableShutdownHooks();
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(requestIdMiddleware);
  app.use(
    helmet({
      // The Angular app and Swagger UI are served from here; both need inline styles.
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Angular's production build loads its stylesheet with an inline onload handler
          // (critical CSS inlining); without this the app renders unstyled.
          scriptSrcAttr: ["'unsafe-inline'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'"],
        },
      },
    }),
  );
  // Closed by default: only origins listed in CORS_ORIGINS may call the API from a browser.
  app.enableCors({ origin: config.corsOrigins.length > 0 ? config.corsOrigins : false, credentials: false });
  app.useBodyParser('json', { limit: config.bodyLimit });
  app.useBodyParser('urlencoded', { limit: config.bodyLimit, extended: false });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationExceptionFactory,
    }),
  );
  app.useGlobalFilters(new AppExceptionFilter());
  setupOpenApi(app);
  if (config.webDistDir) serveWebApp(app, config.webDistDir, API_PREFIX);
  return app;
}
