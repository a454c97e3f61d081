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
import { DepartmentEntity } from './department.entity';
import { oneOf } from './enum-check';

export const USER_ROLES = ['viewer', 'operator', 'data_admin', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** A person who signs in to the dashboard. */
@Entity({ name: 'app_user' })
@Check('chk_app_user_role', oneOf('role', USER_ROLES))
export class AppUserEntity {
  @PrimaryGeneratedColumn({ name: 'id', type: 'integer' })
  id!: number;

  @Index('uq_app_user_username', { unique: true })
  @Column({ name: 'username', type: 'varchar', length: 64 })
  username!: string;

  /** bcrypt hash; never the password. */
  @Column({ name: 'password_hash', type: 'varchar', length: 100 })
  passwordHash!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ name: 'role', type: 'varchar', length: 16, default: 'viewer' })
  role!: UserRole;

  @Column({ name: 'department_id', type: 'integer', nullable: true })
  departmentId!: number | null;

  @ManyToOne(() => DepartmentEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'fk_app_user_department' })
  department?: DepartmentEntity | null;

  @Column({ name: 'active', type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
