import { emptyContent, VersionContent } from './version-content';
import { diffVersions } from './version-diff';

const lesson = (id: string, title: string) => ({
  id,
  title: { kk: title, ru: title },
  body: { kk: 'b', ru: 'b' },
  durationMinutes: 10,
  attachments: [],
});

function content(patch: Partial<VersionContent>): VersionContent {
  return { ...emptyContent(), ...patch };
}

describe('diffVersions', () => {
  it('says "no changes" for identical versions', () => {
    const v = content({ lessons: [lesson('a', 'A')] });
    expect(diffVersions(v, structuredClone(v)).summary).toEqual(['no changes']);
  });

  it('finds lessons added, removed, changed and moved by id', () => {
    const from = content({ lessons: [lesson('a', 'A'), lesson('b', 'B'), lesson('c', 'C')] });
    const to = content({ lessons: [lesson('b', 'B'), { ...lesson('a', 'A2') }, lesson('d', 'D')] });
    const diff = diffVersions(from, to);
    expect(diff.lessons).toEqual(
      expect.arrayContaining([
        { id: 'd', title: 'D', change: 'added' },
        { id: 'c', title: 'C', change: 'removed' },
        { id: 'a', title: 'A2', change: 'changed', fields: ['title', 'position'] },
        { id: 'b', title: 'B', change: 'changed', fields: ['position'] },
      ]),
    );
    expect(diff.summary).toEqual(['1 lesson added', '1 lesson removed', '2 lessons changed']);
  });

  it('reports quiz settings and the completion rule as changed settings', () => {
    const quiz = { questions: [], drawCount: 5, passMark: 70, timeLimitMinutes: null, maxAttempts: 3 };
    const from = content({ quiz });
    const to = content({
      quiz: { ...quiz, passMark: 80 },
      completionRule: { lessonsRead: true, quizPassed: true, practicalPassed: false, seminarAttended: false },
    });
    const diff = diffVersions(from, to);
    expect(diff.settings.map((s) => s.field)).toEqual(['quiz.passMark', 'completionRule']);
    expect(diff.settings[0]).toEqual({ field: 'quiz.passMark', from: 70, to: 80 });
  });

  it('notes a rubric added to a version that had none', () => {
    const to = content({
      rubric: {
        criteria: [{ id: 'k', description: { kk: 'x', ru: 'x' }, weight: 100, maxScore: 5 }],
        passThreshold: 60,
      },
    });
    const diff = diffVersions(content({}), to);
    expect(diff.criteria).toEqual([{ id: 'k', title: 'x', change: 'added' }]);
    expect(diff.summary).toEqual(expect.arrayContaining(['1 rubric criterion added', 'rubric added']));
  });
});
