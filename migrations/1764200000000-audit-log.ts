import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit log of administrative acts: append-only (like the workflow history) and hash-chained. */
export class AuditLog1764200000000 implements MigrationInterface {
  name = 'AuditLog1764200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("seq" bigint NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor" jsonb NOT NULL, "action" character varying(64) NOT NULL, "target_type" character varying(40) NOT NULL, "target_id" character varying(200), "reason" text, "before" jsonb, "after" jsonb, "request_id" character varying(64), "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "PK_audit_log" PRIMARY KEY ("seq"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_log_target" ON "audit_log" ("target_type", "target_id", "seq")`,
    );
    await queryRunner.query(`CREATE INDEX "audit_log_action" ON "audit_log" ("action", "seq")`);
    await queryRunner.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_log_append_only ON audit_log`);
    await queryRunner.query(`DROP FUNCTION audit_log_append_only()`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
