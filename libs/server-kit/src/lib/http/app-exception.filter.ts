import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { mapError } from './error-body';

interface MinimalRequest {
  id?: unknown;
  method?: string;
  url?: string;
}

interface MinimalResponse {
  headersSent: boolean;
  status(code: number): MinimalResponse;
  json(body: unknown): unknown;
}

/**
 * The one place errors become HTTP responses (named errors, Nest HttpExceptions, validation and
 * body-parser errors). Register it globally with `app.useGlobalFilters(new AppExceptionFilter())`.
 */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<MinimalRequest>();
    const response = http.getResponse<MinimalResponse>();
    const requestId =
      typeof request.id === 'string' || typeof request.id === 'number' ? String(request.id) : undefined;
    const mapped = mapError(exception, requestId);
    if (mapped.unexpected) {
      const stack = exception instanceof Error ? exception.stack : String(exception);
      this.logger.error(
        `Unexpected error on ${request.method ?? '?'} ${request.url ?? '?'} (request ${requestId ?? '-'})`,
        stack,
      );
    }
    if (response.headersSent) return;
    response.status(mapped.status).json(mapped.body);
  }
}
