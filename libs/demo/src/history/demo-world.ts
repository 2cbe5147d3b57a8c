import type { PastEnrollment } from '@lms/assignments';
import type { PastAttempt, PastPractical } from '@lms/assessments';
import type { VersionContent } from '@lms/catalogue';
import type { PastSession } from '@lms/seminars';

/** A programme course as the catalogue holds it at seed time. */
export interface WorldCourse {
  id: string;
  code: string;
  content: VersionContent;
}

export interface WorldOfficer {
  id: string;
  personnelNumber: string;
  /** Code of the officer's region (the unit under the ministry): ALM, AST... */
  region: string;
  language: 'kk' | 'ru';
}

/** An enrolment an assignment rule made (cycle 1), which the history rewrites. */
export interface WorldEnrolment {
  officer: WorldOfficer;
  course: WorldCourse;
  ruleId: string;
  orderId: string;
}

/** Everything the plan is drawn from: read from the database, never assumed. */
export interface DemoWorld {
  /** The programme's courses in order. */
  courses: WorldCourse[];
  enrolments: WorldEnrolment[];
  /** Courses whose rules recertify, with the interval in months. */
  recurrence: Map<string, number>;
  demoOfficerId: string;
  trainerUserId: string;
  adminUserId: string;
  /** The HR account of a region, where there is one. */
  hrByRegion: Map<string, string>;
  regionUnitIds: Map<string, string>;
}

/** `officerId/courseId/cycle`: how the plan names an enrolment before it has an id. */
export type EnrolmentKey = string;
export const enrolmentKey = (e: { officerId: string; courseId: string; cycle: number }): EnrolmentKey =>
  `${e.officerId}/${e.courseId}/${e.cycle}`;

type Keyed<T> = Omit<T, 'enrollmentId'> & { key: EnrolmentKey };

export interface PlannedSession extends Omit<PastSession, 'attendees'> {
  attendees: Keyed<PastSession['attendees'][number]>[];
}

/** A session to schedule through the live service, with the officers who book it, in order. */
export interface UpcomingSession {
  courseId: string;
  unitId: string;
  startsAt: Date;
  endsAt: Date;
  address: string;
  room: string;
  capacity: number;
  language: 'kk' | 'ru';
  bookings: string[];
}

export interface DemoHistoryPlan {
  enrolments: PastEnrollment[];
  sessions: PlannedSession[];
  attempts: Keyed<PastAttempt>[];
  practicals: Keyed<PastPractical>[];
  upcoming: UpcomingSession[];
}
