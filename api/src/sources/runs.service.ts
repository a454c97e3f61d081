import { Injectable } from '@nestjs/common';
import type { IngestRejectDto, IngestRunDetailDto, IngestRunSummaryDto, Page } from '@civicpulse/contracts';
import { type RunRecord, SourceAdminRepository } from '@civicpulse/db';
import { NotFoundError } from '@civicpulse/server-kit';
import type { PageQueryDto } from '../common/page-query.dto';
import type { RunListQueryDto } from './dto/source.dto';
import { toRunSummary } from './source-view';

function summary(run: RunRecord): IngestRunSummaryDto {
  return toRunSummary(run.sourceKey, run);
}

/** Ingest runs and their rejected rows, read-only (the ingest worker writes them). */
@Injectable()
export class RunsService {
  constructor(private readonly sources: SourceAdminRepository) {}

  async list(query: RunListQueryDto): Promise<Page<IngestRunSummaryDto>> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 50;
    const { items, total } = await this.sources.listRuns({
      sourceKey: query.source,
      status: query.status,
      offset,
      limit,
    });
    return { items: items.map(summary), total, offset, limit };
  }

  async get(id: number): Promise<IngestRunDetailDto> {
    const run = await this.sources.findRun(id);
    if (!run) throw new NotFoundError('Ingest run', String(id));
    return {
      ...summary(run),
      windowFrom: run.windowFrom?.toISOString() ?? null,
      windowTo: run.windowTo?.toISOString() ?? null,
      attempt: run.attempt,
      errorClass: run.errorClass,
      errorMessage: run.errorMessage,
      rejectsByReason: await this.sources.rejectCountsByReason(id),
    };
  }

  async rejects(id: number, query: PageQueryDto): Promise<Page<IngestRejectDto>> {
    if (!(await this.sources.findRun(id))) throw new NotFoundError('Ingest run', String(id));
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 100;
    const page = await this.sources.listRejects(id, offset, limit);
    return { total: page.total, offset, limit, items: page.items.map((r) => ({ ...r, runId: id })) };
  }
}
