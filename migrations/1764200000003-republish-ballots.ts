import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Before ballots were sealed, a ballot and its receipt were written in the transaction that recorded its
 * organisation's turnout: they shared its transaction id. Every stored ballot and receipt is written anew, each set
 * in one statement ordered by content, so nothing links them to a turnout row any more.
 */
export class RepublishBallots1764200000003 implements MigrationInterface {
  name = 'RepublishBallots1764200000003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      WITH b AS (DELETE FROM voting_ballots RETURNING session_id, round, choices)
      INSERT INTO voting_ballots (id, session_id, round, choices)
      SELECT gen_random_uuid(), session_id, round, choices FROM b ORDER BY session_id, round, choices::text`);
    await queryRunner.query(`
      WITH r AS (DELETE FROM voting_receipts RETURNING session_id, round, code)
      INSERT INTO voting_receipts (session_id, round, code)
      SELECT session_id, round, code FROM r ORDER BY session_id, round, code`);
  }

  public async down(): Promise<void> {
    // Nothing to undo: the rows are the same, only written anew.
  }
}
