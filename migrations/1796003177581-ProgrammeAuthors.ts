import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programmes get authors like courses: an owner and granted trainers. An
 * existing programme's owner is the user the audit trail records creating it;
 * without one (seeded, or created by the system) the owner stays null and only
 * national administrators author it until they grant it.
 */
export class ProgrammeAuthors1796003177581 implements MigrationInterface {
  name = 'ProgrammeAuthors1796003177581';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "programme" ADD "owner_user_id" uuid`);
    await runner.query(
      `CREATE TABLE "programme_grant" ("programme_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_programme_grant" PRIMARY KEY ("programme_id", "user_id"))`,
    );
    await runner.query(
      `ALTER TABLE "programme_grant" ADD CONSTRAINT "FK_programme_grant_programme" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `UPDATE "programme" p SET "owner_user_id" = (
         SELECT e."actor_id" FROM "audit_event" e JOIN "user_account" a ON a."id" = e."actor_id"
         WHERE e."action" = 'programme.create' AND e."entity_type" = 'programme' AND e."entity_id" = p."id"::text
         ORDER BY e."seq" LIMIT 1)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "programme_grant" DROP CONSTRAINT "FK_programme_grant_programme"`);
    await runner.query(`DROP TABLE "programme_grant"`);
    await runner.query(`ALTER TABLE "programme" DROP COLUMN "owner_user_id"`);
  }
}
