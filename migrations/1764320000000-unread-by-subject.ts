import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's unread notifications indexed by their subject too: acting on a nomination marks what one's inbox said
 * about it read, and with the user alone in the index that statement read every unread notification of the
 * person (thousands for a cluster leader or a Board officer who reads them on the nomination's page, not in the
 * inbox), at every transition. The count of one's unread notifications reads the same index.
 */
export class UnreadBySubject1764320000000 implements MigrationInterface {
  name = 'UnreadBySubject1764320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."notifications_user_unread"`);
    await queryRunner.query(
      `CREATE INDEX "notifications_user_unread" ON "notifications" ("user_id", "subject_id") WHERE read_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."notifications_user_unread"`);
    await queryRunner.query(
      `CREATE INDEX "notifications_user_unread" ON "notifications" ("user_id") WHERE read_at IS NULL`,
    );
  }
}
