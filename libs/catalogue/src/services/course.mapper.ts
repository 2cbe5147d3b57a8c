import { LocalizedText } from '@lms/core';
import { VersionView } from '../dto/course-version.response';
import { CourseView } from '../dto/course.response';
import { VersionStatus } from '../entities/course-version.entity';
import { renderText, type Text } from './markdown';
import { VersionContent, withoutAnswers } from './version-content';

export interface CourseRow {
  id: string;
  code: string;
  title: LocalizedText;
  description: Text | null;
  owner_user_id: string | null;
  reminder_days: number[] | null;
  created_at: Date;
  updated_at: Date;
  published_version_id: string | null;
  draft_version_id: string | null;
}

/** A course with its latest published version and its draft, in one row. */
export const COURSE_SELECT = `
  SELECT c.*,
    (SELECT v.id FROM course_version v WHERE v.course_id = c.id AND v.status = 'published' ORDER BY v.number DESC LIMIT 1) AS published_version_id,
    (SELECT v.id FROM course_version v WHERE v.course_id = c.id AND v.status = 'draft') AS draft_version_id
  FROM course c`;

export interface VersionRow {
  id: string;
  course_id: string;
  course_code: string;
  course_title: LocalizedText;
  /** The course's owner, read with the version (who may author it). */
  course_owner_user_id: string | null;
  number: number;
  status: VersionStatus;
  content: VersionContent;
  created_by: string | null;
  published_by: string | null;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export const VERSION_SELECT = `
  SELECT v.*, c.code AS course_code, c.title AS course_title, c.owner_user_id AS course_owner_user_id FROM course_version v JOIN course c ON c.id = v.course_id`;

/** `VERSION_SELECT` without the content, for a version whose content the process already holds. */
export const VERSION_META_SELECT = `
  SELECT v.id, v.course_id, v.number, v.status, v.created_by, v.published_by, v.published_at, v.created_at,
         v.updated_at, c.code AS course_code, c.title AS course_title, c.owner_user_id AS course_owner_user_id
  FROM course_version v JOIN course c ON c.id = v.course_id`;

export function mapCourse(row: CourseRow, canAuthor: boolean): CourseView {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    description: row.description,
    ownerUserId: row.owner_user_id,
    reminderDays: row.reminder_days,
    publishedVersionId: row.published_version_id,
    draftVersionId: canAuthor ? row.draft_version_id : null,
    canAuthor,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The API shape of a version; answers only for those who may see them. */
/** The part of a version's view that comes from its content (what `mapVersion` renders). */
export type VersionContentView = Pick<
  VersionView,
  'objectives' | 'lessons' | 'quiz' | 'rubric' | 'seminar' | 'completionRule' | 'validityMonths'
>;

/** A version's content as shown: lessons rendered to HTML; the quiz's questions only `withAnswers`. */
export function contentView(content: VersionContent, withAnswers: boolean): VersionContentView {
  const shown = withAnswers ? content : withoutAnswers(content);
  return {
    objectives: shown.objectives,
    lessons: shown.lessons.map((lesson) => ({ ...lesson, bodyHtml: renderText(lesson.body) })),
    quiz: shown.quiz ? { ...shown.quiz, questionCount: content.quiz!.questions.length } : null,
    rubric: shown.rubric,
    seminar: shown.seminar,
    completionRule: shown.completionRule,
    validityMonths: shown.validityMonths,
  };
}

export function mapVersion(
  row: VersionRow,
  withAnswers: boolean,
  content: VersionContentView = contentView(row.content, withAnswers),
): VersionView {
  return {
    id: row.id,
    courseId: row.course_id,
    courseCode: row.course_code,
    courseTitle: row.course_title,
    number: row.number,
    status: row.status,
    ...content,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedBy: row.published_by,
    publishedAt: row.published_at,
  };
}
