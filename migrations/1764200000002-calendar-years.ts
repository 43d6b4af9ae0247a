import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The status of each year's schedule: confirmed by an administrator from the Government's notice, or provisional
 * (the Labour Code's defaults, computed). The official schedules 2023–2026 already in the table are confirmed.
 */
export class CalendarYears1764200000002 implements MigrationInterface {
  name = 'CalendarYears1764200000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "calendar_years" ("year" integer NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE, "confirmed_by" uuid, "note" character varying(300), "reminded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_calendar_years" PRIMARY KEY ("year"))`,
    );
    await queryRunner.query(
      `INSERT INTO calendar_years (year, confirmed_at, note)
       SELECT y, now(), 'Lịch nghỉ chính thức theo thông báo của Chính phủ (nhập khi cài đặt)' FROM generate_series(2023, 2026) AS y`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "calendar_years"`);
  }
}
