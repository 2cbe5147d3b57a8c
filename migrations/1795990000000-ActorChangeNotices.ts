import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API processes keep the actor of a token for a few seconds; whatever makes
 * a token mean something else (signed out, password or token version,
 * disabled, second factor, grants, a unit moved) says so on the `lms_actor`
 * channel when its transaction commits, so every process forgets it at
 * once. Triggers, so that no write path (CLI, SQL by hand) can forget to.
 */
export class ActorChangeNotices1795990000000 implements MigrationInterface {
  name = 'ActorChangeNotices1795990000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION actor_change_notice() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'revoked_token' THEN
          PERFORM pg_notify('lms_actor', 'token:' || NEW.jti);
        ELSIF TG_TABLE_NAME = 'user_account' THEN
          PERFORM pg_notify('lms_actor', 'user:' || coalesce(NEW.id, OLD.id));
        ELSIF TG_TABLE_NAME = 'user_role' THEN
          PERFORM pg_notify('lms_actor', 'user:' || coalesce(NEW.user_id, OLD.user_id));
        ELSE
          PERFORM pg_notify('lms_actor', 'all');
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER actor_change_notice AFTER INSERT ON "revoked_token"
      FOR EACH ROW EXECUTE FUNCTION actor_change_notice()`);
    await runner.query(`
      CREATE TRIGGER actor_change_notice AFTER UPDATE ON "user_account" FOR EACH ROW
      WHEN ((OLD.token_version, OLD.disabled, OLD.totp_enabled, OLD.officer_id, OLD.username, OLD.must_change_password)
            IS DISTINCT FROM (NEW.token_version, NEW.disabled, NEW.totp_enabled, NEW.officer_id, NEW.username, NEW.must_change_password))
      EXECUTE FUNCTION actor_change_notice()`);
    await runner.query(`
      CREATE TRIGGER actor_change_notice_delete AFTER DELETE ON "user_account"
      FOR EACH ROW EXECUTE FUNCTION actor_change_notice()`);
    await runner.query(`
      CREATE TRIGGER actor_change_notice AFTER INSERT OR UPDATE OR DELETE ON "user_role"
      FOR EACH ROW EXECUTE FUNCTION actor_change_notice()`);
    await runner.query(`
      CREATE TRIGGER actor_change_notice AFTER UPDATE OF path OR DELETE ON "unit"
      FOR EACH STATEMENT EXECUTE FUNCTION actor_change_notice()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER actor_change_notice ON "unit"`);
    await runner.query(`DROP TRIGGER actor_change_notice ON "user_role"`);
    await runner.query(`DROP TRIGGER actor_change_notice_delete ON "user_account"`);
    await runner.query(`DROP TRIGGER actor_change_notice ON "user_account"`);
    await runner.query(`DROP TRIGGER actor_change_notice ON "revoked_token"`);
    await runner.query(`DROP FUNCTION actor_change_notice()`);
  }
}
