import { MigrationInterface, QueryRunner } from 'typeorm';

export class Deliveries1764170000000 implements MigrationInterface {
  name = 'Deliveries1764170000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "webhooks" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "url" character varying(2000) NOT NULL, "events" text array NOT NULL, "secret" character varying(200) NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_9e8795cfc899ab7bdaa831e8527" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "webhooks_organization" ON "webhooks"  ("organization_id") `);
    await queryRunner.query(
      `CREATE TABLE "notification_deliveries" ("id" uuid NOT NULL, "channel" character varying(8) NOT NULL, "outbox_id" bigint NOT NULL, "user_id" uuid, "webhook_id" uuid, "payload" jsonb NOT NULL, "status" character varying(8) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "generation" integer NOT NULL DEFAULT '0', "last_error" text, "response_status" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "enqueued_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_81daeff81f237bd384f7cfc4a4c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_deliveries_webhook" ON "notification_deliveries"  ("webhook_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_deliveries_pending" ON "notification_deliveries"  ("created_at") WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhooks" ADD CONSTRAINT "FK_1263da9f2a66fe09006bd86130e" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_deliveries" ADD CONSTRAINT "FK_bfe67fc9800e443b5f30b532ab1" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notification_deliveries" DROP CONSTRAINT "FK_bfe67fc9800e443b5f30b532ab1"`,
    );
    await queryRunner.query(`ALTER TABLE "webhooks" DROP CONSTRAINT "FK_1263da9f2a66fe09006bd86130e"`);
    await queryRunner.query(`DROP INDEX "public"."notification_deliveries_pending"`);
    await queryRunner.query(`DROP INDEX "public"."notification_deliveries_webhook"`);
    await queryRunner.query(`DROP TABLE "notification_deliveries"`);
    await queryRunner.query(`DROP INDEX "public"."webhooks_organization"`);
    await queryRunner.query(`DROP TABLE "webhooks"`);
  }
}
