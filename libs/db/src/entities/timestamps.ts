import { CreateDateColumn, UpdateDateColumn } from 'typeorm';

/** created_at / updated_at pair shared by the editable catalogue tables. */
export abstract class Timestamped {
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
