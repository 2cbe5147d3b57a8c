import { Language, pickText } from '@lms/core';
import type { TrainerReport } from '../dto/trainer-report.dto';
import { formatMoment, ReportTable } from './report-table';

/** The trainer report's own words (the shared labels are the compliance documents'). */
const WORDS: Record<
  Language,
  Record<
    | 'title'
    | 'unit'
    | 'period'
    | 'trainer'
    | 'course'
    | 'sessions'
    | 'seats'
    | 'filled'
    | 'fill'
    | 'attended'
    | 'attendance'
    | 'assessments'
    | 'passed'
    | 'pass'
    | 'average'
    | 'criteria'
    | 'ownOnly',
    string
  >
> = {
  ru: {
    title: 'Отчёт по тренерам',
    unit: 'Подразделение',
    period: 'Период',
    trainer: 'Тренер',
    course: 'Курс',
    sessions: 'Занятий',
    seats: 'Мест',
    filled: 'Занято',
    fill: 'Заполнение, %',
    attended: 'Присутствовали',
    attendance: 'Посещаемость, %',
    assessments: 'Оценок',
    passed: 'Сдали',
    pass: 'Сдали, %',
    average: 'Средний балл, %',
    criteria: 'Средний балл по критериям',
    ownOnly: 'Только ваши занятия и оценки',
  },
  kk: {
    title: 'Тренерлер бойынша есеп',
    unit: 'Бөлімше',
    period: 'Кезең',
    trainer: 'Тренер',
    course: 'Курс',
    sessions: 'Сабақтар',
    seats: 'Орындар',
    filled: 'Толған',
    fill: 'Толуы, %',
    attended: 'Қатысқандар',
    attendance: 'Қатысу, %',
    assessments: 'Бағалар',
    passed: 'Тапсырды',
    pass: 'Тапсырды, %',
    average: 'Орташа балл, %',
    criteria: 'Өлшемдер бойынша орташа балл',
    ownOnly: 'Тек сіздің сабақтарыңыз бен бағаларыңыз',
  },
  en: {
    title: 'Trainer report',
    unit: 'Unit',
    period: 'Period',
    trainer: 'Trainer',
    course: 'Course',
    sessions: 'Sessions',
    seats: 'Seats',
    filled: 'Filled',
    fill: 'Filled, %',
    attended: 'Attended',
    attendance: 'Attendance, %',
    assessments: 'Assessments',
    passed: 'Passed',
    pass: 'Passed, %',
    average: 'Average score, %',
    criteria: 'Average per criterion',
    ownOnly: 'Only your own sessions and assessments',
  },
};

/** A number as the language writes it: 3,25 in ru and kk. */
const decimal = (value: number, language: Language) =>
  language === 'en' ? String(value) : String(value).replace('.', ',');

/** A criterion by its name: the words before its descriptor (`Respect: listens...` → `Respect`), at most 60 characters. */
export function criterionName(description: string): string {
  const name = description.split(/[:.;\n]/)[0].trim();
  return name.length > 60 ? `${name.slice(0, 59)}…` : name;
}

/** The trainer report as one table: a line per trainer and course, criteria averages in the last column. */
export function trainerTable(report: TrainerReport, language: Language): ReportTable {
  const w = WORDS[language];
  const timeZone = report.timezone;
  return {
    language,
    title: w.title,
    meta: [
      { label: w.unit, value: `${report.unit.name} (${report.unit.code})` },
      {
        label: w.period,
        value: `${formatMoment(report.from, timeZone)} – ${formatMoment(report.to, timeZone)} (${timeZone})`,
      },
      ...(report.ownOnly ? [{ label: w.trainer, value: w.ownOnly }] : []),
    ],
    columns: [
      { label: w.trainer, width: 20, kind: 'text' },
      { label: w.course, width: 26, kind: 'text' },
      { label: w.sessions, width: 11, kind: 'count' },
      { label: w.seats, width: 10, kind: 'count' },
      { label: w.filled, width: 10, kind: 'count' },
      { label: w.fill, width: 12, kind: 'percent' },
      { label: w.attended, width: 15, kind: 'count' },
      { label: w.attendance, width: 13, kind: 'percent' },
      { label: w.assessments, width: 11, kind: 'count' },
      { label: w.pass, width: 12, kind: 'percent' },
      { label: w.average, width: 12, kind: 'percent' },
      { label: w.criteria, width: 34, kind: 'text' },
    ],
    rows: report.rows.map((row) => [
      row.trainerName,
      `${row.courseCode}: ${pickText(row.courseTitle, language)}`,
      row.sessions,
      row.seats,
      row.seatsFilled,
      row.fillPercent,
      row.attended,
      row.attendancePercent,
      row.assessments,
      row.passPercent,
      row.averageScore,
      row.criteria
        .map((c) => {
          const name = c.description ? criterionName(pickText(c.description, language)) : c.criterionId;
          const max = c.maxScore === null ? '' : `/${c.maxScore}`;
          return `${name}: ${decimal(c.average, language)}${max}`;
        })
        .join('; '),
    ]),
    total: null,
    notes: [],
    fileName: `trainers-${report.unit.code}`,
    sheetName: 'trainers',
  };
}
