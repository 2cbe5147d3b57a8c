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
export function mapVersion(row: VersionRow, withAnswers: boolean): VersionView {
  const content = withAnswers ? row.content : withoutAnswers(row.content);
  return {
    id: row.id,
    courseId: row.course_id,
    courseCode: row.course_code,
    courseTitle: row.course_title,
    number: row.number,
    status: row.status,
    objectives: content.objectives,
    lessons: content.lessons.map((lesson) => ({ ...lesson, bodyHtml: renderText(lesson.body) })),
    quiz: content.quiz ? { ...content.quiz, questionCount: row.content.quiz!.questions.length } : null,
    rubric: content.rubric,
    seminar: content.seminar,
    completionRule: content.completionRule,
    validityMonths: content.validityMonths,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedBy: row.published_by,
    publishedAt: row.published_at,
  };
}
