import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Official records: the register of document numbers (per issuer and year, each number once), meetings (a
 * cluster's conference, a council session) that voting sessions belong to, decisions that cover many nominations,
 * and human-readable dossier numbers (per year and award), given to the existing nominations in creation order.
 */
const PREFIXES: Record<string, string> = {
  GOVERNMENT_FLAG: 'CTCP',
  PM_CERTIFICATE: 'BKTT',
  NATIONAL_EMULATION_FIGHTER: 'CSTQ',
  PROVINCIAL_FLAG: 'CTT',
  PROVINCIAL_CERTIFICATE: 'BKT',
  PROVINCIAL_EMULATION_FIGHTER: 'CSTT',
  EXCEPTIONAL_REWARD: 'KTDX',
};

export class Records1764240000000 implements MigrationInterface {
  name = 'Records1764240000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "document_register" (
         "issuer_id" uuid NOT NULL, "year" integer NOT NULL, "seq" integer NOT NULL,
         "symbol" character varying(40) NOT NULL, "kind" character varying(32) NOT NULL,
         "subject_type" character varying(32) NOT NULL, "subject_id" character varying(100) NOT NULL,
         "document_date" date NOT NULL, "recorded_by" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
         CONSTRAINT "PK_document_register" PRIMARY KEY ("issuer_id", "year", "seq"),
         CONSTRAINT "CHK_document_register_seq" CHECK ("seq" > 0),
         CONSTRAINT "FK_document_register_issuer" FOREIGN KEY ("issuer_id") REFERENCES "organizations"("id") ON DELETE RESTRICT)`,
    );
    await queryRunner.query(
      `CREATE INDEX "document_register_subject" ON "document_register" ("subject_type", "subject_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "meetings" (
         "id" uuid NOT NULL, "kind" character varying(24) NOT NULL, "organization_id" uuid NOT NULL,
         "year" integer NOT NULL, "held_on" date NOT NULL, "starts_at" character varying(5),
         "place" character varying(200) NOT NULL, "venue" character varying(300),
         "chair" jsonb NOT NULL, "secretary" jsonb NOT NULL, "present" jsonb NOT NULL, "absent" jsonb NOT NULL,
         "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
         CONSTRAINT "PK_meetings" PRIMARY KEY ("id"),
         CONSTRAINT "CHK_meetings_kind" CHECK ("kind" IN ('clusterConference', 'councilSession')),
         CONSTRAINT "FK_meetings_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT)`,
    );
    await queryRunner.query(
      `CREATE INDEX "meetings_organization_year" ON "meetings" ("organization_id", "year", "held_on")`,
    );
    await queryRunner.query(`ALTER TABLE "voting_sessions" ADD "meeting_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "voting_sessions" ADD CONSTRAINT "FK_voting_sessions_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE RESTRICT`,
    );
    await queryRunner.query(
      `CREATE TABLE "decisions" (
         "id" uuid NOT NULL, "kind" character varying(24) NOT NULL, "issuer_id" uuid NOT NULL,
         "number" character varying(64), "decided_on" date NOT NULL, "meeting_id" uuid,
         "signer_name" character varying(200), "signer_function" character varying(200),
         "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
         CONSTRAINT "PK_decisions" PRIMARY KEY ("id"),
         CONSTRAINT "CHK_decisions_kind" CHECK ("kind" IN ('primeMinister', 'council', 'clusterAcceptance')),
         CONSTRAINT "FK_decisions_issuer" FOREIGN KEY ("issuer_id") REFERENCES "organizations"("id") ON DELETE RESTRICT,
         CONSTRAINT "FK_decisions_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE RESTRICT)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "decisions_issuer_number" ON "decisions" ("issuer_id", "number", (extract(year FROM "decided_on"))) WHERE "number" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "decision_items" (
         "decision_id" uuid NOT NULL, "nomination_id" uuid NOT NULL, "outcome" character varying(16) NOT NULL,
         "reason" character varying(2000),
         CONSTRAINT "PK_decision_items" PRIMARY KEY ("decision_id", "nomination_id"),
         CONSTRAINT "FK_decision_items_decision" FOREIGN KEY ("decision_id") REFERENCES "decisions"("id") ON DELETE RESTRICT,
         CONSTRAINT "FK_decision_items_nomination" FOREIGN KEY ("nomination_id") REFERENCES "nominations"("id") ON DELETE RESTRICT)`,
    );
    await queryRunner.query(`CREATE INDEX "decision_items_nomination" ON "decision_items" ("nomination_id")`);
    await queryRunner.query(
      `CREATE TABLE "dossier_counters" ("year" integer NOT NULL, "award_type" character varying(40) NOT NULL,
         "last" integer NOT NULL, CONSTRAINT "PK_dossier_counters" PRIMARY KEY ("year", "award_type"))`,
    );
    await queryRunner.query(`ALTER TABLE "nominations" ADD "dossier_number" character varying(40)`);
    // Numbers come from one function, used by the service and by a trigger for rows inserted in SQL alone.
    await queryRunner.query(
      `CREATE FUNCTION dossier_prefix(award text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
         SELECT coalesce((SELECT p FROM (VALUES ${Object.entries(PREFIXES)
           .map(([code, prefix]) => `('${code}', '${prefix}')`)
           .join(', ')}) AS x(c, p) WHERE c = award),
           (SELECT string_agg(left(w, 1), '') FROM unnest(string_to_array(award, '_')) AS w))
       $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION next_dossier_number(y integer, award text) RETURNS text LANGUAGE sql VOLATILE AS $$
         INSERT INTO dossier_counters (year, award_type, last) VALUES (y, award, 1)
         ON CONFLICT (year, award_type) DO UPDATE SET last = dossier_counters.last + 1
         RETURNING y || '-' || dossier_prefix(award) || '-' || lpad(last::text, 4, '0')
       $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION assign_dossier_number() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.dossier_number := next_dossier_number(NEW.year, NEW.award_type);
         NEW.search_text := NEW.search_text || ' ' || lower(NEW.dossier_number);
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER nominations_dossier_number BEFORE INSERT ON nominations
       FOR EACH ROW WHEN (NEW.dossier_number IS NULL) EXECUTE FUNCTION assign_dossier_number()`,
    );
    const existing = (await queryRunner.query(
      `SELECT id, year, award_type FROM nominations ORDER BY year, award_type, created_at, id`,
    )) as { id: string; year: number; award_type: string }[];
    for (const n of existing) {
      await queryRunner.query(
        `UPDATE nominations SET dossier_number = d.number, search_text = search_text || ' ' || lower(d.number)
           FROM (SELECT next_dossier_number($2, $3) AS number) d WHERE id = $1`,
        [n.id, n.year, n.award_type],
      );
    }
    await queryRunner.query(`ALTER TABLE "nominations" ALTER COLUMN "dossier_number" SET NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "nominations_dossier_number" ON "nominations" ("dossier_number")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "nominations_dossier_number"`);
    await queryRunner.query(`DROP TRIGGER nominations_dossier_number ON nominations`);
    await queryRunner.query(`DROP FUNCTION assign_dossier_number()`);
    await queryRunner.query(`DROP FUNCTION next_dossier_number(integer, text)`);
    await queryRunner.query(`DROP FUNCTION dossier_prefix(text)`);
    await queryRunner.query(`ALTER TABLE "nominations" DROP COLUMN "dossier_number"`);
    await queryRunner.query(`DROP TABLE "dossier_counters"`);
    await queryRunner.query(`DROP TABLE "decision_items"`);
    await queryRunner.query(`DROP TABLE "decisions"`);
    await queryRunner.query(`ALTER TABLE "voting_sessions" DROP CONSTRAINT "FK_voting_sessions_meeting"`);
    await queryRunner.query(`ALTER TABLE "voting_sessions" DROP COLUMN "meeting_id"`);
    await queryRunner.query(`DROP TABLE "meetings"`);
    await queryRunner.query(`DROP TABLE "document_register"`);
  }
}
