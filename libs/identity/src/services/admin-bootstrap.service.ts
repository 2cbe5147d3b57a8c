import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, AuditService, RequestContext, TransactionHost } from '@lms/core';
import { UnitService } from '@lms/personnel';
import { normalizeUsername } from '../dto/user.dto';
import { PasswordService } from './password.service';
import { UserService } from './user.service';

/**
 * Start-up: creates the ADMIN_USERNAME account when asked (never touching an
 * existing one), and says how to create an admin when there is none.
 */
/** The ministry: the root of the tree on an installation that starts empty. */
export const ROOT_UNIT = { code: 'MVD', name: 'Қазақстан Республикасы Ішкі істер министрлігі' };

@Injectable()
export class AdminBootstrapService {
  private readonly logger = new Logger('Accounts');

  constructor(
    private readonly tx: TransactionHost,
    private readonly users: UserService,
    private readonly units: UnitService,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Creates an admin for the whole tree. On an empty database it first creates
   * the root unit (the ministry), which the admin can then rename and build under.
   */
  async ensureAdmin(username: string, password: string): Promise<'created' | 'exists'> {
    const name = String(normalizeUsername(username));
    const system = RequestContext.system();
    return this.tx.withTransaction(async () => {
      if (await this.users.byUsername(name)) return 'exists';
      const root = (await this.units.root()) ?? (await this.createRoot());
      const id = await this.users.insert(name, await this.passwords.hash(password), null, false);
      await this.users.writeGrants(id, [{ role: 'admin', unitId: root.id }]);
      await this.audit.record(system, {
        action: 'user.create',
        entityType: 'user',
        entityId: id,
        unitPath: root.path,
        after: { username: name, roles: [{ role: 'admin', unitId: root.id }] },
      });
      return 'created';
    });
  }

  private async createRoot(): Promise<{ id: string; path: string }> {
    await this.units.create(RequestContext.system(), { code: ROOT_UNIT.code, name: ROOT_UNIT.name, parentId: null });
    this.logger.log(`created the root unit ${ROOT_UNIT.code} for the first admin`);
    return (await this.units.root())!;
  }

  async onStartup(): Promise<void> {
    const { adminUsername, adminPassword } = this.config;
    if (adminUsername && adminPassword) {
      const outcome = await this.ensureAdmin(adminUsername, adminPassword);
      if (outcome === 'created') this.logger.log(`created admin account ${adminUsername}`);
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
