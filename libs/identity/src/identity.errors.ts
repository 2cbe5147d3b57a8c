import { Conflict, DomainError } from '@lms/core';

/** The same body for an unknown user, a wrong password and a disabled account. */
export class InvalidCredentials extends DomainError {
  constructor() {
    super('unauthorized', 'invalid-credentials', 'The username or password is wrong');
  }
}

export class TooManyAttempts extends DomainError {
  constructor(retryAfterSeconds: number) {
    super('too-many-requests', 'too-many-login-attempts', 'Too many failed sign-in attempts; try again later', {
      retryAfterSeconds,
    });
  }
}

export class SecondFactorRequired extends DomainError {
  constructor() {
    super('unauthorized', 'second-factor-required', 'This account needs a one-time code (totp) or a recovery code');
  }
}

export class Unauthenticated extends DomainError {
  constructor(detail = 'A valid bearer token is required') {
    super('unauthorized', 'unauthenticated', detail);
  }
}

export class AccessDenied extends DomainError {
  constructor(detail = 'Your roles do not allow this') {
    super('forbidden', 'access-denied', detail);
  }
}

export class LimitedToken extends DomainError {
  constructor(reason: 'password-change' | 'mfa-enrolment') {
    super(
      'forbidden',
      reason === 'password-change' ? 'password-change-required' : 'second-factor-enrolment-required',
      reason === 'password-change'
        ? 'Change your initial password first (POST /api/v1/me/password)'
        : 'Set up the second factor first (POST /api/v1/me/totp)',
    );
  }
}

export class UsernameTaken extends Conflict {
  constructor(username: string) {
    super('username-taken', `The username ${username} is taken`);
  }
}

export class OfficerHasAccount extends Conflict {
  constructor() {
    super('officer-has-account', 'This officer already has an account');
  }
}

export class WrongPassword extends DomainError {
  constructor() {
    super('validation', 'wrong-current-password', 'The current password is wrong', {
      errors: [{ field: 'currentPassword', message: 'is wrong' }],
    });
  }
}
