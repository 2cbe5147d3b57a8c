import { Conflict, DomainError, ValidationFailed } from '@lms/core';
import { CatalogueProblem } from '@lms/catalogue';
import type { SessionStatus } from './entities/seminar-session.entity';

/** Every problem code the seminars library answers with (besides the common ones). */
export enum SeminarsProblem {
  NotATrainer = 'not-a-trainer',
  TrainerDoubleBooked = 'trainer-double-booked',
  InvalidSchedule = 'invalid-schedule',
  SessionCancelled = 'session-cancelled',
  SessionCompleted = 'session-completed',
  SessionStarted = 'session-started',
  SessionNotStarted = 'session-not-started',
  BookingDeadlinePassed = 'booking-deadline-passed',
  NoOpenEnrollment = 'no-open-enrollment',
  SeminarAlreadyAttended = 'seminar-already-attended',
  AlreadyBooked = 'already-booked',
  BookingNotActive = 'booking-not-active',
  CapacityBelowBooked = 'capacity-below-booked',
  OfficersNotBooked = 'officers-not-booked',
  NotSessionTrainer = 'not-session-trainer',
  TrainerNotQualified = 'trainer-not-qualified',
  InvalidDrillSession = 'invalid-drill-session',
}

/** What seminar routes answer besides the common codes: their own, and a course with no published version yet. */
export const SEMINARS_ROUTE_PROBLEMS: string[] = [
  ...Object.values(SeminarsProblem),
  CatalogueProblem.CourseNotPublished,
];

export class NotATrainer extends ValidationFailed {
  constructor(userId: string) {
    super(
      `User ${userId} is not an active trainer`,
      [{ field: 'trainerUserId', message: 'must be a user holding the trainer role' }],
      SeminarsProblem.NotATrainer,
    );
  }
}

export class TrainerDoubleBooked extends Conflict {
  constructor(conflictingSessionId: string) {
    super(SeminarsProblem.TrainerDoubleBooked, 'The trainer already leads a session at that time', {
      conflictingSessionId,
    });
  }
}

/** Times that cannot work together (end before start, a deadline after the start, a start in the past). */
export class InvalidSchedule extends ValidationFailed {
  constructor(field: string, message: string) {
    super('The session times are not valid', [{ field, message }], SeminarsProblem.InvalidSchedule);
  }
}

const NOT_OPEN = { cancelled: SeminarsProblem.SessionCancelled, completed: SeminarsProblem.SessionCompleted };

export class SessionNotOpen extends Conflict {
  constructor(status: Exclude<SessionStatus, 'scheduled'>, action: string) {
    super(NOT_OPEN[status], `The session is ${status}; it cannot be ${action}`);
  }
}

export class SessionAlreadyStarted extends Conflict {
  constructor(action: string) {
    super(SeminarsProblem.SessionStarted, `The session has already started; it cannot be ${action}`);
  }
}

export class SessionNotStarted extends Conflict {
  constructor() {
    super(SeminarsProblem.SessionNotStarted, 'Attendance can be recorded once the session has started');
  }
}

export class BookingDeadlinePassed extends Conflict {
  constructor(deadline: Date) {
    super(SeminarsProblem.BookingDeadlinePassed, `Bookings for this session closed at ${deadline.toISOString()}`);
  }
}

export class NoOpenEnrollment extends Conflict {
  constructor() {
    super(
      SeminarsProblem.NoOpenEnrollment,
      'The officer has no open enrolment for this course; a seminar is booked for an assigned course',
    );
  }
}

export class SeminarAlreadyAttended extends Conflict {
  constructor() {
    super(SeminarsProblem.SeminarAlreadyAttended, 'The officer has already attended a seminar for this enrolment');
  }
}

export class AlreadyBooked extends Conflict {
  constructor(bookingId: string | null) {
    super(SeminarsProblem.AlreadyBooked, 'The officer already has an active booking for a session of this course', {
      bookingId,
    });
  }
}

export class BookingNotActive extends Conflict {
  constructor(status: string) {
    super(
      SeminarsProblem.BookingNotActive,
      `The booking is ${status}; only a booked or waitlisted one can be cancelled`,
    );
  }
}

export class CapacityBelowBooked extends Conflict {
  constructor(booked: number) {
    super(SeminarsProblem.CapacityBelowBooked, `${booked} seat(s) are booked; the capacity cannot be lower`, {
      booked,
    });
  }
}

export class OfficersNotBooked extends ValidationFailed {
  constructor(problems: { index: number; officerId: string }[]) {
    super(
      `${problems.length} officer(s) are not booked on this session; nothing was recorded`,
      problems.map((p) => ({ field: `[${p.index}].officerId`, message: 'is not booked on this session' })),
      SeminarsProblem.OfficersNotBooked,
    );
    this.extra.officerIds = problems.map((p) => p.officerId);
  }
}

export class NotSessionTrainer extends DomainError {
  constructor() {
    super(
      'forbidden',
      SeminarsProblem.NotSessionTrainer,
      "Only the session's trainer, HR of its unit and admins may do this",
    );
  }
}

export class TrainerNotQualified extends Conflict {
  constructor(programmeCode: string, required: readonly string[]) {
    super(
      SeminarsProblem.TrainerNotQualified,
      `Seminars of programme ${programmeCode} are run by a qualified trainer: the trainer needs a qualification in one of ${required.join(', ')}`,
      { programmeCode, required },
    );
  }
}

export class DrillNotRecordable extends ValidationFailed {
  constructor(problems: { field: string; message: string }[]) {
    super('The drill session cannot be recorded as given', problems, SeminarsProblem.InvalidDrillSession);
  }
}
