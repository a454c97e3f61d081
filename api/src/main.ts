// TypeORM loads the driver dynamically; importing it here keeps it in the production bundle.
import 'pg';
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError } from '@civicpulse/server-kit';
import { AppModule } from './app.module';
import { configureApp } from './bootstrap/configure-app';
import { readApiConfig } from './config/api-config';

async function bootstrap(): Promise<void> {
  const config = readApiConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), {
    bufferLogs: true,
    // Registered by configureApp with the configured size limit.
    bodyParser: false,
  });
  configureApp(app, config);
  await app.listen(config.port, config.host);
  const logger = new Logger('Bootstrap');
  if (config.jwt.generated) {
    logger.warn('JWT_SECRET is not set: using a secret generated for this process (tokens end with it)');
  }
  logger.log(`API listening on http://${config.host}:${config.port}/api (docs at /api/docs)`);
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `API failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
