import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { oneOf } from './enum-check';
import { SourceEntity } from './source.entity';

export const INGEST_TRIGGERS = ['manual', 'schedule', 'backfill', 'cli'] as const;
export type IngestTrigger = (typeof INGEST_TRIGGERS)[number];

export const INGEST_RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'partial'] as const;
export type IngestRunStatus = (typeof INGEST_RUN_STATUSES)[number];

/** One run of one source, with truthful counts and the error that ended it. */
@Entity({ name: 'ingest_run' })
@Check('chk_ingest_run_trigger', oneOf('trigger', INGEST_TRIGGERS))
@Check('chk_ingest_run_status', oneOf('status', INGEST_RUN_STATUSES))
// Btree indexes scan backwards, so (source_id, started_at) also serves "latest runs first".
@Index('idx_ingest_run_source_started', ['sourceId', 'startedAt'])
export class IngestRunEntity {
  @PrimaryGeneratedColumn({ name: 'id', type: 'integer' })
  id!: number;

  @Column({ name: 'source_id', type: 'integer' })
  sourceId!: number;

  @ManyToOne(() => SourceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id', foreignKeyConstraintName: 'fk_ingest_run_source' })
  source?: SourceEntity;

  @Column({ name: 'trigger', type: 'varchar', length: 16 })
  trigger!: IngestTrigger;

  /**
   * Idempotency key of the trigger (e.g. source + scheduled tick); a second trigger with the same
   * key finds the existing run instead of starting another.
   */
  @Index('uq_ingest_run_key', { unique: true })
  @Column({ name: 'run_key', type: 'varchar', length: 200, nullable: true })
  runKey!: string | null;

  @Column({ name: 'window_from', type: 'timestamptz', nullable: true })
  windowFrom!: Date | null;

  @Column({ name: 'window_to', type: 'timestamptz', nullable: true })
  windowTo!: Date | null;

  @Column({ name: 'status', type: 'varchar', length: 16, default: 'queued' })
  status!: IngestRunStatus;

  @Column({ name: 'rows_read', type: 'integer', default: 0 })
  rowsRead!: number;

  @Column({ name: 'rows_inserted', type: 'integer', default: 0 })
  rowsInserted!: number;

  @Column({ name: 'rows_updated', type: 'integer', default: 0 })
  rowsUpdated!: number;

  /** Valid rows identical to what was already stored (a re-run of the same data). */
  @Column({ name: 'rows_unchanged', type: 'integer', default: 0 })
  rowsUnchanged!: number;

  @Column({ name: 'rows_rejected', type: 'integer', default: 0 })
  rowsRejected!: number;

  @Column({ name: 'pages', type: 'integer', default: 0 })
  pages!: number;

  /** Name of the error class that failed the run (e.g. `SchemaDriftError`). */
  @Column({ name: 'error_class', type: 'varchar', length: 128, nullable: true })
  errorClass!: string | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage!: string | null;

  @Column({ name: 'attempt', type: 'integer', default: 1 })
  attempt!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
