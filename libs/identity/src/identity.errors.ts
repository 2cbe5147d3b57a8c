import { CommonProblem, Conflict, DomainError } from '@lms/core';

/**
 * Every problem code the identity library answers with (besides the common
 * ones, which include the access guard's `unauthenticated` and `access-denied`).
 */
export enum IdentityProblem {
  InvalidCredentials = 'invalid-credentials',
  TooManyLoginAttempts = 'too-many-login-attempts',
  TooManyRequests = 'too-many-requests',
  SecondFactorRequired = 'second-factor-required',
  SecondFactorActive = 'second-factor-active',
  NoPendingEnrolment = 'no-pending-enrolment',
  UsernameTaken = 'username-taken',
  OfficerHasAccount = 'officer-has-account',
  OfficerDismissed = 'officer-dismissed',
  WrongCurrentPassword = 'wrong-current-password',
}

/** The same body for an unknown user, a wrong password and a disabled account. */
export class InvalidCredentials extends DomainError {
  constructor() {
    super('unauthorized', IdentityProblem.InvalidCredentials, 'The username or password is wrong');
  }
}

export class TooManyAttempts extends DomainError {
  constructor(retryAfterSeconds: number) {
    super(
      'too-many-requests',
      IdentityProblem.TooManyLoginAttempts,
      'Too many failed sign-in attempts; try again later',
      {
        retryAfterSeconds,
      },
    );
  }
}

export class SecondFactorRequired extends DomainError {
  constructor() {
    super(
      'unauthorized',
      IdentityProblem.SecondFactorRequired,
      'This account needs a one-time code (totp) or a recovery code',
    );
  }
}

export class Unauthenticated extends DomainError {
  constructor(detail = 'A valid bearer token is required') {
    super('unauthorized', CommonProblem.Unauthenticated, detail);
  }
}

export class AccessDenied extends DomainError {
  constructor(detail = 'Your roles do not allow this') {
    super('forbidden', CommonProblem.AccessDenied, detail);
  }
}

export class LimitedToken extends DomainError {
  constructor(reason: 'password-change' | 'mfa-enrolment') {
    super(
      'forbidden',
      reason === 'password-change' ? CommonProblem.PasswordChangeRequired : CommonProblem.SecondFactorEnrolmentRequired,
      reason === 'password-change'
        ? 'Change your initial password first (POST /api/v1/me/password)'
        : 'Set up the second factor first (POST /api/v1/me/totp)',
    );
  }
}

export class UsernameTaken extends Conflict {
  constructor(username: string) {
    super(IdentityProblem.UsernameTaken, `The username ${username} is taken`);
  }
}

export class OfficerHasAccount extends Conflict {
  constructor() {
    super(IdentityProblem.OfficerHasAccount, 'This officer already has an account');
  }
}

export class WrongPassword extends DomainError {
  constructor() {
    super('validation', IdentityProblem.WrongCurrentPassword, 'The current password is wrong', {
      errors: [{ field: 'currentPassword', message: 'is wrong' }],
    });
  }
}

/** Re-authentication before binding a second factor: a refusal of the request, not a form field (403). */
export class WrongPasswordToEnrol extends DomainError {
  constructor() {
    super('forbidden', IdentityProblem.WrongCurrentPassword, 'The current password is wrong', {
      errors: [{ field: 'currentPassword', message: 'is wrong' }],
    });
  }
}
