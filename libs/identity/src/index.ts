export * from './dto/user.dto';
export * from './dto/user.response';
export * from './dto/auth.dto';
export * from './dto/auth.response';
export * from './guards/access.guard';
export * from './guards/fast-access';
export * from './guards/rate-limit.guard';
export * from './guards/session-cookie';
export * from './identity.errors';
export * from './identity.module';
export * from './services/admin-bootstrap.service';
export * from './services/contact.service';
export * from './services/auth.service';
export * from './services/actor.sql';
export * from './services/actor-cache.service';
export * from './services/second-factor.service';
export * from './services/totp-secrets.service';
export * from './services/identity-jobs';
export type { TokenLimit } from './services/token.service';
export * from './services/password.service';
export * from './services/role-policy.service';
export * from './services/user.service';

export { UserAccountEntity } from './entities/user-account.entity';
import { UserAccountEntity } from './entities/user-account.entity';
import { UserRoleEntity } from './entities/user-role.entity';
import {
  LoginAttemptEntity,
  RecoveryCodeEntity,
  RevokedTokenEntity,
  RolePolicyEntity,
} from './entities/security.entities';
export const IDENTITY_ENTITIES = [
  UserAccountEntity,
  UserRoleEntity,
  RevokedTokenEntity,
  LoginAttemptEntity,
  RecoveryCodeEntity,
  RolePolicyEntity,
];
