import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { generateSecret, generateURI, verify } from 'otplib';
import { toDataURL } from 'qrcode';
import { AuditService, Conflict, RequestContext, TransactionHost, ValidationFailed } from '@lms/core';
import { RecoveryCodes, TotpEnrolment } from '../dto/auth.response';
import { IdentityProblem, WrongPasswordToEnrol } from '../identity.errors';
import { ActorCache } from './actor-cache.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { TotpSecrets } from './totp-secrets.service';

const ISSUER = 'Officer Training';
const RECOVERY_CODES = 10;

const normalise = (code: string) => code.replace(/[\s-]/g, '').toLowerCase();
const legacyHash = (normalised: string) => createHash('sha256').update(normalised).digest('hex');

/** TOTP enrolment by QR code, verification, and one-time recovery codes. */
@Injectable()
export class SecondFactorService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditService,
    private readonly actors: ActorCache,
    private readonly passwords: PasswordService,
    private readonly secrets: TotpSecrets,
    private readonly throttle: LoginThrottleService,
  ) {}

  /** Starts (or restarts) enrolment: a new secret, not active until confirmed with a code. */
  async begin(ctx: RequestContext, userId: string, username: string): Promise<TotpEnrolment> {
    const [user] = await this.tx.query<{ totp_enabled: boolean }>(
      'SELECT totp_enabled FROM user_account WHERE id = $1',
      [userId],
    );
    if (user?.totp_enabled)
      throw new Conflict(
        IdentityProblem.SecondFactorActive,
        'A second factor is already active; an admin can reset it',
      );
    const secret = generateSecret();
    await this.tx.query('UPDATE user_account SET totp_secret = $2, updated_at = now() WHERE id = $1', [
      userId,
      this.secrets.seal(userId, secret),
    ]);
    const otpauthUrl = generateURI({ issuer: ISSUER, label: username, secret });
    return { secret, otpauthUrl, qrCode: await toDataURL(otpauthUrl) };
  }

  /** The enrolment already started and not confirmed yet, so a page shown again keeps the same QR code. */
  async pending(userId: string, username: string) {
    const [user] = await this.tx.query<{ totp_secret: string | null; totp_enabled: boolean }>(
      'SELECT totp_secret, totp_enabled FROM user_account WHERE id = $1',
      [userId],
    );
    if (!user?.totp_secret || user.totp_enabled) return null;
    const secret = this.secrets.open(userId, user.totp_secret);
    const otpauthUrl = generateURI({ issuer: ISSUER, label: username, secret });
    return { secret, otpauthUrl, qrCode: await toDataURL(otpauthUrl) };
  }

  /**
   * Activates the factor and returns the recovery codes, shown this once only.
   * The current password is asked again (a token alone, stolen or left on an
   * open screen, does not bind a second factor to the account); a wrong one
   * is a failed sign-in attempt: counted before it is verified, under the
   * same lockout.
   */
  async confirm(
    ctx: RequestContext,
    actor: { userId: string; username: string },
    code: string,
    currentPassword: string,
  ): Promise<RecoveryCodes> {
    const { userId } = actor;
    const attempt = await this.throttle.begin(actor.username, ctx.ip ?? 'unknown');
    const [account] = await this.tx.query<{ password_hash: string | null }>(
      'SELECT password_hash FROM user_account WHERE id = $1',
      [userId],
    );
    if (!(await this.passwords.verify(account?.password_hash ?? null, currentPassword))) {
      await this.audit.record(ctx, {
        action: 'auth.login-failed',
        entityType: 'user',
        entityId: userId,
        after: { username: actor.username, ip: ctx.ip, reason: 'bad-password-to-enrol' },
      });
      throw new WrongPasswordToEnrol();
    }
    await this.throttle.withdrawn(attempt);
    const confirmed = await this.tx.withTransaction(async () => {
      const [user] = await this.tx.query<{ totp_secret: string | null; totp_enabled: boolean }>(
        'SELECT totp_secret, totp_enabled FROM user_account WHERE id = $1 FOR UPDATE',
        [userId],
      );
      if (!user?.totp_secret || user.totp_enabled)
        throw new Conflict(IdentityProblem.NoPendingEnrolment, 'Start the enrolment first');
      if (!(await this.consume(userId, user.totp_secret, code))) {
        throw new ValidationFailed('The code does not match', [{ field: 'code', message: 'does not match' }]);
      }
      // 112 bits each (ASVS 5.0), shown in groups of four hex digits.
      const codes = Array.from({ length: RECOVERY_CODES }, () =>
        randomBytes(14)
          .toString('hex')
          .replace(/(.{4})(?!$)/g, '$1-'),
      );
      await this.tx.query('UPDATE user_account SET totp_enabled = true, updated_at = now() WHERE id = $1', [userId]);
      await this.tx.query('DELETE FROM recovery_code WHERE user_id = $1', [userId]);
      await this.tx.query('INSERT INTO recovery_code (user_id, code_hash) SELECT $1, unnest($2::text[])', [
        userId,
        await Promise.all(codes.map((c) => this.passwords.hash(normalise(c)))),
      ]);
      await this.audit.record(ctx, { action: 'user.second-factor-enabled', entityType: 'user', entityId: userId });
      return { recoveryCodes: codes };
    });
    this.actors.forget(`user:${userId}`);
    return confirmed;
  }

  /**
   * Accepts a code once (`storedSecret`: the sealed column): its time step must be later than the last one used
   * by this user, recorded atomically, so a code seen over a shoulder or
   * replayed within its 30 seconds is refused.
   */
  async consume(userId: string, storedSecret: string, code: string): Promise<boolean> {
    const secret = this.secrets.openOrNull(userId, storedSecret);
    if (secret === null) return false;
    const result = await verify({ secret, token: code, epochTolerance: 30 }).catch(() => ({ valid: false as const }));
    if (!result.valid || !('timeStep' in result)) return false;
    const rows = await this.tx.query(
      `UPDATE user_account SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id`,
      [userId, result.timeStep],
    );
    return rows.length > 0;
  }

  /** Spends a recovery code; true when it existed and was unused. */
  async useRecoveryCode(userId: string, code: string): Promise<boolean> {
    const given = normalise(code);
    if (!/^[0-9a-f]{10,64}$/.test(given)) return false;
    return this.tx.withTransaction(async () => {
      // argon2 hashes are salted: each unused code is verified in turn (under the user's row lock: spent once).
      await this.tx.query('SELECT 1 FROM user_account WHERE id = $1 FOR UPDATE', [userId]);
      const unused = await this.tx.query<{ id: string; code_hash: string }>(
        'SELECT id, code_hash FROM recovery_code WHERE user_id = $1 AND used_at IS NULL',
        [userId],
      );
      for (const row of unused) {
        const matches = row.code_hash.startsWith('$argon2')
          ? await this.passwords.verify(row.code_hash, given)
          : row.code_hash === legacyHash(given); // codes issued before argon2 (SHA-256 of 40 bits)
        if (!matches) continue;
        await this.tx.query('UPDATE recovery_code SET used_at = now() WHERE id = $1', [row.id]);
        return true;
      }
      return false;
    });
  }
}
