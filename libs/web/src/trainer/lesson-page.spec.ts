import { ValidationFailed } from '@lms/core';
import { AttachmentRejected, VersionView } from '@lms/catalogue';
import { fileRefusal, lessonModel, lessonValues } from './lesson-page';

const FILE_ID = '6f1d2a4e-8c7b-4e1a-9d3f-2b5c7a9e1f00';
const version = {
  id: 'v1',
  lessons: [
    {
      id: 'l1',
      title: { kk: 'Сабақ', ru: 'Урок' },
      body: { ru: '## Текст' },
      durationMinutes: 15,
      attachments: [
        { kind: 'file', attachmentId: FILE_ID, title: { kk: 'a.pdf' } },
        { kind: 'link', url: 'https://example.kz/video', title: {} },
      ],
    },
  ],
} as unknown as VersionView;

describe('the lesson page', () => {
  it('lists the stored files with their size in kilobytes and the links apart', () => {
    const model = lessonModel(version, 'l1', [
      { id: FILE_ID, fileName: 'a.pdf', contentType: 'application/pdf', size: 300, createdAt: new Date(0) },
    ]);
    expect(model.n).toBe(1);
    expect(model.files).toEqual([expect.objectContaining({ id: FILE_ID, kb: 1 })]);
    expect(model.links).toEqual([expect.objectContaining({ url: 'https://example.kz/video' })]);
    expect(model.accept.split(',')).toContain('application/pdf');
    expect(model.maxMegabytes).toBe(10);
  });

  it('numbers a new lesson after the last one and fills no fields', () => {
    expect(lessonModel(version, 'new', []).n).toBe(2);
    expect(lessonValues(undefined)).toEqual({});
    expect(lessonValues(version.lessons[0])).toEqual(
      expect.objectContaining({ title_kk: 'Сабақ', title_en: '', body_ru: '## Текст', durationMinutes: '15' }),
    );
  });

  it('gives the reason of a refused file, and nothing for other errors', () => {
    expect(fileRefusal(new AttachmentRejected('unsupported-media-type', 'text/plain'))).toBe(
      'editor.files.typeRefused',
    );
    expect(fileRefusal(new AttachmentRejected('payload-too-large', '10 MB'))).toBe('editor.files.tooLarge');
    expect(fileRefusal(new ValidationFailed('empty', []))).toBe('editor.files.badFile');
    expect(fileRefusal(new Error('database down'))).toBeNull();
  });
});
