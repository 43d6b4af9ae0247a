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

/** A year's schedule: confirmed by an administrator (the Government's notice entered), or provisional. */
@Entity({ name: 'calendar_years' })
export class CalendarYearEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  @Column({ name: 'confirmed_by', type: 'uuid', nullable: true })
  confirmedBy!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  note!: string | null;

  /** When the administrators were told that this year is still unconfirmed. */
  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt!: Date | null;
}
