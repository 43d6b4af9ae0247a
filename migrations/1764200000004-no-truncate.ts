import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only tables refuse TRUNCATE as well as UPDATE and DELETE: a row trigger does not fire on TRUNCATE,
 * which would otherwise empty the history or the audit log without a trace.
 */
export class NoTruncate1764200000004 implements MigrationInterface {
  name = 'NoTruncate1764200000004';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TRIGGER workflow_history_no_truncate BEFORE TRUNCATE ON workflow_history
      FOR EACH STATEMENT EXECUTE FUNCTION workflow_history_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_log_no_truncate ON audit_log`);
    await queryRunner.query(`DROP TRIGGER workflow_history_no_truncate ON workflow_history`);
  }
}
