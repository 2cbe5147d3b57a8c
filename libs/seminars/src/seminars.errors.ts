import { Conflict, DomainError, ValidationFailed } from '@lms/core';

export class NotATrainer extends ValidationFailed {
  constructor(userId: string) {
    super(
      `User ${userId} is not an active trainer`,
      [{ field: 'trainerUserId', message: 'must be a user holding the trainer role' }],
      'not-a-trainer',
    );
  }
}

export class TrainerDoubleBooked extends Conflict {
  constructor(conflictingSessionId: string) {
    super('trainer-double-booked', 'The trainer already leads a session at that time', { conflictingSessionId });
  }
}

/** Times that cannot work together (end before start, a deadline after the start, a start in the past). */
export class InvalidSchedule extends ValidationFailed {
  constructor(field: string, message: string) {
    super('The session times are not valid', [{ field, message }], 'invalid-schedule');
  }
}

export class SessionNotOpen extends Conflict {
  constructor(status: string, action: string) {
    super(`session-${status}`, `The session is ${status}; it cannot be ${action}`);
  }
}

export class SessionAlreadyStarted extends Conflict {
  constructor(action: string) {
    super('session-started', `The session has already started; it cannot be ${action}`);
  }
}

export class SessionNotStarted extends Conflict {
  constructor() {
    super('session-not-started', 'Attendance can be recorded once the session has started');
  }
}

export class BookingDeadlinePassed extends Conflict {
  constructor(deadline: Date) {
    super('booking-deadline-passed', `Bookings for this session closed at ${deadline.toISOString()}`);
  }
}

export class NoOpenEnrollment extends Conflict {
  constructor() {
    super(
      'no-open-enrollment',
      'The officer has no open enrolment for this course; a seminar is booked for an assigned course',
    );
  }
}

export class SeminarAlreadyAttended extends Conflict {
  constructor() {
    super('seminar-already-attended', 'The officer has already attended a seminar for this enrolment');
  }
}

export class AlreadyBooked extends Conflict {
  constructor(bookingId: string | null) {
    super('already-booked', 'The officer already has an active booking for a session of this course', { bookingId });
  }
}

export class BookingNotActive extends Conflict {
  constructor(status: string) {
    super('booking-not-active', `The booking is ${status}; only a booked or waitlisted one can be cancelled`);
  }
}

export class CapacityBelowBooked extends Conflict {
  constructor(booked: number) {
    super('capacity-below-booked', `${booked} seat(s) are booked; the capacity cannot be lower`, { booked });
  }
}

export class OfficersNotBooked extends ValidationFailed {
  constructor(problems: { index: number; officerId: string }[]) {
    super(
      `${problems.length} officer(s) are not booked on this session; nothing was recorded`,
      problems.map((p) => ({ field: `[${p.index}].officerId`, message: 'is not booked on this session' })),
      'officers-not-booked',
    );
    this.extra.officerIds = problems.map((p) => p.officerId);
  }
}

export class NotSessionTrainer extends DomainError {
  constructor() {
    super('forbidden', 'not-session-trainer', "Only the session's trainer, HR of its unit and admins may do this");
  }
}
