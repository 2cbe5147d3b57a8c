import { Language, RoleGrant } from '@lms/core';
import { UserView } from '../dto/user.response';

export interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  officer_id: string | null;
  email: string | null;
  disabled: boolean;
  must_change_password: boolean;
  token_version: number;
  totp_secret: string | null;
  totp_enabled: boolean;
  language: Language | null;
  display_name: string | null;
  /** The linked personnel record's full name. */
  officer_name: string | null;
  last_login_at: Date | null;
  created_at: Date;
  roles: RoleGrant[];
}

/** A user with its grants and each grant's current unit path, in one row. */
export const USER_SELECT = `
  SELECT a.*, (SELECT o.full_name FROM officer o WHERE o.id = a.officer_id) AS officer_name, coalesce(
    (SELECT json_agg(json_build_object('role', r.role, 'unitId', r.unit_id, 'unitPath', u.path) ORDER BY r.role, u.path)
     FROM user_role r JOIN unit u ON u.id = r.unit_id WHERE r.user_id = a.id), '[]') AS roles
  FROM user_account a`;

export function mapUser(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.officer_name ?? row.display_name ?? row.username,
    officerId: row.officer_id,
    email: row.email,
    disabled: row.disabled,
    mustChangePassword: row.must_change_password,
    secondFactor: row.totp_enabled,
    language: row.language,
    roles: row.roles.map((grant) => ({ role: grant.role, unitId: grant.unitId })),
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
  };
}
