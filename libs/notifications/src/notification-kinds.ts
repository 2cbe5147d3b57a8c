/** Every kind of notification, each with its templates in kk, ru and en. */
export const NOTIFICATION_KINDS = [
  'seminar.session-cancelled',
  'seminar.session-changed',
  'seminar.booking-promoted',
  'seminar.session-reminder',
  'seminar.attendance-reminder',
  'enrollment.due-soon',
  'enrollment.overdue',
  'hr.digest',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
