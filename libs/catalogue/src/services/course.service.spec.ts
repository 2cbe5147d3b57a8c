import { AuditService, NotFound, TransactionHost } from '@lms/core';
import { UserService } from '@lms/identity';
import { CourseNotPublished } from '../catalogue.errors';
import { CourseService } from './course.service';

/** A CourseService whose database answers `query` (rows, or a thrown error) to every statement. */
function serviceOver(query: () => Promise<unknown[]>) {
  const tx = { query: jest.fn(query) } as unknown as TransactionHost;
  return new CourseService(tx, {} as AuditService, {} as UserService);
}

const course = (publishedVersionId: string | null) => ({
  id: 'c1',
  code: 'CONFLICT',
  title: { kk: 'Қақтығыс', ru: 'Конфликт' },
  description: null,
  owner_user_id: null,
  created_at: new Date(0),
  updated_at: new Date(0),
  published_version_id: publishedVersionId,
  draft_version_id: null,
});

describe('CourseService.requirePublished', () => {
  it('gives the course with its published version', async () => {
    const found = await serviceOver(async () => [course('v3')]).requirePublished('c1', 'assigning it');
    expect(found).toMatchObject({ id: 'c1', publishedVersionId: 'v3' });
  });

  it('answers 404 only when there is no such course', async () => {
    await expect(serviceOver(async () => []).requirePublished('c1', 'assigning it')).rejects.toBeInstanceOf(NotFound);
  });

  it('answers 409 course-not-published, saying what it was needed for', async () => {
    const refusal = serviceOver(async () => [course(null)]).requirePublished('c1', 'scheduling seminars');
    await expect(refusal).rejects.toBeInstanceOf(CourseNotPublished);
    await expect(refusal).rejects.toMatchObject({
      status: 409,
      code: 'course-not-published',
      detail: expect.stringContaining('before scheduling seminars'),
    });
  });

  it('lets a database error through instead of calling it "not found"', async () => {
    const failure = new Error('connection terminated unexpectedly');
    const lookup = serviceOver(() => Promise.reject(failure)).requirePublished('c1', 'assigning it');
    await expect(lookup).rejects.toBe(failure);
  });
});
