import { Injectable } from '@nestjs/common';
import { AuditService, RequestContext, TransactionHost } from '@lms/core';
import { CourseService } from '@lms/catalogue';
import { UnitService } from '@lms/personnel';
import { CreateSessionDto, UpdateSessionDto } from '../dto/session.dto';
import {
  CapacityBelowBooked,
  InvalidSchedule,
  NotSessionTrainer,
  SessionAlreadyStarted,
  SessionNotOpen,
} from '../seminars.errors';
import { SeminarNotices, sessionPayload } from './seminar-notices';
import { SeatLedger } from './seat-ledger';
import { canManage, SESSION_STAFF } from './session-access';
import { locationOf } from './session.mapper';
import { SessionDetail, SessionService } from './session.service';
import { TrainerCalendar } from './trainer-calendar';
import { TrainerProfileService } from './trainer-profile.service';

/** Scheduling sessions: create, reschedule or resize, cancel. Owns `seminar_session`. */
@Injectable()
export class SchedulingService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly sessions: SessionService,
    private readonly ledger: SeatLedger,
    private readonly trainers: TrainerCalendar,
    private readonly profiles: TrainerProfileService,
    private readonly notifications: SeminarNotices,
    private readonly courses: CourseService,
    private readonly units: UnitService,
    private readonly audit: AuditService,
  ) {}

  async create(ctx: RequestContext, dto: CreateSessionDto): Promise<SessionDetail> {
    return this.tx.withTransaction(async () => {
      const unit = await this.units.findInScope(
        ctx,
        dto.unitId ?? (await this.units.defaultUnit(ctx, SESSION_STAFF)),
        SESSION_STAFF,
      );
      const course = await this.courses.requirePublished(dto.courseId, 'scheduling seminars');
      await this.requireFuture(dto.startsAt);
      await this.trainers.requireTrainer(dto.trainerUserId, { ctx, unitPath: unit.path });
      await this.profiles.requireQualifiedFor(dto.courseId, dto.trainerUserId);
      await this.trainers.reserve(dto.trainerUserId, dto.startsAt, dto.endsAt, null);
      const [{ id }] = await this.tx.query<{ id: string }>(
        `INSERT INTO seminar_session (course_id, course_version_id, unit_id, trainer_user_id, starts_at, ends_at, address, room,
                                      online_url, capacity, language, booking_deadline, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
        [
          dto.courseId,
          course.publishedVersionId,
          unit.id,
          dto.trainerUserId,
          dto.startsAt,
          dto.endsAt,
          dto.location.address ?? null,
          dto.location.room ?? null,
          dto.location.onlineUrl ?? null,
          dto.capacity,
          dto.language,
          dto.bookingDeadline ?? null,
          ctx.userId,
        ],
      );
      const view = await this.sessions.get(ctx, id);
      await this.audit.record(ctx, {
        action: 'seminar-session.create',
        entityType: 'seminar_session',
        entityId: id,
        unitPath: unit.path,
        after: withoutRoster(view),
      });
      return view;
    });
  }

  /**
   * For a new session of the caller's own unit (the one `create` defaults to):
   * the unit's time zone and the trainers the caller may give it.
   */
  async choices(ctx: RequestContext): Promise<{ timeZone: string; trainers: { userId: string; name: string }[] }> {
    const unit = await this.ownUnit(ctx);
    return { timeZone: unit.timezone, trainers: await this.trainers.assignable(ctx, unit.path) };
  }

  /** The time zone of the caller's own unit: the one session times are typed in. */
  async timeZone(ctx: RequestContext): Promise<string> {
    return (await this.ownUnit(ctx)).timezone;
  }

  private async ownUnit(ctx: RequestContext) {
    return this.units.findInScope(ctx, await this.units.defaultUnit(ctx, SESSION_STAFF), SESSION_STAFF);
  }

  /**
   * Reschedules, moves, resizes or hands over a scheduled session that has
   * not started. More seats are filled from the waitlist at once; fewer than
   * are booked is refused. Booked and waiting officers are told of a new time or place.
   */
  async update(ctx: RequestContext, id: string, dto: UpdateSessionDto): Promise<SessionDetail> {
    return this.tx.withTransaction(async () => {
      const before = await this.sessions.find(ctx, id);
      if (!canManage(ctx, before)) throw new NotSessionTrainer();
      const locked = await this.ledger.lock(id);
      if (locked.status !== 'scheduled') throw new SessionNotOpen(locked.status, 'changed');
      if (locked.started) throw new SessionAlreadyStarted('changed');
      const startsAt = dto.startsAt ?? locked.starts_at.toISOString();
      const endsAt = dto.endsAt ?? locked.ends_at.toISOString();
      const deadline = dto.bookingDeadline === undefined ? locked.booking_deadline?.toISOString() : dto.bookingDeadline;
      if (Date.parse(endsAt) <= Date.parse(startsAt))
        throw new InvalidSchedule('endsAt', 'endsAt must be after startsAt');
      if (deadline && Date.parse(deadline) > Date.parse(startsAt))
        throw new InvalidSchedule('bookingDeadline', 'bookingDeadline must be at or before startsAt');
      if (dto.startsAt) await this.requireFuture(dto.startsAt);
      const trainerUserId = dto.trainerUserId ?? locked.trainer_user_id;
      if (dto.trainerUserId) {
        await this.trainers.requireTrainer(dto.trainerUserId, { ctx, unitPath: before.unit_path });
        await this.profiles.requireQualifiedFor(before.course_id, dto.trainerUserId);
      }
      const moved = dto.startsAt !== undefined || dto.endsAt !== undefined;
      if (moved || dto.trainerUserId) await this.trainers.reserve(trainerUserId, startsAt, endsAt, id);
      if (dto.capacity !== undefined) {
        const seats = await this.ledger.seats(id);
        if (dto.capacity < seats.booked) throw new CapacityBelowBooked(seats.booked);
      }
      await this.tx.query(
        `UPDATE seminar_session SET starts_at = $2, ends_at = $3, booking_deadline = $4, trainer_user_id = $5,
                capacity = coalesce($6, capacity), address = CASE WHEN $7 THEN $8 ELSE address END,
                room = CASE WHEN $7 THEN $9 ELSE room END, online_url = CASE WHEN $7 THEN $10 ELSE online_url END,
                revision = revision + 1, updated_at = now()
         WHERE id = $1`,
        [
          id,
          startsAt,
          endsAt,
          deadline ?? null,
          trainerUserId,
          dto.capacity ?? null,
          dto.location !== undefined,
          dto.location?.address ?? null,
          dto.location?.room ?? null,
          dto.location?.onlineUrl ?? null,
        ],
      );
      const promoted = await this.ledger.fillFromWaitlist(id);
      const after = await this.sessions.find(ctx, id);
      await this.notifications.send(
        'seminar.booking-promoted',
        promoted.map((b) => ({ officerId: b.officer_id, bookingId: b.id })),
        sessionPayload(after),
      );
      if (moved || dto.location !== undefined) await this.tellBooked(after, 'seminar.session-changed');
      const view = await this.sessions.get(ctx, id);
      await this.audit.record(ctx, {
        action: 'seminar-session.update',
        entityType: 'seminar_session',
        entityId: id,
        unitPath: before.unit_path,
        before: sessionFacts(before),
        after: { ...sessionFacts(after), promotedBookingIds: promoted.map((b) => b.id) },
      });
      return view;
    });
  }

  /** Cancels a scheduled session: every booking with it, and a notification to each officer who held one. */
  async cancel(ctx: RequestContext, id: string, reason: string | null): Promise<SessionDetail> {
    return this.tx.withTransaction(async () => {
      const before = await this.sessions.find(ctx, id);
      if (!canManage(ctx, before)) throw new NotSessionTrainer();
      const locked = await this.ledger.lock(id);
      if (locked.status !== 'scheduled') throw new SessionNotOpen(locked.status, 'cancelled');
      await this.tx.query(
        `UPDATE seminar_session SET status = 'cancelled', cancel_reason = $2, cancelled_at = now(), cancelled_by = $3,
                revision = revision + 1, updated_at = now()
         WHERE id = $1`,
        [id, reason, ctx.userId],
      );
      const cancelled = await this.tx.query<{ id: string; officer_id: string }>(
        `UPDATE seminar_booking SET status = 'cancelled', cancelled_at = now(), cancelled_by = $2, cancel_reason = 'session-cancelled'
         WHERE session_id = $1 AND status IN ('booked', 'waitlisted') RETURNING id, officer_id`,
        [id, ctx.userId],
      );
      await this.notifications.send(
        'seminar.session-cancelled',
        cancelled.map((b) => ({ officerId: b.officer_id, bookingId: b.id })),
        { ...sessionPayload(before), reason, location: locationOf(before) },
      );
      await this.audit.record(ctx, {
        action: 'seminar-session.cancel',
        entityType: 'seminar_session',
        entityId: id,
        unitPath: before.unit_path,
        before: sessionFacts(before),
        after: { status: 'cancelled', reason, cancelledBookings: cancelled.length },
      });
      return this.sessions.get(ctx, id);
    });
  }

  /** Booked and waiting officers hear of a new time or place. */
  private async tellBooked(
    session: Parameters<typeof sessionPayload>[0] & Parameters<typeof locationOf>[0],
    kind: 'seminar.session-changed',
  ): Promise<void> {
    const holders = await this.tx.query<{ id: string; officer_id: string }>(
      `SELECT id, officer_id FROM seminar_booking WHERE session_id = $1 AND status IN ('booked', 'waitlisted')`,
      [session.id],
    );
    await this.notifications.send(
      kind,
      holders.map((b) => ({ officerId: b.officer_id, bookingId: b.id })),
      { ...sessionPayload(session), location: locationOf(session) },
    );
  }

  /** Sessions are scheduled ahead; the database clock decides. */
  private async requireFuture(startsAt: string): Promise<void> {
    const [{ future }] = await this.tx.query<{ future: boolean }>('SELECT $1::timestamptz > now() AS future', [
      startsAt,
    ]);
    if (!future) throw new InvalidSchedule('startsAt', 'startsAt must be in the future');
  }
}

const withoutRoster = ({ roster: _roster, myBooking: _mine, ...view }: SessionDetail) => view;

/** What the audit keeps of a session: its schedule, place, trainer and seats. */
function sessionFacts(row: {
  starts_at: Date;
  ends_at: Date;
  address: string | null;
  room: string | null;
  online_url: string | null;
  trainer_user_id: string;
  capacity: number;
  booking_deadline: Date | null;
  status: string;
}) {
  return {
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    location: locationOf(row),
    trainerUserId: row.trainer_user_id,
    capacity: row.capacity,
    bookingDeadline: row.booking_deadline,
    status: row.status,
  };
}
