import { Injectable } from '@nestjs/common';
import { AuditService, Page, PageQuery, RequestContext, Role, TransactionHost } from '@lms/core';
import { RolePolicyView } from '../dto/user.response';
import { AccessDenied } from '../identity.errors';

/** The security policy per role (must its holders use a second factor?). Owns `role_policy`. */
@Injectable()
export class RolePolicyService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditService,
  ) {}

  async list(page: PageQuery): Promise<Page<RolePolicyView>> {
    const { rows, total } = await this.tx.page<RolePolicyView>({
      from: 'role_policy',
      select: 'SELECT role, mfa_required AS "mfaRequired" FROM role_policy',
      where: 'TRUE',
      orderBy: 'role',
      params: [],
      page,
    });
    return { items: rows, total, limit: page.limit, offset: page.offset };
  }

  /** Does any of `roles` require a second factor? */
  async secondFactorRequired(roles: Role[]): Promise<boolean> {
    const rows = await this.tx.query('SELECT 1 FROM role_policy WHERE role = ANY($1::text[]) AND mfa_required', [
      roles,
    ]);
    return rows.length > 0;
  }

  /** A national policy: only an admin of the whole tree (a grant at a root unit) may change it. */
  async set(ctx: RequestContext, role: Role, mfaRequired: boolean): Promise<RolePolicyView> {
    if (!ctx.isNational()) throw new AccessDenied();
    return this.tx.withTransaction(async () => {
      await this.tx.query(
        `INSERT INTO role_policy (role, mfa_required) VALUES ($1, $2)
         ON CONFLICT (role) DO UPDATE SET mfa_required = EXCLUDED.mfa_required`,
        [role, mfaRequired],
      );
      await this.audit.record(ctx, {
        action: 'role-policy.update',
        entityType: 'role_policy',
        entityId: role,
        after: { mfaRequired },
      });
      return { role, mfaRequired };
    });
  }

  /** For the demo, which is for trying things out: no second factor required of anyone. */
  async waiveSecondFactorForAll(): Promise<void> {
    await this.tx.query('UPDATE role_policy SET mfa_required = false');
  }
}
