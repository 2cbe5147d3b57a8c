import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, Conflict, RequestContext, toCsv, TransactionHost } from '@lms/core';
import { OfficerService, UnitService, PERSONNEL_WRITERS } from '@lms/personnel';
import { USERNAME } from '../dto/user.dto';
import { IssuedAccount } from '../dto/user.response';
import { IdentityProblem, OfficerHasAccount } from '../identity.errors';
import { PasswordService } from './password.service';
import { UserService } from './user.service';

/** Readable initial passwords: no 0/O or 1/l/I to mistype from a printout. */
function initialPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(randomBytes(14), (byte) => alphabet[byte % alphabet.length]).join('');
}

/**
 * HR gives officers of its subtree their logins: the username is the
 * personnel number, the password is random and must be changed at first sign-in.
 */
@Injectable()
export class OfficerAccountService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly users: UserService,
    private readonly officers: OfficerService,
    private readonly units: UnitService,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
  ) {}

  async createOne(ctx: RequestContext, officerId: string): Promise<IssuedAccount> {
    return this.tx.withTransaction(async () => {
      const officer = await this.officers.findInScope(ctx, officerId, PERSONNEL_WRITERS);
      const existing = await this.tx.query('SELECT 1 FROM user_account WHERE officer_id = $1', [officerId]);
      if (existing.length > 0) throw new OfficerHasAccount();
      if (officer.status === 'dismissed')
        throw new Conflict(IdentityProblem.OfficerDismissed, 'A dismissed officer gets no account');
      const [issued] = await this.issue(
        ctx,
        [
          {
            id: officer.id,
            personnel_number: officer.personnel_number,
            full_name: officer.full_name,
            unit_id: officer.unit_id,
          },
        ],
        officer.unit_path,
      );
      return issued;
    });
  }

  /** Accounts for every officer of the subtree that has none; returned once as CSV. */
  async createForSubtree(ctx: RequestContext, unitId: string): Promise<string> {
    return this.tx.withTransaction(async () => {
      const unit = await this.units.findInScope(ctx, unitId, PERSONNEL_WRITERS);
      const officers = await this.tx.query<{
        id: string;
        personnel_number: string;
        full_name: string;
        unit_id: string;
      }>(
        `SELECT o.id, o.personnel_number, o.full_name, o.unit_id FROM officer o JOIN unit u ON u.id = o.unit_id
         WHERE u.path LIKE $1 AND o.status <> 'dismissed'
           AND NOT EXISTS (SELECT 1 FROM user_account a WHERE a.officer_id = o.id)
           AND NOT EXISTS (SELECT 1 FROM user_account a WHERE a.username = lower(o.personnel_number))
         ORDER BY o.personnel_number`,
        [unit.path + '%'],
      );
      const issued = await this.issue(
        ctx,
        officers.filter((o) => USERNAME.test(o.personnel_number.toLowerCase())),
        unit.path,
      );
      return toCsv(
        issued.map((a) => [a.personnelNumber, a.fullName, a.username, a.initialPassword]),
        { header: ['personnel_number', 'full_name', 'username', 'initial_password'] },
      );
    });
  }

  private async issue(
    ctx: RequestContext,
    officers: { id: string; personnel_number: string; full_name: string; unit_id: string }[],
    unitPath: string,
  ): Promise<IssuedAccount[]> {
    const issued: IssuedAccount[] = [];
    const hashes = await Promise.all(
      officers.map(async () => {
        const password = initialPassword();
        return { password, hash: await this.passwords.hash(password) };
      }),
    );
    for (const [i, officer] of officers.entries()) {
      const username = officer.personnel_number.toLowerCase();
      const id = await this.users.insert(username, hashes[i].hash, officer.id, true);
      await this.users.writeGrants(id, [{ role: 'officer', unitId: officer.unit_id }]);
      issued.push({
        personnelNumber: officer.personnel_number,
        fullName: officer.full_name,
        username,
        initialPassword: hashes[i].password,
      });
    }
    await this.audit.record(ctx, {
      action: 'user.officer-accounts-create',
      entityType: 'user',
      unitPath,
      after: { count: issued.length, usernames: issued.map((a) => a.username) },
    });
    return issued;
  }
}
