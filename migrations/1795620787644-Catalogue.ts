import { MigrationInterface, QueryRunner } from 'typeorm';

export class Catalogue1795620787644 implements MigrationInterface {
  name = 'Catalogue1795620787644';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "course" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(50) NOT NULL, "title" jsonb NOT NULL, "description" jsonb, "owner_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bf95180dd756fd204fb01ce4916" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE UNIQUE INDEX "UQ_course_code" ON "course"  ("code") `);
    await runner.query(
      `CREATE TABLE "course_grant" ("course_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_169b806173a3818f77d47ce1ac8" PRIMARY KEY ("course_id", "user_id"))`,
    );
    await runner.query(
      `CREATE TABLE "course_attachment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "file_name" character varying(200) NOT NULL, "content_type" character varying(100) NOT NULL, "size" integer NOT NULL, "sha256" character(64) NOT NULL, "data" bytea NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_90acdf973653a01f6c1aeeb5d9a" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "IDX_course_attachment_course" ON "course_attachment"  ("course_id") `);
    await runner.query(
      `CREATE TABLE "course_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "number" integer NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'draft', "content" jsonb NOT NULL, "created_by" uuid, "published_by" uuid, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_course_version_status" CHECK ("status" IN ('draft', 'published', 'archived')), CONSTRAINT "PK_be2c44542ff683636ad90e1b179" PRIMARY KEY ("id"))`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX "UQ_course_version_one_draft" ON "course_version"  ("course_id") WHERE "status" = 'draft'`,
    );
    await runner.query(`CREATE UNIQUE INDEX "UQ_course_version_number" ON "course_version"  ("course_id", "number") `);
    await runner.query(
      `CREATE TABLE "programme" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(50) NOT NULL, "title" jsonb NOT NULL, "description" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_76ff6b30b74f213944d1ac0a660" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE UNIQUE INDEX "UQ_programme_code" ON "programme"  ("code") `);
    await runner.query(
      `CREATE TABLE "programme_course" ("programme_id" uuid NOT NULL, "course_id" uuid NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_ac49cd45c625ac8d5f89e115fc0" PRIMARY KEY ("programme_id", "course_id"))`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX "UQ_programme_course_position" ON "programme_course"  ("programme_id", "position") `,
    );
    await runner.query(
      `ALTER TABLE "course_grant" ADD CONSTRAINT "FK_course_grant_course" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "course_attachment" ADD CONSTRAINT "FK_course_attachment_course" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "course_version" ADD CONSTRAINT "FK_course_version_course" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "programme_course" ADD CONSTRAINT "FK_programme_course_programme" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "programme_course" ADD CONSTRAINT "FK_programme_course_course" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "programme_course" DROP CONSTRAINT "FK_programme_course_course"`);
    await runner.query(`ALTER TABLE "programme_course" DROP CONSTRAINT "FK_programme_course_programme"`);
    await runner.query(`ALTER TABLE "course_version" DROP CONSTRAINT "FK_course_version_course"`);
    await runner.query(`ALTER TABLE "course_attachment" DROP CONSTRAINT "FK_course_attachment_course"`);
    await runner.query(`ALTER TABLE "course_grant" DROP CONSTRAINT "FK_course_grant_course"`);
    await runner.query(`DROP INDEX "public"."UQ_programme_course_position"`);
    await runner.query(`DROP TABLE "programme_course"`);
    await runner.query(`DROP INDEX "public"."UQ_programme_code"`);
    await runner.query(`DROP TABLE "programme"`);
    await runner.query(`DROP INDEX "public"."UQ_course_version_number"`);
    await runner.query(`DROP INDEX "public"."UQ_course_version_one_draft"`);
    await runner.query(`DROP TABLE "course_version"`);
    await runner.query(`DROP INDEX "public"."IDX_course_attachment_course"`);
    await runner.query(`DROP TABLE "course_attachment"`);
    await runner.query(`DROP TABLE "course_grant"`);
    await runner.query(`DROP INDEX "public"."UQ_course_code"`);
    await runner.query(`DROP TABLE "course"`);
  }
}
