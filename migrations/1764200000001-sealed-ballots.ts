import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ballots of an open round are stored sealed (the key never enters the database) until the round is tallied,
 * when they are opened and published together, ordered by content.
 */
export class SealedBallots1764200000001 implements MigrationInterface {
  name = 'SealedBallots1764200000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "voting_sealed_ballots" ("id" uuid NOT NULL, "session_id" uuid NOT NULL, "round" integer NOT NULL, "sealed" bytea NOT NULL, CONSTRAINT "PK_voting_sealed_ballots" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "voting_sealed_ballots_session_round" ON "voting_sealed_ballots" ("session_id", "round")`,
    );
    await queryRunner.query(
      `ALTER TABLE "voting_sealed_ballots" ADD CONSTRAINT "FK_voting_sealed_ballots_session" FOREIGN KEY ("session_id") REFERENCES "voting_sessions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "voting_sealed_ballots"`);
  }
}
