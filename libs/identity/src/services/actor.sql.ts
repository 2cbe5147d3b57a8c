import { RoleGrant } from '@lms/core';

/** What a request needs to know about the account its token names. */
export interface ActorRow {
  id: string;
  username: string;
  officer_id: string | null;
  disabled: boolean;
  token_version: number;
  totp_enabled: boolean;
  roles: RoleGrant[];
  /** This token has been signed out. */
  revoked: boolean;
}

/**
 * The account a token names, its grants with their units' current paths,
 * and whether the token was signed out, in one statement: `$1` the user id,
 * `$2` the token id.
 */
export const ACTOR_SQL = `
  SELECT a.id, a.username, a.officer_id, a.disabled, a.token_version, a.totp_enabled,
         coalesce((SELECT json_agg(json_build_object('role', r.role, 'unitId', r.unit_id, 'unitPath', u.path) ORDER BY r.role, u.path)
                   FROM user_role r JOIN unit u ON u.id = r.unit_id WHERE r.user_id = a.id), '[]') AS roles,
         EXISTS (SELECT 1 FROM revoked_token t WHERE t.jti = $2) AS revoked
  FROM user_account a WHERE a.id = $1`;
