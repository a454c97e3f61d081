import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { IngestRunEntity } from './ingest-run.entity';

/** A source row that failed decoding, mapping or validation, kept verbatim with the reason. */
@Entity({ name: 'ingest_reject' })
@Index('idx_ingest_reject_run_row', ['runId', 'rowNumber'])
export class IngestRejectEntity {
  /** bigint: pg returns it as a string so no precision is lost. */
  @PrimaryGeneratedColumn({ name: 'id', type: 'bigint' })
  id!: string;

  @Column({ name: 'run_id', type: 'integer' })
  runId!: number;

  @ManyToOne(() => IngestRunEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'fk_ingest_reject_run' })
  run?: IngestRunEntity;

  /** 1-based row number in the source stream (page rows counted across pages). */
  @Column({ name: 'row_number', type: 'integer' })
  rowNumber!: number;

  @Column({ name: 'raw', type: 'jsonb', nullable: true })
  raw!: unknown;

  /** Machine-readable reason such as `unknown_region`, `out_of_range`, `bad_number`. */
  @Column({ name: 'reason_code', type: 'varchar', length: 64 })
  reasonCode!: string;

  @Column({ name: 'message', type: 'text', nullable: true })
  message!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
