import { Module, OnModuleInit } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, AppConfig } from '@lms/core';
import { JobRegistry } from '@lms/jobs';
import { PersonnelModule } from '@lms/personnel';
import { AuthController } from './controllers/auth.controller';
import { MeController } from './controllers/me.controller';
import { SecurityController } from './controllers/security.controller';
import { UserController } from './controllers/user.controller';
import { RateLimitGuard } from './guards/rate-limit.guard';
import { AccessGuard } from './guards/access.guard';
import { DeniedWriteInterceptor } from './guards/denied-write.interceptor';
import { TokenVerifier } from './guards/token-verifier';
import { FastAccess } from './guards/fast-access';
import { LocalStrategy } from './guards/local.strategy';
import { ActorCache } from './services/actor-cache.service';
import { AdminBootstrapService } from './services/admin-bootstrap.service';
import { AuthService } from './services/auth.service';
import { ContactService } from './services/contact.service';
import { LoginThrottleService } from './services/login-throttle.service';
import { IdentityJobs } from './services/identity-jobs';
import { OfficerAccountService } from './services/officer-account.service';
import { PasswordService } from './services/password.service';
import { RolePolicyService } from './services/role-policy.service';
import { SecondFactorService } from './services/second-factor.service';
import { TokenService } from './services/token.service';
import { TotpSecrets } from './services/totp-secrets.service';
import { UserService } from './services/user.service';

/**
 * Logins, roles scoped to the unit tree, contact details for notifications,
 * and the global access guard.
 * Its scheduled job purges old sign-in attempts and expired signed-out tokens.
 * Owns user_account, user_role, revoked_token, login_attempt, recovery_code, role_policy.
 */
@Module({
  imports: [
    PersonnelModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.jwtSecret, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  controllers: [AuthController, MeController, UserController, SecurityController],
  providers: [
    ActorCache,
    PasswordService,
    TokenService,
    LoginThrottleService,
    SecondFactorService,
    TotpSecrets,
    UserService,
    AuthService,
    OfficerAccountService,
    ContactService,
    AdminBootstrapService,
    RolePolicyService,
    IdentityJobs,
    TokenVerifier,
    LocalStrategy,
    // Rate limits first, so that refused and anonymous requests are counted too.
    RateLimitGuard,
    FastAccess,
    { provide: APP_GUARD, useExisting: RateLimitGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_INTERCEPTOR, useClass: DeniedWriteInterceptor },
  ],
  exports: [
    FastAccess,
    UserService,
    PasswordService,
    AdminBootstrapService,
    RolePolicyService,
    AuthService,
    SecondFactorService,
    TotpSecrets,
    ContactService,
  ],
})
export class IdentityModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly identityJobs: IdentityJobs,
  ) {}

  onModuleInit(): void {
    this.identityJobs.register(this.jobs);
  }
}
