import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import { flattenValidationErrors, RequestContext, ValidationFailed } from '@lms/core';
import { LoginDto } from '../dto/auth.dto';
import { AuthService } from '../services/auth.service';

/** Username and password (and the second factor when the account has one). */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ passReqToCallback: true });
  }

  async validate(request: Request & { id?: string }, _username: string, _password: string) {
    const body = plainToInstance(LoginDto, request.body ?? {});
    const errors = await validate(body, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0)
      throw new ValidationFailed('The request has invalid fields', flattenValidationErrors(errors));
    const ctx = new RequestContext(null, String(request.id ?? ''), request.ip ?? null);
    return this.auth.login(ctx, { ...body, ip: request.ip ?? 'unknown' });
  }
}
