import { MigrationInterface, QueryRunner } from 'typeorm';

export class Voting1764160000000 implements MigrationInterface {
  name = 'Voting1764160000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cluster_agreements" ("id" uuid NOT NULL, "cluster_id" uuid NOT NULL, "year" integer NOT NULL, "title" character varying(300) NOT NULL, "criteria" jsonb NOT NULL, "state" character varying(16) NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_350ec7dadd223cf84519e34cdc3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "cluster_agreements_one_per_year" ON "cluster_agreements"  ("cluster_id", "year") WHERE state <> 'cancelled'`,
    );
    await queryRunner.query(
      `CREATE TABLE "agreement_signatures" ("agreement_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "signed_by" uuid NOT NULL, "signed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_379d35714029c6b2efb69fafbd0" PRIMARY KEY ("agreement_id", "organization_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "cluster_evaluations" ("cluster_id" uuid NOT NULL, "year" integer NOT NULL, "organization_id" uuid NOT NULL, "scores" jsonb NOT NULL, "status" character varying(12) NOT NULL, "note" text, "submitted_by" uuid NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reviewed_by" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_25e4167b30fdf0aed7ba5963d99" PRIMARY KEY ("cluster_id", "year", "organization_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "voting_sessions" ("id" uuid NOT NULL, "cluster_id" uuid NOT NULL, "year" integer NOT NULL, "items" jsonb NOT NULL, "eligible_org_ids" uuid array NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE, "minutes_storage_key" character varying(64), "minutes_sha256" character(64), "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_20e769dbc4f48644861f1a4440b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "voting_sessions_cluster_year" ON "voting_sessions"  ("cluster_id", "year") `,
    );
    await queryRunner.query(
      `CREATE TABLE "voting_candidates" ("session_id" uuid NOT NULL, "nomination_id" uuid NOT NULL, "award_type" character varying(40) NOT NULL, CONSTRAINT "PK_f5db65c1f2d5ae092ef2c1cc8da" PRIMARY KEY ("session_id", "nomination_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "voting_candidates_nomination" ON "voting_candidates"  ("nomination_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "voting_turnout" ("session_id" uuid NOT NULL, "round" integer NOT NULL, "organization_id" uuid NOT NULL, CONSTRAINT "PK_251eeb3826c7006c993e5aaaa20" PRIMARY KEY ("session_id", "round", "organization_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "voting_ballots" ("id" uuid NOT NULL, "session_id" uuid NOT NULL, "round" integer NOT NULL, "choices" jsonb NOT NULL, CONSTRAINT "PK_a4968fc77ea8867912a66dc398a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "voting_ballots_session_round" ON "voting_ballots"  ("session_id", "round") `,
    );
    await queryRunner.query(
      `CREATE TABLE "voting_receipts" ("session_id" uuid NOT NULL, "round" integer NOT NULL, "code" character varying(16) NOT NULL, CONSTRAINT "PK_f77824f09897e46c67956d64d9d" PRIMARY KEY ("session_id", "round", "code"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "cluster_agreements" ADD CONSTRAINT "FK_cce8753b06be8310e189b9428b9" FOREIGN KEY ("cluster_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_signatures" ADD CONSTRAINT "FK_1fa7067a918fc3a8262b11e3e58" FOREIGN KEY ("agreement_id") REFERENCES "cluster_agreements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_signatures" ADD CONSTRAINT "FK_0177c828e9cca8e38f04637e8f6" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cluster_evaluations" ADD CONSTRAINT "FK_851939d08c1127bff0a42c23614" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "voting_sessions" ADD CONSTRAINT "FK_b154301d2eeb22dba199fa3f8bf" FOREIGN KEY ("cluster_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "voting_candidates" ADD CONSTRAINT "FK_67f167efb9113731bccf8dda904" FOREIGN KEY ("session_id") REFERENCES "voting_sessions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "voting_candidates" ADD CONSTRAINT "FK_bd283c7114b9759c9c5b6faee7e" FOREIGN KEY ("nomination_id") REFERENCES "nominations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "voting_turnout" ADD CONSTRAINT "FK_386e351bc226c4076fee1ffe819" FOREIGN KEY ("session_id") REFERENCES "voting_sessions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "voting_turnout" ADD CONSTRAINT "FK_2d56312b37ffeacc3193e58c66a" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "voting_ballots" ADD CONSTRAINT "FK_4cd054578e1a3e350acbd8d612f" FOREIGN KEY ("session_id") REFERENCES "voting_sessions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "voting_receipts" ADD CONSTRAINT "FK_80df474de75f5a977715ad9044b" FOREIGN KEY ("session_id") REFERENCES "voting_sessions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "voting_receipts" DROP CONSTRAINT "FK_80df474de75f5a977715ad9044b"`);
    await queryRunner.query(`ALTER TABLE "voting_ballots" DROP CONSTRAINT "FK_4cd054578e1a3e350acbd8d612f"`);
    await queryRunner.query(`ALTER TABLE "voting_turnout" DROP CONSTRAINT "FK_2d56312b37ffeacc3193e58c66a"`);
    await queryRunner.query(`ALTER TABLE "voting_turnout" DROP CONSTRAINT "FK_386e351bc226c4076fee1ffe819"`);
    await queryRunner.query(
      `ALTER TABLE "voting_candidates" DROP CONSTRAINT "FK_bd283c7114b9759c9c5b6faee7e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "voting_candidates" DROP CONSTRAINT "FK_67f167efb9113731bccf8dda904"`,
    );
    await queryRunner.query(`ALTER TABLE "voting_sessions" DROP CONSTRAINT "FK_b154301d2eeb22dba199fa3f8bf"`);
    await queryRunner.query(
      `ALTER TABLE "cluster_evaluations" DROP CONSTRAINT "FK_851939d08c1127bff0a42c23614"`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_signatures" DROP CONSTRAINT "FK_0177c828e9cca8e38f04637e8f6"`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_signatures" DROP CONSTRAINT "FK_1fa7067a918fc3a8262b11e3e58"`,
    );
    await queryRunner.query(
      `ALTER TABLE "cluster_agreements" DROP CONSTRAINT "FK_cce8753b06be8310e189b9428b9"`,
    );
    await queryRunner.query(`DROP TABLE "voting_receipts"`);
    await queryRunner.query(`DROP INDEX "public"."voting_ballots_session_round"`);
    await queryRunner.query(`DROP TABLE "voting_ballots"`);
    await queryRunner.query(`DROP TABLE "voting_turnout"`);
    await queryRunner.query(`DROP INDEX "public"."voting_candidates_nomination"`);
    await queryRunner.query(`DROP TABLE "voting_candidates"`);
    await queryRunner.query(`DROP INDEX "public"."voting_sessions_cluster_year"`);
    await queryRunner.query(`DROP TABLE "voting_sessions"`);
    await queryRunner.query(`DROP TABLE "cluster_evaluations"`);
    await queryRunner.query(`DROP TABLE "agreement_signatures"`);
    await queryRunner.query(`DROP INDEX "public"."cluster_agreements_one_per_year"`);
    await queryRunner.query(`DROP TABLE "cluster_agreements"`);
  }
}
