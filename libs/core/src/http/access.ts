import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ProblemDto, problemContent } from '../errors/problem.dto';
import { Role } from './request-context';

export const ACCESS_KEY = 'lms:access';

/** What a route declares about who may call it. Routes without one are refused. */
export type AccessRule = { kind: 'public' } | { kind: 'roles'; roles: Role[] };

/** Anyone, without a token. */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);

/**
 * Callers holding any of these roles (in some unit); the service then limits
 * what they see to the subtrees where they hold them. `admin` is always allowed.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies AccessRule),
    ApiBearerAuth(),
    ApiExtraModels(ProblemDto),
    ApiUnauthorizedResponse({ description: 'No valid token (`unauthenticated`)', content: problemContent() }),
    ApiForbiddenResponse({
      description:
        'None of the required roles (`access-denied`), or a token limited to changing the password or enrolling a second factor',
      content: problemContent(),
    }),
  );

/** Any signed-in user, whatever role. */
export const AnyRole = () => Roles('officer', 'trainer', 'hr', 'admin');
