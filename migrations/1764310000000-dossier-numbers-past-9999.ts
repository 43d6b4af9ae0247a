import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A dossier number keeps every digit of its counter: `lpad(…, 4, '0')` cut a count above 9999 to its first four
 * digits, so the 10,000th dossier of a year and award took the number of the 1,000th and its insert failed.
 * Numbers stay four digits wide up to 9999, then grow.
 */
export class DossierNumbersPast99991764310000000 implements MigrationInterface {
  name = 'DossierNumbersPast99991764310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.define(
      queryRunner,
      `CASE WHEN last < 10000 THEN lpad(last::text, 4, '0') ELSE last::text END`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.define(queryRunner, `lpad(last::text, 4, '0')`);
  }

  private async define(queryRunner: QueryRunner, digits: string): Promise<void> {
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION next_dossier_number(y integer, award text) RETURNS text LANGUAGE sql VOLATILE AS $$
         INSERT INTO dossier_counters (year, award_type, last) VALUES (y, award, 1)
         ON CONFLICT (year, award_type) DO UPDATE SET last = dossier_counters.last + 1
         RETURNING y || '-' || dossier_prefix(award) || '-' || ${digits}
       $$`,
    );
  }
}
