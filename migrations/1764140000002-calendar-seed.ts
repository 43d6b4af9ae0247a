import type { MigrationInterface, QueryRunner } from 'typeorm';

type Day = [date: string, kind: 'day_off' | 'working_day', vi: string, en: string, source: string];

const LABOUR_CODE = 'Labour Code 2019 art. 112';
const notice = (year: number) =>
  `${LABOUR_CODE}; the Government's holiday notice for civil servants, ${year}`;

/**
 * The official schedules for civil servants (weekday days off, and weekend days worked in exchange), 2023–2026.
 * An administrator adds later years through the API; this is only the starting table.
 */
export const OFFICIAL_DAYS: Day[] = [
  ['2023-01-02', 'day_off', 'Nghỉ bù Tết Dương lịch', "New Year's Day (in lieu)", notice(2023)],
  ...['2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26'].map((d): Day => [
    d,
    'day_off',
    'Tết Nguyên đán',
    'Lunar New Year (Tết)',
    notice(2023),
  ]),
  ['2023-05-01', 'day_off', 'Ngày Quốc tế Lao động', 'Labour Day', notice(2023)],
  ['2023-05-02', 'day_off', 'Nghỉ bù Giỗ Tổ Hùng Vương', 'Hung Kings Commemoration (in lieu)', notice(2023)],
  ['2023-05-03', 'day_off', 'Nghỉ bù Ngày Giải phóng miền Nam', 'Reunification Day (in lieu)', notice(2023)],
  ['2023-05-06', 'working_day', 'Làm bù', 'Working Saturday in exchange', notice(2023)],
  ['2023-09-01', 'day_off', 'Quốc khánh', 'National Day', notice(2023)],
  ['2023-09-04', 'day_off', 'Nghỉ bù Quốc khánh', 'National Day (in lieu)', notice(2023)],

  ['2024-01-01', 'day_off', 'Tết Dương lịch', "New Year's Day", notice(2024)],
  ...['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14'].map((d): Day => [
    d,
    'day_off',
    'Tết Nguyên đán',
    'Lunar New Year (Tết)',
    notice(2024),
  ]),
  ['2024-04-18', 'day_off', 'Giỗ Tổ Hùng Vương', 'Hung Kings Commemoration', notice(2024)],
  ['2024-04-29', 'day_off', 'Nghỉ hoán đổi', 'Day off in exchange for 4 May', notice(2024)],
  ['2024-04-30', 'day_off', 'Ngày Giải phóng miền Nam', 'Reunification Day', notice(2024)],
  ['2024-05-01', 'day_off', 'Ngày Quốc tế Lao động', 'Labour Day', notice(2024)],
  ['2024-05-04', 'working_day', 'Làm bù', 'Working Saturday in exchange', notice(2024)],
  ['2024-09-02', 'day_off', 'Quốc khánh', 'National Day', notice(2024)],
  ['2024-09-03', 'day_off', 'Quốc khánh', 'National Day', notice(2024)],

  ['2025-01-01', 'day_off', 'Tết Dương lịch', "New Year's Day", notice(2025)],
  ...['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map((d): Day => [
    d,
    'day_off',
    'Tết Nguyên đán',
    'Lunar New Year (Tết)',
    notice(2025),
  ]),
  ['2025-04-07', 'day_off', 'Giỗ Tổ Hùng Vương', 'Hung Kings Commemoration', notice(2025)],
  ['2025-04-26', 'working_day', 'Làm bù', 'Working Saturday in exchange', notice(2025)],
  ['2025-04-30', 'day_off', 'Ngày Giải phóng miền Nam', 'Reunification Day', notice(2025)],
  ['2025-05-01', 'day_off', 'Ngày Quốc tế Lao động', 'Labour Day', notice(2025)],
  ['2025-05-02', 'day_off', 'Nghỉ hoán đổi', 'Day off in exchange for 26 April', notice(2025)],
  ['2025-09-01', 'day_off', 'Quốc khánh', 'National Day', notice(2025)],
  ['2025-09-02', 'day_off', 'Quốc khánh', 'National Day', notice(2025)],

  ['2026-01-01', 'day_off', 'Tết Dương lịch', "New Year's Day", notice(2026)],
  ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((d): Day => [
    d,
    'day_off',
    'Tết Nguyên đán',
    'Lunar New Year (Tết)',
    notice(2026),
  ]),
  ['2026-04-27', 'day_off', 'Nghỉ bù Giỗ Tổ Hùng Vương', 'Hung Kings Commemoration (in lieu)', notice(2026)],
  ['2026-04-30', 'day_off', 'Ngày Giải phóng miền Nam', 'Reunification Day', notice(2026)],
  ['2026-05-01', 'day_off', 'Ngày Quốc tế Lao động', 'Labour Day', notice(2026)],
  ['2026-09-01', 'day_off', 'Quốc khánh', 'National Day', `${LABOUR_CODE} (2 September and an adjacent day)`],
  ['2026-09-02', 'day_off', 'Quốc khánh', 'National Day', LABOUR_CODE],
];

export class CalendarSeed1764140000002 implements MigrationInterface {
  name = 'CalendarSeed1764140000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO calendar_days (date, kind, name_vi, name_en, source)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(date date, kind text, name_vi text, name_en text, source text)
       ON CONFLICT (date) DO NOTHING`,
      [
        JSON.stringify(
          OFFICIAL_DAYS.map(([date, kind, name_vi, name_en, source]) => ({
            date,
            kind,
            name_vi,
            name_en,
            source,
          })),
        ),
      ],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM calendar_days WHERE date = ANY($1::date[])`, [
      OFFICIAL_DAYS.map((d) => d[0]),
    ]);
  }
}
