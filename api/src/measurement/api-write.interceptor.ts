import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { finalize, type Observable } from 'rxjs';
import { ReadVersionsService } from './read-versions.service';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * After any write through this API (targets, publication, sources, alerts, users …), whether it
 * succeeded or not, the shared version probe is dropped: the next read probes again and so sees
 * the change at once instead of up to `VERSION_PROBE_MS` later.
 */
@Injectable()
export class ApiWriteInterceptor implements NestInterceptor {
  constructor(private readonly versions: ReadVersionsService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const method = context.switchToHttp().getRequest<{ method?: string }>().method ?? 'GET';
    if (READS.has(method)) return next.handle();
    return next.handle().pipe(finalize(() => this.versions.invalidate()));
  }
}
