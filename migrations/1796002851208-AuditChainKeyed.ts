import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit events written from now on are chained with HMAC-SHA256 under a key
 * kept outside the database (`keyed`); those written before keep their plain
 * SHA-256 and are verified as such. A constant default adds the column
 * without rewriting (or updating) a row of the append-only table.
 */
export class AuditChainKeyed1796002851208 implements MigrationInterface {
  name = 'AuditChainKeyed1796002851208';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "audit_event" ADD "keyed" boolean NOT NULL DEFAULT false`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "audit_event" DROP COLUMN "keyed"`);
  }
}
