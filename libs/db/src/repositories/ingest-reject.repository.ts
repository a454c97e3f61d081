import type { DataSource } from 'typeorm';

/** One rejected source row, kept verbatim with a machine-readable reason. */
export interface IngestRejectInput {
  rowNumber: number;
  raw: unknown;
  reasonCode: string;
  message: string | null;
}

/** A stored reject, as listed for the data team. */
export interface StoredIngestReject extends IngestRejectInput {
  id: string;
  runId: number;
}

// 4 parameters a row; Postgres allows 65 535 bind parameters a statement.
const ROWS_PER_STATEMENT = 2000;

/** Rejected rows of ingest runs. */
export class IngestRejectRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores rejects of one run; returns how many were stored. */
  async addMany(runId: number, rejects: readonly IngestRejectInput[]): Promise<number> {
    for (let start = 0; start < rejects.length; start += ROWS_PER_STATEMENT) {
      const chunk = rejects.slice(start, start + ROWS_PER_STATEMENT);
      const params: unknown[] = [];
      const tuples = chunk.map((reject, i) => {
        params.push(reject.rowNumber, JSON.stringify(reject.raw ?? null), reject.reasonCode, reject.message);
        const p = i * 4;
        return `($1, $${p + 2}, $${p + 3}::jsonb, $${p + 4}, $${p + 5})`;
      });
      await this.dataSource.query(
        `INSERT INTO ingest_reject (run_id, row_number, raw, reason_code, message) VALUES ${tuples.join(', ')}`,
        [runId, ...params],
      );
    }
    return rejects.length;
  }

  /** Rejects of a run in row order. */
  async listForRun(runId: number, limit = 1000): Promise<StoredIngestReject[]> {
    const rows: Array<{
      id: string;
      run_id: number;
      row_number: number;
      raw: unknown;
      reason_code: string;
      message: string | null;
    }> = await this.dataSource.query(
      `SELECT id, run_id, row_number, raw, reason_code, message FROM ingest_reject
         WHERE run_id = $1 ORDER BY row_number, id LIMIT $2`,
      [runId, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      runId: r.run_id,
      rowNumber: r.row_number,
      raw: r.raw,
      reasonCode: r.reason_code,
      message: r.message,
    }));
  }
}
