import { Injectable } from '@nestjs/common';
import {
  AuditService,
  isUniqueViolation,
  Language,
  likeEscape,
  NotFound,
  Page,
  RequestContext,
  isRootPath,
  subtreeCondition,
  TransactionHost,
} from '@lms/core';
import { OfficerService, UnitService } from '@lms/personnel';

import { CreateUserDto, ListUsersQuery, RoleGrantDto, UpdateUserDto } from '../dto/user.dto';
import { UserView } from '../dto/user.response';
import { AccessDenied, OfficerHasAccount, UsernameTaken } from '../identity.errors';
import { ActorCache } from './actor-cache.service';
import { PasswordService } from './password.service';
import { mapUser, USER_SELECT, UserRow } from './user.mapper';

/**
 * Accounts and their role grants. An admin manages users whose grants or
 * officer record lie in the admin's subtree, and grants only within it.
 */
@Injectable()
export class UserService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly passwords: PasswordService,
    private readonly units: UnitService,
    private readonly officers: OfficerService,
    private readonly audit: AuditService,
    private readonly actors: ActorCache,
  ) {}

  /**
   * The accounts of anonymised officers: disabled, signed out everywhere, the
   * username replaced and the contact details dropped; roles and the audit
   * trail stay (actor ids, not names, are what events point to).
   */
  async anonymiseForOfficers(ctx: RequestContext, officerIds: string[]): Promise<number> {
    if (!officerIds.length) return 0;
    return this.tx.withTransaction(async () => {
      const rows = await this.tx.query<{ id: string }>(
        `UPDATE user_account
         SET username = 'anon-' || substr(replace(id::text, '-', ''), 1, 16), email = NULL, disabled = true,
             token_version = token_version + 1, totp_secret = NULL, totp_enabled = false, updated_at = now()
         WHERE officer_id = ANY($1::uuid[]) AND username NOT LIKE 'anon-%'
         RETURNING id`,
        [officerIds],
      );
      await this.audit.recordMany(
        ctx,
        rows.map((row) => ({ action: 'user.anonymised', entityType: 'user', entityId: row.id })),
      );
      return rows.length;
    });
  }

  /** SQL condition: the user (alias a) has a grant or an officer record within `subtrees`. */
  private scopeCondition(subtrees: string[] | null, params: unknown[]): string {
    // An admin of the whole tree also reaches accounts left without any grant.
    if (subtrees === null || subtrees.some(isRootPath)) return 'TRUE';
    const inScope = subtreeCondition('u.path', subtrees, params);
    return `(EXISTS (SELECT 1 FROM user_role r JOIN unit u ON u.id = r.unit_id WHERE r.user_id = a.id AND ${inScope})
          OR EXISTS (SELECT 1 FROM officer o JOIN unit u ON u.id = o.unit_id WHERE o.id = a.officer_id AND ${inScope}))`;
  }

  async findInScope(ctx: RequestContext, id: string): Promise<UserRow> {
    const params: unknown[] = [id];
    const scope = this.scopeCondition(ctx.subtrees(), params);
    const [row] = await this.tx.query<UserRow>(`${USER_SELECT} WHERE a.id = $1 AND ${scope}`, params);
    if (!row) throw new NotFound('User', id);
    return row;
  }

  async byId(id: string): Promise<UserRow | null> {
    const [row] = await this.tx.query<UserRow>(`${USER_SELECT} WHERE a.id = $1`, [id]);
    return row ?? null;
  }

  async byUsername(username: string): Promise<UserRow | null> {
    const [row] = await this.tx.query<UserRow>(`${USER_SELECT} WHERE a.username = $1`, [username]);
    return row ?? null;
  }

  /** Usernames for display (who published a version, who marked attendance). */
  async usernames(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const rows = await this.tx.query<{ id: string; username: string }>(
      'SELECT id, username FROM user_account WHERE id = ANY($1::uuid[])',
      [wanted],
    );
    return new Map(rows.map((row) => [row.id, row.username]));
  }

  /**
   * Names to show people (calendars, rosters, who published): an officer's
   * full name from the personnel record, else the account's display name,
   * else the username.
   */
  async displayNames(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const rows = await this.tx.query<{ id: string; name: string }>(
      `SELECT a.id, coalesce(o.full_name, a.display_name, a.username) AS name
       FROM user_account a LEFT JOIN officer o ON o.id = a.officer_id WHERE a.id = ANY($1::uuid[])`,
      [wanted],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  async get(ctx: RequestContext, id: string): Promise<UserView> {
    return mapUser(await this.findInScope(ctx, id));
  }

  async list(ctx: RequestContext, query: ListUsersQuery): Promise<Page<UserView>> {
    const params: unknown[] = [];
    const where = [this.scopeCondition(ctx.subtrees(), params)];
    if (query.q) {
      params.push('%' + likeEscape(query.q.toLowerCase()) + '%');
      where.push(
        `(a.username LIKE $${params.length} OR lower(a.display_name) LIKE $${params.length}
          OR EXISTS (SELECT 1 FROM officer o WHERE o.id = a.officer_id AND lower(o.full_name) LIKE $${params.length}))`,
      );
    }
    if (query.role) {
      params.push(query.role);
      where.push(`EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = a.id AND r.role = $${params.length})`);
    }
    const condition = where.join(' AND ');
    const { rows, total } = await this.tx.page<UserRow>({
      from: `user_account a`,
      select: `${USER_SELECT}`,
      where: condition,
      orderBy: `a.username`,
      params: params,
      page: query,
    });
    return { items: rows.map(mapUser), total, limit: query.limit, offset: query.offset };
  }

  async create(ctx: RequestContext, dto: CreateUserDto): Promise<UserView> {
    return this.tx.withTransaction(async () => {
      if (dto.officerId) await this.officers.findInScope(ctx, dto.officerId, []);
      await this.checkGrants(ctx, dto.roles);
      const hash = await this.passwords.hash(dto.password);
      const id = await this.insert(dto.username, hash, dto.officerId ?? null, dto.mustChangePassword ?? false);
      if (dto.displayName) {
        await this.tx.query('UPDATE user_account SET display_name = $2 WHERE id = $1', [id, dto.displayName]);
      }
      await this.writeGrants(id, dto.roles);
      const view = mapUser((await this.byId(id))!);
      await this.audit.record(ctx, {
        action: 'user.create',
        entityType: 'user',
        entityId: id,
        unitPath: await this.auditPath(id),
        after: view,
      });
      return view;
    });
  }

  /** Inserts an account; maps unique violations to domain conflicts. */
  /** Sets an account's display name as it is (seeding and the CLI; the routes go through update). */
  async setDisplayName(id: string, displayName: string): Promise<void> {
    await this.tx.query('UPDATE user_account SET display_name = $2 WHERE id = $1', [id, displayName]);
  }

  async insert(username: string, passwordHash: string, officerId: string | null, mustChange: boolean): Promise<string> {
    try {
      const [{ id }] = await this.tx.query<{ id: string }>(
        `INSERT INTO user_account (username, password_hash, officer_id, must_change_password)
         VALUES ($1, $2, $3, $4) RETURNING id`,
        [username, passwordHash, officerId, mustChange],
      );
      return id;
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_user_account_username')) throw new UsernameTaken(username);
      if (isUniqueViolation(error, 'UQ_user_account_officer')) throw new OfficerHasAccount();
      throw error;
    }
  }

  async writeGrants(userId: string, grants: RoleGrantDto[]): Promise<void> {
    if (grants.length === 0) return;
    await this.tx.query(
      `INSERT INTO user_role (user_id, role, unit_id)
       SELECT $1, g.role, g.unit_id FROM unnest($2::text[], $3::uuid[]) AS g(role, unit_id)
       ON CONFLICT DO NOTHING`,
      [userId, grants.map((g) => g.role), grants.map((g) => g.unitId)],
    );
  }

  /** Every granted unit must lie in the caller's admin subtree (404 otherwise). */
  private async checkGrants(ctx: RequestContext, grants: RoleGrantDto[]): Promise<void> {
    for (const unitId of new Set(grants.map((g) => g.unitId))) await this.units.findInScope(ctx, unitId, []);
  }

  async update(ctx: RequestContext, id: string, dto: UpdateUserDto): Promise<UserView> {
    const updated = await this.tx.withTransaction(async () => {
      const before = await this.findInScope(ctx, id);
      await this.tx.query('SELECT 1 FROM user_account WHERE id = $1 FOR UPDATE', [id]);
      // Sign-in (password, disabled, second factor) belongs to an admin over every grant the user holds.
      const subtrees = ctx.subtrees();
      const signIn = dto.password !== undefined || dto.disabled !== undefined || dto.resetSecondFactor === true;
      if (signIn && subtrees !== null && !before.roles.every((g) => subtrees.some((p) => g.unitPath.startsWith(p)))) {
        throw new AccessDenied('The user also holds roles outside your units');
      }
      if (dto.roles) {
        await this.checkGrants(ctx, dto.roles);
        const params: unknown[] = [id];
        const scope = subtreeCondition('u.path', ctx.subtrees(), params);
        await this.tx.query(
          `DELETE FROM user_role r USING unit u WHERE r.user_id = $1 AND u.id = r.unit_id AND ${scope}`,
          params,
        );
        await this.writeGrants(id, dto.roles);
      }
      const newHash = dto.password ? await this.passwords.hash(dto.password) : null;
      // Disabling, a password reset or a lost second factor ends every session of the user.
      const revoke = (dto.disabled === true && !before.disabled) || newHash !== null || dto.resetSecondFactor === true;
      await this.tx.query(
        `UPDATE user_account SET
           disabled = coalesce($2, disabled),
           password_hash = coalesce($3, password_hash),
           must_change_password = CASE WHEN $3::text IS NULL THEN must_change_password ELSE true END,
           totp_enabled = CASE WHEN $4 THEN false ELSE totp_enabled END,
           totp_secret = CASE WHEN $4 THEN NULL ELSE totp_secret END,
           totp_last_step = CASE WHEN $4 THEN NULL ELSE totp_last_step END,
           token_version = token_version + CASE WHEN $5 THEN 1 ELSE 0 END,
           display_name = CASE WHEN $6::text IS NULL THEN display_name ELSE nullif($6, '') END,
           updated_at = now()
         WHERE id = $1`,
        [id, dto.disabled ?? null, newHash, dto.resetSecondFactor === true, revoke, dto.displayName ?? null],
      );
      if (dto.resetSecondFactor) await this.tx.query('DELETE FROM recovery_code WHERE user_id = $1', [id]);
      const after = mapUser((await this.byId(id))!);
      await this.audit.record(ctx, {
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        unitPath: await this.auditPath(id),
        before: mapUser(before),
        after: { ...after, passwordReset: newHash !== null },
      });
      return after;
    });
    this.actors.forget(`user:${id}`);
    return updated;
  }

  /** Remembers the interface language the user chose on the pages (a preference: not audited). */
  async setLanguage(userId: string, language: Language): Promise<void> {
    await this.tx.query('UPDATE user_account SET language = $2 WHERE id = $1', [userId, language]);
  }

  /** The unit path an event about this user is filed under: its officer's unit, else its first grant. */
  async auditPath(userId: string): Promise<string | null> {
    const [row] = await this.tx.query<{ path: string | null }>(
      `SELECT coalesce(
         (SELECT u.path FROM user_account a JOIN officer o ON o.id = a.officer_id JOIN unit u ON u.id = o.unit_id WHERE a.id = $1),
         (SELECT u.path FROM user_role r JOIN unit u ON u.id = r.unit_id WHERE r.user_id = $1 ORDER BY length(u.path) LIMIT 1)) AS path`,
      [userId],
    );
    return row?.path ?? null;
  }
}
