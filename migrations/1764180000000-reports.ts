import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reports1764180000000 implements MigrationInterface {
  name = 'Reports1764180000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "generated_documents" ("id" uuid NOT NULL, "kind" character varying(32) NOT NULL, "format" character varying(8) NOT NULL, "subject_type" character varying(32) NOT NULL, "subject_id" character varying(100) NOT NULL, "file_name" character varying(200) NOT NULL, "sha256" character(64) NOT NULL, "size" integer NOT NULL, "storage_key" character varying(64) NOT NULL, "organization_ids" uuid array NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_93d5f4d6fdc3c0fcc5a7a3aedc2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "generated_documents_subject" ON "generated_documents"  ("subject_type", "subject_id", "created_at") `,
    );
    await queryRunner.query(`ALTER TABLE "voting_sessions" DROP COLUMN "minutes_storage_key"`);
    await queryRunner.query(`ALTER TABLE "voting_sessions" DROP COLUMN "minutes_sha256"`);
    await queryRunner.query(`ALTER TABLE "nominations" ADD "rejected_stage" character varying(20)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "nominations" DROP COLUMN "rejected_stage"`);
    await queryRunner.query(`ALTER TABLE "voting_sessions" ADD "minutes_sha256" character(64)`);
    await queryRunner.query(`ALTER TABLE "voting_sessions" ADD "minutes_storage_key" character varying(64)`);
    await queryRunner.query(`DROP INDEX "public"."generated_documents_subject"`);
    await queryRunner.query(`DROP TABLE "generated_documents"`);
  }
}
