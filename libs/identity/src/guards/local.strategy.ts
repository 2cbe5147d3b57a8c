import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import { checkedInstance, RequestContext, ValidationFailed } from '@lms/core';
import { LoginDto } from '../dto/auth.dto';
import { AuthService } from '../services/auth.service';

/** Username and password (and the second factor when the account has one). */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ passReqToCallback: true });
  }

  async validate(request: Request & { id?: string }, _username: string, _password: string) {
    const { instance: body, problems } = await checkedInstance(LoginDto, request.body ?? {}, {
      whitelist: true,
      forbidNonWhitelisted: true,
    });
    if (problems.length > 0) throw new ValidationFailed('The request has invalid fields', problems);
    const ctx = new RequestContext(null, String(request.id ?? ''), request.ip ?? null);
    return this.auth.login(ctx, { ...body, ip: request.ip ?? 'unknown' });
  }
}
