import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '../errors/domain-error';

/**
 * Refuses a request whose body is not JSON with 415, before anything reads
 * it: the JSON parser skips other types, so the route would otherwise see an
 * empty body (sign-in would answer "wrong credentials").
 */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (request.is(['application/json', 'application/*+json'])) return true;
    throw new DomainError(
      'unsupported-media-type',
      'unsupported-media-type',
      'The request body must be JSON (Content-Type: application/json)',
    );
  }
}
