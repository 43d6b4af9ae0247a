import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's unread notifications indexed by their subject too: acting on a nomination marks what one's inbox said
 * about it read, and with the user alone in the index that statement read every unread notification of the person
 * (thousands for a cluster leader or a Board officer who reads them on the nomination's page, not in the inbox),
 * at every transition. The count of one's unread notifications reads the same index.
 *
 * Built `CONCURRENTLY`, outside a transaction, so that inboxes keep being written while it is built; a build that
 * was interrupted leaves an invalid index of the new name, which the next run drops and builds again. Reverting
 * (TypeORM reverts inside a transaction) rebuilds the old index the plain way.
 */
export class UnreadBySubject1764320000000 implements MigrationInterface {
  name = 'UnreadBySubject1764320000000';
  transaction = false;

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS "public"."notifications_user_unread_next"`);
    await queryRunner.query(
      `CREATE INDEX CONCURRENTLY "notifications_user_unread_next" ON "notifications" ("user_id", "subject_id") WHERE read_at IS NULL`,
    );
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS "public"."notifications_user_unread"`);
    await queryRunner.query(
      `ALTER INDEX "public"."notifications_user_unread_next" RENAME TO "notifications_user_unread"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."notifications_user_unread"`);
    await queryRunner.query(
      `CREATE INDEX "notifications_user_unread" ON "notifications" ("user_id") WHERE read_at IS NULL`,
    );
  }
}
