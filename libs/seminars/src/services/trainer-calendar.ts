import { Injectable } from '@nestjs/common';
import { ADVISORY_LOCKS, RequestContext, subtreeCondition, TransactionHost } from '@lms/core';
import { UserService } from '@lms/identity';
import { NotATrainer, TrainerDoubleBooked } from '../seminars.errors';
import { SESSION_STAFF } from './session-access';

/**
 * A trainer leads one session at a time. Without btree_gist there is no
 * exclusion constraint, so the rule is kept by serialising the writers of a
 * trainer's calendar on a transaction-scoped advisory lock (which also covers
 * a trainer with no sessions yet, where row locks would have nothing to
 * lock) and checking overlap in SQL under it, before the write.
 */
@Injectable()
export class TrainerCalendar {
  constructor(
    private readonly tx: TransactionHost,
    private readonly users: UserService,
  ) {}

  /**
   * The user must hold the trainer role and be able to sign in; with `scope`,
   * also within the caller's reach for a session of that unit.
   */
  async requireTrainer(userId: string, scope?: { ctx: RequestContext; unitPath: string }): Promise<void> {
    const user = await this.users.byId(userId);
    const trainerGrants = user && !user.disabled ? user.roles.filter((grant) => grant.role === 'trainer') : [];
    if (trainerGrants.length === 0) throw new NotATrainer(userId);
    if (!scope) return;
    // A trainer of the session's unit or above it (a national trainer serves every region), or one of the caller's units.
    const callers = scope.ctx.subtrees(...SESSION_STAFF);
    const reachable = trainerGrants.some(
      (grant) =>
        scope.unitPath.startsWith(grant.unitPath) ||
        callers === null ||
        callers.some((prefix) => grant.unitPath.startsWith(prefix)),
    );
    if (!reachable) throw new NotATrainer(userId);
  }

  /**
   * The trainers `requireTrainer` accepts for a session of the unit at
   * `unitPath` scheduled by the caller, by display name: the same rule in
   * SQL (a grant at or above the unit, or within the caller's subtrees).
   */
  async assignable(ctx: RequestContext, unitPath: string): Promise<{ userId: string; name: string }[]> {
    const params: unknown[] = [unitPath];
    const callers = subtreeCondition('u.path', ctx.subtrees(...SESSION_STAFF), params);
    const rows = await this.tx.query<{ id: string }>(
      `SELECT a.id FROM user_account a
       WHERE NOT a.disabled AND EXISTS (SELECT 1 FROM user_role r JOIN unit u ON u.id = r.unit_id
         WHERE r.user_id = a.id AND r.role = 'trainer' AND (starts_with($1, u.path) OR ${callers}))`,
      params,
    );
    const names = await this.users.displayNames(rows.map((row) => row.id));
    return rows
      .map((row) => ({ userId: row.id, name: names.get(row.id) ?? row.id }))
      .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  }

  /**
   * Locks the trainer's calendar until the transaction ends and refuses a
   * time that overlaps another of their sessions (cancelled ones aside).
   */
  async reserve(
    trainerUserId: string,
    startsAt: string | Date,
    endsAt: string | Date,
    sessionId: string | null,
  ): Promise<void> {
    await this.tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
      ADVISORY_LOCKS.trainerCalendar,
      trainerUserId,
    ]);
    const [clash] = await this.tx.query<{ id: string }>(
      `SELECT id FROM seminar_session
       WHERE trainer_user_id = $1 AND status <> 'cancelled' AND ($4::uuid IS NULL OR id <> $4)
         AND tstzrange(starts_at, ends_at) && tstzrange($2::timestamptz, $3::timestamptz)
       ORDER BY starts_at LIMIT 1`,
      [trainerUserId, startsAt, endsAt, sessionId],
    );
    if (clash) throw new TrainerDoubleBooked(clash.id);
  }

  /**
   * Reserves several new sessions of one trainer at once (history being
   * loaded): under the same lock, none may overlap a session of theirs, nor
   * another of the batch. One query for the whole batch.
   */
  async reserveMany(trainerUserId: string, slots: { id: string; startsAt: Date; endsAt: Date }[]): Promise<void> {
    await this.tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
      ADVISORY_LOCKS.trainerCalendar,
      trainerUserId,
    ]);
    const [clash] = await this.tx.query<{ id: string }>(
      `WITH slot AS (SELECT * FROM unnest($2::uuid[], $3::timestamptz[], $4::timestamptz[]) AS s(id, starts_at, ends_at)),
       taken AS (
         SELECT id, starts_at, ends_at FROM seminar_session WHERE trainer_user_id = $1 AND status <> 'cancelled'
         UNION ALL SELECT id, starts_at, ends_at FROM slot)
       SELECT t.id FROM slot s JOIN taken t ON t.id <> s.id AND tstzrange(t.starts_at, t.ends_at) && tstzrange(s.starts_at, s.ends_at)
       ORDER BY t.starts_at LIMIT 1`,
      [trainerUserId, slots.map((s) => s.id), slots.map((s) => s.startsAt), slots.map((s) => s.endsAt)],
    );
    if (clash) throw new TrainerDoubleBooked(clash.id);
  }
}
