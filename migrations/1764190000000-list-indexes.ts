import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keyset pages of filtered lists: with the filter's columns first and (created_at, id) after them, page 1 and page
 * 100 read 21 index entries whatever the table's size, instead of walking the newest rows of every year and award
 * until 21 match (seconds at a million nominations). A unit's list (by year or not), the Board's by year, by award
 * and year. And the statistics the summary report's grouping needs.
 */
export class ListIndexes1764190000000 implements MigrationInterface {
  name = 'ListIndexes1764190000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "nominations_org_year_list" ON "nominations" ("nominating_org_id", "year", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "nominations_year_list" ON "nominations" ("year", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "nominations_award_year_list" ON "nominations" ("award_type", "year", "created_at", "id") `,
    );
    // The summary report groups by award, cluster, state and rejection stage: without the number of distinct
    // combinations the planner multiplies the columns' own counts, expects tens of thousands of groups and sorts
    // (on disk at a million rows) where a hash of a few hundred groups suffices.
    await queryRunner.query(
      `CREATE STATISTICS "nominations_summary_groups" (ndistinct) ON "award_type", "cluster_id", "state", "rejected_stage" FROM "nominations"`,
    );
    await queryRunner.query(`ANALYZE "nominations"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP STATISTICS "public"."nominations_summary_groups"`);
    await queryRunner.query(`DROP INDEX "public"."nominations_award_year_list"`);
    await queryRunner.query(`DROP INDEX "public"."nominations_year_list"`);
    await queryRunner.query(`DROP INDEX "public"."nominations_org_year_list"`);
  }
}
