import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an individual's dossier states about the person besides name, gender and position: date of birth, place of
 * origin (quê quán), ethnicity (dân tộc) and years in service, as they were when the nomination was made.
 */
export class NomineeDetails1764300000000 implements MigrationInterface {
  name = 'NomineeDetails1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE nominations
      ADD COLUMN nominee_birth_date date,
      ADD COLUMN nominee_hometown varchar(200),
      ADD COLUMN nominee_ethnicity varchar(60),
      ADD COLUMN nominee_service_years smallint CHECK (nominee_service_years BETWEEN 0 AND 70)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE nominations
      DROP COLUMN nominee_service_years, DROP COLUMN nominee_ethnicity,
      DROP COLUMN nominee_hometown, DROP COLUMN nominee_birth_date`);
  }
}
