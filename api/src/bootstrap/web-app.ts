import type { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';

/**
 * Serves the built Angular app and answers unknown non-API GETs with index.html (SPA deep links).
 * Paths under /api never fall back: a missing API route stays a JSON 404.
 */
export function serveWebApp(app: NestExpressApplication, distDir: string, apiPrefix: string): void {
  const root = resolve(distDir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    new Logger('WebApp').warn(`WEB_DIST_DIR ${root} has no index.html; the web app is not served`);
    return;
  }
  app.useStaticAssets(root, { index: false, maxAge: '1h' });
  const apiPath = new RegExp(`^/${apiPrefix}(/|$)`);
  app.use(
    (req: { method: string; path: string }, res: { sendFile(path: string): void }, next: () => void) => {
      if (
        (req.method === 'GET' || req.method === 'HEAD') &&
        !apiPath.test(req.path) &&
        !/\.[a-z0-9]+$/i.test(req.path)
      ) {
        res.sendFile(index);
        return;
      }
      next();
    },
  );
}
