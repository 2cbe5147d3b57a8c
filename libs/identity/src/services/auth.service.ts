import { Inject, Injectable, Logger } from '@nestjs/common';
import { Actor, APP_CONFIG, AppConfig, AuditService, RequestContext, TransactionHost } from '@lms/core';
import { IssuedToken, LoginResult } from '../dto/auth.response';
import { ActorCache } from './actor-cache.service';
import { normalizeUsername } from '../dto/user.dto';
import { InvalidCredentials, SecondFactorRequired, Unauthenticated, WrongPassword } from '../identity.errors';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { RolePolicyService } from './role-policy.service';
import { SecondFactorService } from './second-factor.service';
import { TokenClaims, TokenLimit, TokenService } from './token.service';
import { mapUser, UserRow } from './user.mapper';
import { UserService } from './user.service';

export interface LoginInput {
  username: string;
  password: string;
  totp?: string;
  recoveryCode?: string;
  ip: string;
}

export interface AuthenticatedActor extends Actor {
  limit: TokenLimit | null;
  claims: TokenClaims;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly tx: TransactionHost,
    private readonly users: UserService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottleService,
    private readonly secondFactor: SecondFactorService,
    private readonly policies: RolePolicyService,
    private readonly audit: AuditService,
    private readonly actors: ActorCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(ctx: RequestContext, input: LoginInput): Promise<LoginResult> {
    const name = String(normalizeUsername(input.username));
    const username = name.slice(0, 64);
    // Counted as a failure before anything is verified; see LoginThrottleService.
    const attempt = await this.throttle.begin(username, input.ip);
    // A longer name belongs to no account, even when its first 64 characters do.
    const user = name.length <= 64 ? await this.users.byUsername(name) : null;
    const passwordOk = await this.passwords.verify(user?.password_hash ?? null, input.password);
    if (!user || !passwordOk || user.disabled) return this.fail(ctx, username, input.ip, user, 'bad-password');
    if (user.totp_enabled) {
      if (!input.totp && !input.recoveryCode) {
        await this.throttle.withdrawn(attempt);
        throw new SecondFactorRequired();
      }
      const ok = input.totp
        ? await this.secondFactor.consume(user.id, user.totp_secret!, input.totp)
        : await this.secondFactor.useRecoveryCode(user.id, input.recoveryCode!);
      if (!ok) return this.fail(ctx, username, input.ip, user, 'bad-second-factor');
    }
    const limit = await this.limitFor(user);
    await this.throttle.succeeded(attempt);
    await this.tx.query('UPDATE user_account SET last_login_at = now() WHERE id = $1', [user.id]);
    const actorCtx = new RequestContext(this.actorOf(user, null), ctx.requestId, ctx.ip);
    await this.audit.record(actorCtx, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      unitPath: await this.users.auditPath(user.id),
    });
    const token = await this.tokens.issue(user.id, user.token_version, limit ?? undefined);
    return { ...token, user: mapUser(user), ...(limit ? { restrictedTo: limit } : {}) };
  }

  private async fail(
    ctx: RequestContext,
    username: string,
    ip: string,
    user: UserRow | null,
    reason: string,
  ): Promise<never> {
    this.logger.warn({ username, ip, reason }, 'sign-in failed');
    await this.audit.record(ctx, {
      action: 'auth.login-failed',
      entityType: 'user',
      entityId: user?.id ?? null,
      unitPath: user ? await this.users.auditPath(user.id) : null,
      after: { username, ip, reason: user ? reason : 'unknown-user' },
    });
    throw new InvalidCredentials();
  }

  /** Must the new token be limited until the user changes password or enrols a second factor? */
  private async limitFor(user: UserRow): Promise<TokenLimit | null> {
    if (user.must_change_password) return 'password-change';
    if (user.totp_enabled) return null;
    const roles = [...new Set(user.roles.map((grant) => grant.role))];
    if (roles.length === 0) return null;
    return (await this.policies.secondFactorRequired(roles)) ? 'mfa-enrolment' : null;
  }

  /** Turns verified token claims into the actor, or refuses a revoked, stale or disabled one. */
  async authenticate(claims: TokenClaims): Promise<AuthenticatedActor> {
    if (typeof claims.sub !== 'string' || typeof claims.jti !== 'string' || typeof claims.ver !== 'number') {
      throw new Unauthenticated('The token is not one of ours');
    }
    const user = await this.actors.read(claims.sub, claims.jti);
    if (!user || user.disabled || user.token_version !== claims.ver)
      throw new Unauthenticated('The token is no longer valid');
    if (user.revoked) throw new Unauthenticated('The token has been signed out');
    // A limit ends once its reason is gone (password changed, second factor set up).
    let limit = claims.lim ?? null;
    if (limit === 'mfa-enrolment' && user.totp_enabled) limit = null;
    return { ...this.actorOf(user, claims.jti), limit, claims };
  }

  private actorOf(user: Pick<UserRow, 'id' | 'username' | 'officer_id' | 'roles'>, tokenId: string | null): Actor {
    return {
      userId: user.id,
      username: user.username,
      officerId: user.officer_id,
      roles: user.roles.map((grant) => ({ role: grant.role, unitId: grant.unitId, unitPath: grant.unitPath })),
      tokenId,
    };
  }

  async logout(actor: AuthenticatedActor): Promise<void> {
    await this.tokens.revoke(actor.claims);
    this.actors.forget(`token:${actor.claims.jti}`);
  }

  /** Changes the caller's password; every older token stops working, a fresh one is returned. */
  async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<IssuedToken> {
    const issued = await this.tx.withTransaction(async () => {
      const user = (await this.users.byId(ctx.actor!.userId))!;
      if (!(await this.passwords.verify(user.password_hash, currentPassword))) throw new WrongPassword();
      const hash = await this.passwords.hash(newPassword);
      const [{ token_version }] = await this.tx.query<{ token_version: number }>(
        `UPDATE user_account SET password_hash = $2, must_change_password = false, token_version = token_version + 1,
                updated_at = now() WHERE id = $1 RETURNING token_version`,
        [user.id, hash],
      );
      await this.audit.record(ctx, {
        action: 'user.password-change',
        entityType: 'user',
        entityId: user.id,
        unitPath: await this.users.auditPath(user.id),
      });
      const limit = await this.limitFor({ ...user, must_change_password: false });
      return this.tokens.issue(user.id, token_version, limit ?? undefined);
    });
    this.actors.forget(`user:${ctx.actor!.userId}`);
    return issued;
  }

  get tokenLifetimeSeconds(): number {
    return this.config.jwtExpiresInSeconds;
  }
}
