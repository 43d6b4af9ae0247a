import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Workflow history is append-only: the database refuses UPDATE and DELETE on it. Tampering therefore needs
 * superuser rights (to disable the trigger), and the hash chain makes it visible to the verifier.
 */
export class HistoryAppendOnly1764140000001 implements MigrationInterface {
  name = 'HistoryAppendOnly1764140000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION workflow_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'workflow_history is append-only' USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER workflow_history_append_only BEFORE UPDATE OR DELETE ON workflow_history
      FOR EACH ROW EXECUTE FUNCTION workflow_history_append_only()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER workflow_history_append_only ON workflow_history`);
    await queryRunner.query(`DROP FUNCTION workflow_history_append_only()`);
  }
}
