import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Keys of the city settings every process reads at start. */
export const CITY_SETTING_KEYS = { timeZone: 'time_zone', cityCode: 'city_code' } as const;

/** City-wide settings as key/value (time zone, city code); seeded by a migration. */
@Entity({ name: 'city_setting' })
export class CitySettingEntity {
  @PrimaryColumn({ name: 'key', type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_city_setting' })
  key!: string;

  @Column({ name: 'value', type: 'text' })
  value!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
