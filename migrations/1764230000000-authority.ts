import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A webhook reads in a role (what its organisation may read in that role is all it is sent), and an inbox message
 * may tell of an administrative act, which has no outbox row behind it.
 */
export class Authority1764230000000 implements MigrationInterface {
  name = 'Authority1764230000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "outbox_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "webhooks" ADD "role" character varying(24)`);
    // Existing webhooks read in the role of who subscribed them; one an administrator subscribed for another
    // organisation (or whose subscriber is gone) gets the narrowest view, its organisation's own nominations.
    await queryRunner.query(
      `UPDATE "webhooks" w SET "role" = CASE WHEN u.role = 'ADMIN' AND u.organization_id <> w.organization_id
                                              THEN 'NOMINATOR' ELSE u.role END
         FROM "users" u WHERE u.id = w.created_by`,
    );
    await queryRunner.query(`UPDATE "webhooks" SET "role" = 'NOMINATOR' WHERE "role" IS NULL`);
    await queryRunner.query(`ALTER TABLE "webhooks" ALTER COLUMN "role" SET NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhooks" DROP COLUMN "role"`);
    // Messages of administrative acts cannot be kept without an outbox row.
    await queryRunner.query(`DELETE FROM "notifications" WHERE "outbox_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "outbox_id" SET NOT NULL`);
  }
}
