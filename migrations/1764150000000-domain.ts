import { MigrationInterface, QueryRunner } from 'typeorm';

export class Domain1764150000000 implements MigrationInterface {
  name = 'Domain1764150000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "login_attempts" ("key" character varying(320) NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "failures" integer NOT NULL, CONSTRAINT "PK_f90e70c50d5744e4d9f41dd397c" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "organizations" ("id" uuid NOT NULL, "code" character varying(40) NOT NULL, "kind" character varying(24) NOT NULL, "name_vi" character varying(200) NOT NULL, "name_en" character varying(200) NOT NULL, "province_code" integer, "parent_id" uuid, "valid_from" date NOT NULL, "valid_to" date, "successor_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_7e27c3b62c681fbe3e2322535f2" UNIQUE ("code"), CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "organizations_parent" ON "organizations"  ("parent_id") `);
    await queryRunner.query(`CREATE INDEX "organizations_successor" ON "organizations"  ("successor_id") `);
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL, "email" character varying(254) NOT NULL, "password_hash" character varying(255) NOT NULL, "full_name" character varying(200) NOT NULL, "role" character varying(32) NOT NULL, "organization_id" uuid NOT NULL, "locale" character varying(2) NOT NULL DEFAULT 'vi', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "users_organization" ON "users"  ("organization_id") `);
    await queryRunner.query(
      `CREATE TABLE "award_types" ("code" character varying(40) NOT NULL, "name_vi" character varying(200) NOT NULL, "name_en" character varying(200) NOT NULL, "nominee_kinds" text array NOT NULL, "decided_by" character varying(40) NOT NULL, "route" character varying(16) NOT NULL, "sort_order" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_1823c104f271afc28ac9cc35265" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "award_policies" ("id" uuid NOT NULL, "award_type" character varying(40) NOT NULL, "version" integer NOT NULL, "effective_from" date NOT NULL, "source" text NOT NULL, "rules" jsonb NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_77818f111b5465fe1e2ad39177f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "award_policies_type_effective" ON "award_policies"  ("award_type", "effective_from") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "award_policies_type_version" ON "award_policies"  ("award_type", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "nominations" ("id" uuid NOT NULL, "award_type" character varying(40) NOT NULL, "year" integer NOT NULL, "route" character varying(16) NOT NULL, "cluster_id" uuid, "nominating_org_id" uuid NOT NULL, "nominee_kind" character varying(12) NOT NULL, "nominee_org_id" uuid NOT NULL, "nominee_name" character varying(200) NOT NULL, "nominee_gender" character varying(8), "nominee_position" character varying(200), "nominee_female_share" numeric(4,3), "nominee_key" character varying(300) NOT NULL, "summary" text NOT NULL, "policy_id" uuid NOT NULL, "state" character varying(40) NOT NULL, "overdue" boolean NOT NULL DEFAULT false, "due_at" TIMESTAMP WITH TIME ZONE, "search_text" text NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, "forwarded_at" TIMESTAMP WITH TIME ZONE, "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_94d2a23f18ea8e3b22d1ec6e972" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "nominations_one_active" ON "nominations"  ("award_type", "year", "nominee_key") WHERE state <> 'withdrawn'`,
    );
    await queryRunner.query(
      `CREATE INDEX "nominations_nominating_org" ON "nominations"  ("nominating_org_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "nominations_cluster_year" ON "nominations"  ("cluster_id", "year") `,
    );
    await queryRunner.query(
      `CREATE INDEX "nominations_year_award_state" ON "nominations"  ("year", "award_type", "state") `,
    );
    await queryRunner.query(`CREATE INDEX "nominations_list" ON "nominations"  ("created_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "nomination_documents" ("id" uuid NOT NULL, "nomination_id" uuid NOT NULL, "kind" character varying(32) NOT NULL, "file_name" character varying(200) NOT NULL, "content_type" character varying(100) NOT NULL, "size" integer NOT NULL, "sha256" character(64) NOT NULL, "storage_key" character varying(64) NOT NULL, "generated" boolean NOT NULL DEFAULT false, "uploaded_by" uuid, "uploaded_by_org" uuid, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "superseded_at" TIMESTAMP WITH TIME ZONE, "superseded_by" uuid, CONSTRAINT "PK_d259375ae85a3117f3772cae3ca" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "nomination_documents_nomination" ON "nomination_documents"  ("nomination_id", "kind") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "template" character varying(64) NOT NULL, "subject_type" character varying(32) NOT NULL, "subject_id" uuid NOT NULL, "title_vi" character varying(300) NOT NULL, "title_en" character varying(300) NOT NULL, "link" character varying(500) NOT NULL, "outbox_id" bigint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_user_unread" ON "notifications"  ("user_id") WHERE read_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_user_created" ON "notifications"  ("user_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cluster_memberships" ("cluster_id" uuid NOT NULL, "year" integer NOT NULL, "organization_id" uuid NOT NULL, "role" character varying(8) NOT NULL DEFAULT 'member', CONSTRAINT "PK_d458833b9b4e8aec71ea9db3ce6" PRIMARY KEY ("cluster_id", "year", "organization_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "cluster_memberships_org_year" ON "cluster_memberships"  ("organization_id", "year") `,
    );
    await queryRunner.query(
      `ALTER TABLE "organizations" ADD CONSTRAINT "FK_f3a7c9411eaa5f9cbc5363de331" FOREIGN KEY ("parent_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organizations" ADD CONSTRAINT "FK_82f15700f76f73e815aa6681db8" FOREIGN KEY ("successor_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_21a659804ed7bf61eb91688dea7" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "award_policies" ADD CONSTRAINT "FK_05aa07a24c9ced1ff1ee26f8003" FOREIGN KEY ("award_type") REFERENCES "award_types"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "nominations" ADD CONSTRAINT "FK_506040c71a8dcfadfce5f6d2ecd" FOREIGN KEY ("award_type") REFERENCES "award_types"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "nominations" ADD CONSTRAINT "FK_c4377557ae7143c47beacab5a27" FOREIGN KEY ("cluster_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "nominations" ADD CONSTRAINT "FK_6f65ad35635a8497f64ac59afcd" FOREIGN KEY ("nominating_org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "nominations" ADD CONSTRAINT "FK_672325961671b16a626b5c8cb50" FOREIGN KEY ("nominee_org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "nominations" ADD CONSTRAINT "FK_ad5960989baa2d587fec1238dd8" FOREIGN KEY ("policy_id") REFERENCES "award_policies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "nomination_documents" ADD CONSTRAINT "FK_3ff5e5f01cfc06748e22a050d2b" FOREIGN KEY ("nomination_id") REFERENCES "nominations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cluster_memberships" ADD CONSTRAINT "FK_22dc85b9693e0444fe7d36d0678" FOREIGN KEY ("cluster_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cluster_memberships" ADD CONSTRAINT "FK_31372effdc7b79cd9b545d0ff2c" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "cluster_memberships" DROP CONSTRAINT "FK_31372effdc7b79cd9b545d0ff2c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "cluster_memberships" DROP CONSTRAINT "FK_22dc85b9693e0444fe7d36d0678"`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"`);
    await queryRunner.query(
      `ALTER TABLE "nomination_documents" DROP CONSTRAINT "FK_3ff5e5f01cfc06748e22a050d2b"`,
    );
    await queryRunner.query(`ALTER TABLE "nominations" DROP CONSTRAINT "FK_ad5960989baa2d587fec1238dd8"`);
    await queryRunner.query(`ALTER TABLE "nominations" DROP CONSTRAINT "FK_672325961671b16a626b5c8cb50"`);
    await queryRunner.query(`ALTER TABLE "nominations" DROP CONSTRAINT "FK_6f65ad35635a8497f64ac59afcd"`);
    await queryRunner.query(`ALTER TABLE "nominations" DROP CONSTRAINT "FK_c4377557ae7143c47beacab5a27"`);
    await queryRunner.query(`ALTER TABLE "nominations" DROP CONSTRAINT "FK_506040c71a8dcfadfce5f6d2ecd"`);
    await queryRunner.query(`ALTER TABLE "award_policies" DROP CONSTRAINT "FK_05aa07a24c9ced1ff1ee26f8003"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_21a659804ed7bf61eb91688dea7"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP CONSTRAINT "FK_82f15700f76f73e815aa6681db8"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP CONSTRAINT "FK_f3a7c9411eaa5f9cbc5363de331"`);
    await queryRunner.query(`DROP INDEX "public"."cluster_memberships_org_year"`);
    await queryRunner.query(`DROP TABLE "cluster_memberships"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_user_created"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_user_unread"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "public"."nomination_documents_nomination"`);
    await queryRunner.query(`DROP TABLE "nomination_documents"`);
    await queryRunner.query(`DROP INDEX "public"."nominations_list"`);
    await queryRunner.query(`DROP INDEX "public"."nominations_year_award_state"`);
    await queryRunner.query(`DROP INDEX "public"."nominations_cluster_year"`);
    await queryRunner.query(`DROP INDEX "public"."nominations_nominating_org"`);
    await queryRunner.query(`DROP INDEX "public"."nominations_one_active"`);
    await queryRunner.query(`DROP TABLE "nominations"`);
    await queryRunner.query(`DROP INDEX "public"."award_policies_type_version"`);
    await queryRunner.query(`DROP INDEX "public"."award_policies_type_effective"`);
    await queryRunner.query(`DROP TABLE "award_policies"`);
    await queryRunner.query(`DROP TABLE "award_types"`);
    await queryRunner.query(`DROP INDEX "public"."users_organization"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."organizations_successor"`);
    await queryRunner.query(`DROP INDEX "public"."organizations_parent"`);
    await queryRunner.query(`DROP TABLE "organizations"`);
    await queryRunner.query(`DROP TABLE "login_attempts"`);
  }
}
