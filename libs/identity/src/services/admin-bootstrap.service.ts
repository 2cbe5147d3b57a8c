import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, AuditService, RequestContext, TransactionHost } from '@lms/core';
import { normalizeUsername } from '../dto/user.dto';
import { PasswordService } from './password.service';
import { UserService } from './user.service';

/**
 * Start-up: creates the ADMIN_USERNAME account when asked (never touching an
 * existing one), and says how to create an admin when there is none.
 */
@Injectable()
export class AdminBootstrapService {
  private readonly logger = new Logger('Accounts');

  constructor(
    private readonly tx: TransactionHost,
    private readonly users: UserService,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async ensureAdmin(username: string, password: string): Promise<'created' | 'exists' | 'no-root-unit'> {
    const name = String(normalizeUsername(username));
    return this.tx.withTransaction(async () => {
      if (await this.users.byUsername(name)) return 'exists';
      const roots = await this.tx.query<{ id: string; path: string }>(
        'SELECT id, path FROM unit WHERE parent_id IS NULL ORDER BY created_at LIMIT 1',
      );
      if (roots.length === 0) return 'no-root-unit';
      const id = await this.users.insert(name, await this.passwords.hash(password), null, false);
      await this.users.writeGrants(id, [{ role: 'admin', unitId: roots[0].id }]);
      await this.audit.record(RequestContext.system(), {
        action: 'user.create',
        entityType: 'user',
        entityId: id,
        unitPath: roots[0].path,
        after: { username: name, roles: ['admin'] },
      });
      return 'created';
    });
  }

  async onStartup(): Promise<void> {
    const { adminUsername, adminPassword } = this.config;
    if (adminUsername && adminPassword) {
      const outcome = await this.ensureAdmin(adminUsername, adminPassword);
      if (outcome === 'created') this.logger.log(`created admin account ${adminUsername}`);
      if (outcome === 'no-root-unit')
        this.logger.warn(
          'ADMIN_USERNAME is set but there is no unit yet: create the root unit (npm run seed:demo or the CLI) and restart',
        );
      return;
    }
    const admins = await this.tx.query(
      `SELECT 1 FROM user_role r JOIN user_account a ON a.id = r.user_id WHERE r.role = 'admin' AND NOT a.disabled LIMIT 1`,
    );
    if (admins.length === 0) {
      this.logger.warn(
        'No administrator exists. Create one with: npm run user:create-admin -- <username>  (or set ADMIN_USERNAME and ADMIN_PASSWORD)',
      );
    }
  }
}
