import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Work that failed every attempt is counted for the metrics at each scrape: small partial indexes find it. */
export class DeadLetters1764268000000 implements MigrationInterface {
  name = 'DeadLetters1764268000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "workflow_outbox_dead" ON "workflow_outbox" ("id") WHERE status = 'dead'`);
    await q.query(`CREATE INDEX "workflow_timers_dead" ON "workflow_timers" ("id") WHERE status = 'dead'`);
    await q.query(
      `CREATE INDEX "notification_deliveries_dead" ON "notification_deliveries" ("channel") WHERE status = 'dead'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "notification_deliveries_dead"`);
    await q.query(`DROP INDEX "workflow_timers_dead"`);
    await q.query(`DROP INDEX "workflow_outbox_dead"`);
  }
}
