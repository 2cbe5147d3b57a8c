import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { csvDialect, LocalizedText, toCsv } from '@lms/core';
import { AttendanceStatus } from '../entities/seminar-attendance.entity';
import { BookingStatus } from '../entities/seminar-booking.entity';
import { RosterEntry } from './roster.service';

/** What a sign-in sheet or roster file shows about the session. */
export interface SheetSession {
  id: string;
  courseTitle: LocalizedText;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  location: string;
  unitName: string;
  trainerName: string;
  hours: number;
  capacity: number;
  booked: number;
  cancelled: boolean;
}

const ATTENDANCE: Record<AttendanceStatus, string> = {
  present: 'қатысты / присутствовал',
  late: 'кешікті / опоздал',
  absent: 'қатыспады / отсутствовал',
  excused: 'дәлелді себеппен / по уважительной причине',
};

const BOOKING: Record<BookingStatus, string> = {
  booked: 'тіркелді / записан',
  waitlisted: 'күту тізімінде / в листе ожидания',
  cancelled: 'бас тартылды / отменено',
  closed: 'аяқталды / завершено',
};

/** The template sits beside the compiled code (`swc --copy-files` copies it into dist). */
const template = Handlebars.compile<Record<string, unknown>>(
  readFileSync(join(__dirname, 'roster-sheet.hbs'), 'utf8'),
  { strict: true },
);

function formatter(timeZone: string) {
  return new Intl.DateTimeFormat('ru-RU', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** "01.12.2026, 10:00 – 14:00" in the unit's time zone (the end date too when it differs). */
function period(session: SheetSession): string {
  const format = formatter(session.timeZone);
  const start = format.format(session.startsAt);
  const end = format.format(session.endsAt);
  const [startDay] = start.split(', ');
  const [endDay, endTime] = end.split(', ');
  return `${start} – ${startDay === endDay ? endTime : end}`;
}

/** The printable sign-in sheet: officers holding a seat, with a column to sign. Handlebars escapes every value. */
export function renderSignInSheet(session: SheetSession, entries: RosterEntry[]): string {
  const seated = entries.filter((e) => e.status === 'booked' || e.status === 'closed');
  return template({
    courseTitle: session.courseTitle,
    cancelled: session.cancelled,
    when: period(session),
    timeZone: session.timeZone,
    location: session.location,
    unitName: session.unitName,
    trainerName: session.trainerName,
    hours: session.hours,
    capacity: session.capacity,
    booked: session.booked,
    generatedAt: formatter(session.timeZone).format(new Date()),
    officers: seated.map((e, i) => ({
      number: i + 1,
      personnelNumber: e.personnelNumber,
      fullName: e.fullName,
      rank: e.rank,
      position: e.position,
      unitName: e.unitName,
      attendance: e.attendance ? ATTENDANCE[e.attendance.status] : '',
    })),
  });
}

const CSV_COLUMNS = [
  '№',
  'Жеке нөмірі / Табельный номер',
  'Т.А.Ә. / ФИО',
  'Атағы / Звание',
  'Лауазымы / Должность',
  'Бөлімше / Подразделение',
  'Брондау / Бронь',
  'Кезектегі орны / Место в очереди',
  'Қатысуы / Присутствие',
  'Сағат / Часы',
  'Қолы / Подпись',
];

/**
 * The roster as CSV for Kazakh and Russian Excel (semicolons, UTF-8 with a BOM; text cells formula-safe):
 * seats first, then the waitlist.
 */
export function rosterCsv(entries: RosterEntry[]): string {
  const rows = entries.map((e, i) => [
    i + 1,
    e.personnelNumber,
    e.fullName,
    e.rank,
    e.position,
    e.unitName,
    BOOKING[e.status],
    e.waitlistPosition ?? '',
    e.attendance ? ATTENDANCE[e.attendance.status] : '',
    e.attendance ? e.attendance.hours : '',
    '',
  ]);
  return toCsv(rows, { dialect: csvDialect('ru'), header: CSV_COLUMNS });
}
