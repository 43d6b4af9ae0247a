import { MigrationInterface, QueryRunner } from 'typeorm';

export class Engine1764140000000 implements MigrationInterface {
  name = 'Engine1764140000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "calendar_days" ("date" date NOT NULL, "kind" character varying(16) NOT NULL, "name_vi" character varying(200) NOT NULL, "name_en" character varying(200) NOT NULL, "source" character varying(300) NOT NULL, CONSTRAINT "PK_1c04d56e8833eb6827f104f17e0" PRIMARY KEY ("date"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "idempotency_keys" ("principal" character varying(64) NOT NULL, "key" character varying(255) NOT NULL, "request_hash" character(64) NOT NULL, "status_code" integer NOT NULL, "response" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_574edfb9ce98100b66a0a2e0f34" PRIMARY KEY ("principal", "key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "workflow_instances" ("id" uuid NOT NULL, "machine_id" character varying(64) NOT NULL, "machine_version" integer NOT NULL, "state" character varying(128) NOT NULL, "snapshot" jsonb NOT NULL, "version" integer NOT NULL, "head_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_90cc94e44ff8b7b7869f50e4fc4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "workflow_instances_machine_state" ON "workflow_instances"  ("machine_id", "state") `,
    );
    await queryRunner.query(
      `CREATE TABLE "workflow_history" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "instance_id" uuid NOT NULL, "seq" integer NOT NULL, "machine_version" integer NOT NULL, "event_type" character varying(64) NOT NULL, "event" jsonb NOT NULL, "from_state" character varying(128), "to_state" character varying(128) NOT NULL, "actor" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "PK_fea2a8522a65a196224b276dbd9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "workflow_history_instance_seq" ON "workflow_history"  ("instance_id", "seq") `,
    );
    await queryRunner.query(
      `CREATE TABLE "workflow_outbox" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "instance_id" uuid NOT NULL, "history_id" bigint NOT NULL, "effect_type" character varying(64) NOT NULL, "payload" jsonb NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "enqueued_at" TIMESTAMP WITH TIME ZONE, "done_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_457b6862cfbb410a2d0858e6e09" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "workflow_outbox_instance" ON "workflow_outbox"  ("instance_id") `);
    await queryRunner.query(
      `CREATE INDEX "workflow_outbox_pending" ON "workflow_outbox"  ("id") WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE TABLE "workflow_timers" ("id" uuid NOT NULL, "instance_id" uuid NOT NULL, "key" character varying(64) NOT NULL, "event" jsonb NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "created_history_id" bigint NOT NULL, "enqueued_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "outcome" character varying(32), CONSTRAINT "PK_92d946eb79e5edf1fe7ed2c4cac" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "workflow_timers_pending_due" ON "workflow_timers"  ("due_at") WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "workflow_timers_pending_key" ON "workflow_timers"  ("instance_id", "key") WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `ALTER TABLE "workflow_history" ADD CONSTRAINT "FK_26969accfefd6aaeb8c5511a911" FOREIGN KEY ("instance_id") REFERENCES "workflow_instances"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "workflow_outbox" ADD CONSTRAINT "FK_58d4ae62cb74f74dd4e8cf24ee6" FOREIGN KEY ("instance_id") REFERENCES "workflow_instances"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "workflow_timers" ADD CONSTRAINT "FK_4f2dcd69d0813cab272e2df2423" FOREIGN KEY ("instance_id") REFERENCES "workflow_instances"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "workflow_timers" DROP CONSTRAINT "FK_4f2dcd69d0813cab272e2df2423"`);
    await queryRunner.query(`ALTER TABLE "workflow_outbox" DROP CONSTRAINT "FK_58d4ae62cb74f74dd4e8cf24ee6"`);
    await queryRunner.query(
      `ALTER TABLE "workflow_history" DROP CONSTRAINT "FK_26969accfefd6aaeb8c5511a911"`,
    );
    await queryRunner.query(`DROP INDEX "public"."workflow_timers_pending_key"`);
    await queryRunner.query(`DROP INDEX "public"."workflow_timers_pending_due"`);
    await queryRunner.query(`DROP TABLE "workflow_timers"`);
    await queryRunner.query(`DROP INDEX "public"."workflow_outbox_pending"`);
    await queryRunner.query(`DROP INDEX "public"."workflow_outbox_instance"`);
    await queryRunner.query(`DROP TABLE "workflow_outbox"`);
    await queryRunner.query(`DROP INDEX "public"."workflow_history_instance_seq"`);
    await queryRunner.query(`DROP TABLE "workflow_history"`);
    await queryRunner.query(`DROP INDEX "public"."workflow_instances_machine_state"`);
    await queryRunner.query(`DROP TABLE "workflow_instances"`);
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
    await queryRunner.query(`DROP TABLE "calendar_days"`);
  }
}
