import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { SourceEntity } from './source.entity';

/** Incremental cursor of one stream of a source; saved in the same transaction as its batch. */
@Entity({ name: 'source_state' })
export class SourceStateEntity {
  @PrimaryColumn({ name: 'source_id', type: 'integer', primaryKeyConstraintName: 'pk_source_state' })
  sourceId!: number;

  @PrimaryColumn({
    name: 'stream',
    type: 'varchar',
    length: 128,
    primaryKeyConstraintName: 'pk_source_state',
  })
  stream!: string;

  @ManyToOne(() => SourceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id', foreignKeyConstraintName: 'fk_source_state_source' })
  source?: SourceEntity;

  /** Connector-defined cursor (a timestamp, page token or offset), kept as JSON. */
  @Column({ name: 'cursor', type: 'jsonb', nullable: true })
  cursor!: unknown;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
