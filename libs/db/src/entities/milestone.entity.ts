import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { BrandProjectEntity } from './brand-project.entity';

/** A dated event of a brand project, drawn on its trend charts. */
@Entity({ name: 'milestone' })
@Index('idx_milestone_project_date', ['projectId', 'date'])
export class MilestoneEntity {
  @PrimaryGeneratedColumn({ name: 'id', type: 'integer' })
  id!: number;

  @Column({ name: 'project_id', type: 'integer' })
  projectId!: number;

  @ManyToOne(() => BrandProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_milestone_project' })
  project?: BrandProjectEntity;

  /** Local date (yyyy-mm-dd). */
  @Column({ name: 'date', type: 'date' })
  date!: string;

  @Column({ name: 'title_zh', type: 'text' })
  titleZh!: string;

  @Column({ name: 'title_en', type: 'text' })
  titleEn!: string;
}
