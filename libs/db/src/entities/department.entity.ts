import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Timestamped } from './timestamps';

/** A government department (owner or partner of brand projects and sources). */
@Entity({ name: 'department' })
export class DepartmentEntity extends Timestamped {
  @PrimaryGeneratedColumn({ name: 'id', type: 'integer' })
  id!: number;

  @Index('uq_department_code', { unique: true })
  @Column({ name: 'code', type: 'varchar', length: 64 })
  code!: string;

  @Column({ name: 'name_zh', type: 'text' })
  nameZh!: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn!: string;

  /** True when the row comes from the catalogue files (catalog apply owns it). */
  @Column({ name: 'provisioned', type: 'boolean', default: false })
  provisioned!: boolean;
}
