import { USER_SELECT } from './user.mapper';

/** The account a token names, with its grants: `$1` the user id. */
export const ACTOR_SQL = `${USER_SELECT} WHERE a.id = $1`;

/** Has this token been signed out? `$1` the token id. */
export const REVOKED_SQL = 'SELECT 1 FROM revoked_token WHERE jti = $1';
