import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One date of the official schedule: a day off on a weekday, or a weekend day worked to bridge a holiday. */
@Entity({ name: 'calendar_days' })
export class CalendarDayEntity {
  @PrimaryColumn({ type: 'date' })
  date!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: 'day_off' | 'working_day';

  @Column({ name: 'name_vi', type: 'varchar', length: 200 })
  nameVi!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 200 })
  nameEn!: string;

  @Column({ type: 'varchar', length: 300 })
  source!: string;
}
