import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The award register: persons (an individual nominee found again on the next nomination), the yearly ratings
 * and initiatives vocabulary, and every title, award, rating and initiative a unit or a person holds.
 */
export class Register1764250000000 implements MigrationInterface {
  name = 'Register1764250000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "persons" (
         "id" uuid PRIMARY KEY,
         "full_name" varchar(200) NOT NULL,
         "name_key" varchar(200) NOT NULL,
         "gender" varchar(8),
         "birth_date" date,
         "organization_id" uuid NOT NULL REFERENCES "organizations"("id") ON DELETE RESTRICT,
         "position" varchar(200),
         "merged_into_id" uuid REFERENCES "persons"("id") ON DELETE RESTRICT,
         "created_at" timestamptz NOT NULL DEFAULT now(),
         "updated_at" timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT "persons_not_merged_into_self" CHECK ("merged_into_id" IS DISTINCT FROM "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "persons_org_name" ON "persons" ("organization_id", "name_key") WHERE "merged_into_id" IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "persons_name_birth" ON "persons" ("name_key", "birth_date")`);
    await queryRunner.query(
      `CREATE TABLE "person_history" (
         "id" bigserial PRIMARY KEY,
         "person_id" uuid NOT NULL REFERENCES "persons"("id") ON DELETE RESTRICT,
         "at" timestamptz NOT NULL DEFAULT now(),
         "change" varchar(16) NOT NULL,
         "organization_id" uuid NOT NULL,
         "position" varchar(200),
         "detail" jsonb NOT NULL DEFAULT '{}'::jsonb,
         "actor_id" uuid)`,
    );
    await queryRunner.query(`CREATE INDEX "person_history_person" ON "person_history" ("person_id", "at")`);
    await queryRunner.query(
      `CREATE TABLE "register_titles" (
         "code" varchar(40) PRIMARY KEY,
         "kind" varchar(12) NOT NULL,
         "nominee_kinds" text[] NOT NULL,
         "name_vi" varchar(200) NOT NULL,
         "name_en" varchar(200) NOT NULL,
         "sort_order" int NOT NULL DEFAULT 0)`,
    );
    await queryRunner.query(
      `CREATE TABLE "register_entries" (
         "id" uuid PRIMARY KEY,
         "subject_kind" varchar(12) NOT NULL,
         "person_id" uuid REFERENCES "persons"("id") ON DELETE RESTRICT,
         "organization_id" uuid NOT NULL REFERENCES "organizations"("id") ON DELETE RESTRICT,
         "category" varchar(12) NOT NULL,
         "code" varchar(40) NOT NULL,
         "year" int NOT NULL,
         "deciding_body" varchar(200) NOT NULL,
         "decision_number" varchar(60) NOT NULL,
         "decision_date" date NOT NULL,
         "source" varchar(12) NOT NULL,
         "nomination_id" uuid UNIQUE,
         "natural_key" varchar(400) NOT NULL UNIQUE,
         "revoked_at" timestamptz,
         "revocation_reason" text,
         "revocation_decision" varchar(60),
         "revoked_by" uuid,
         "created_by" uuid,
         "created_at" timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT "register_entries_subject" CHECK (("subject_kind" = 'individual') = ("person_id" IS NOT NULL)),
         CONSTRAINT "register_entries_kind" CHECK ("subject_kind" IN ('individual', 'collective')),
         CONSTRAINT "register_entries_category" CHECK ("category" IN ('award', 'rating', 'initiative')),
         CONSTRAINT "register_entries_source" CHECK ("source" IN ('thidua', 'import')))`,
    );
    await queryRunner.query(
      `CREATE INDEX "register_entries_person" ON "register_entries" ("person_id", "year")`,
    );
    await queryRunner.query(
      `CREATE INDEX "register_entries_org" ON "register_entries" ("organization_id", "year")`,
    );
    await queryRunner.query(
      `ALTER TABLE "nominations" ADD "nominee_person_id" uuid REFERENCES "persons"("id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "nominations_nominee_person" ON "nominations" ("nominee_person_id") WHERE "nominee_person_id" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "nominations" DROP COLUMN "nominee_person_id"`);
    await queryRunner.query(`DROP TABLE "register_entries"`);
    await queryRunner.query(`DROP TABLE "register_titles"`);
    await queryRunner.query(`DROP TABLE "person_history"`);
    await queryRunner.query(`DROP TABLE "persons"`);
  }
}
