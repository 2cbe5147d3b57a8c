import { ValidationFailed } from '@lms/core';
import {
  AttachmentRejected,
  ATTACHMENT_TYPES,
  LessonFileView,
  MAX_ATTACHMENT_BYTES,
  renderMarkdown,
  Text,
  VersionView,
} from '@lms/catalogue';
import { EDITOR_LANGUAGES } from './editor-forms';

type Lesson = VersionView['lessons'][number];

/**
 * The lesson editor's model, shared by the lesson form and its files' forms
 * (a refused upload shows the same page with the error beside the file field).
 */
export function lessonModel(version: VersionView, lessonId: string, files: LessonFileView[]) {
  const index = version.lessons.findIndex((l) => l.id === lessonId);
  return {
    version,
    base: `/trainer/versions/${version.id}`,
    lessonId,
    isNew: lessonId === 'new',
    n: index < 0 ? version.lessons.length + 1 : index + 1,
    languages: EDITOR_LANGUAGES,
    files: files.map((file) => ({ ...file, kb: Math.max(1, Math.round(file.size / 1024)) })),
    links: (version.lessons[index]?.attachments ?? []).filter((a) => a.kind === 'link'),
    accept: ATTACHMENT_TYPES.join(','),
    maxBytes: MAX_ATTACHMENT_BYTES,
    maxMegabytes: MAX_ATTACHMENT_BYTES / 1024 / 1024,
  };
}

/** The lesson form's fields as stored. */
export function lessonValues(lesson: Lesson | undefined): Record<string, string> {
  if (!lesson) return {};
  return {
    ...Object.fromEntries(
      EDITOR_LANGUAGES.flatMap((l) => [
        [`title_${l}`, lesson.title[l] ?? ''],
        [`body_${l}`, lesson.body[l] ?? ''],
      ]),
    ),
    durationMinutes: lesson.durationMinutes ? String(lesson.durationMinutes) : '',
  };
}

/** Each language's Markdown rendered by the catalogue's inert renderer (no raw HTML passes). */
export function previews(body: Text) {
  return EDITOR_LANGUAGES.filter((l) => body[l]).map((l) => ({ lang: l, html: renderMarkdown(body[l]!) }));
}

/** The reason a refused lesson file is shown with (an i18n key); null for anything else. */
export function fileRefusal(error: unknown): string | null {
  if (error instanceof AttachmentRejected)
    return error.kind === 'payload-too-large' ? 'editor.files.tooLarge' : 'editor.files.typeRefused';
  if (error instanceof ValidationFailed) return 'editor.files.badFile';
  return null;
}
