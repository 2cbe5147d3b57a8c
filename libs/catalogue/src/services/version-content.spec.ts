import { applyPatch, completenessProblems, emptyContent, structuralProblems, withoutAnswers } from './version-content';

const t = (s: string) => ({ kk: s, ru: s });

describe('version content rules', () => {
  it('takes a question with several correct options as multiple-choice when not told', () => {
    const content = applyPatch(emptyContent(), {
      quiz: {
        questions: [
          {
            text: t('q'),
            options: [
              { text: t('a'), correct: true },
              { text: t('b'), correct: true },
            ],
          },
        ],
        drawCount: 1,
        passMark: 50,
      },
    });
    expect(content.quiz!.questions[0].multiple).toBe(true);
    expect(structuralProblems(content)).toEqual([]);
  });

  it('gives new items ids and keeps the ids it is given', () => {
    const id = '3f1c6a0e-8c47-4c59-9a39-0e4f1b0f6a11';
    const content = applyPatch(emptyContent(), {
      lessons: [
        { id, title: t('a'), body: t('b') },
        { title: t('c'), body: t('d') },
      ],
    });
    expect(content.lessons[0].id).toBe(id);
    expect(content.lessons[1].id).toMatch(/^[0-9a-f-]{36}$/);
    expect(content.lessons[1].durationMinutes).toBeNull();
  });

  it('refuses a single-choice question with two correct options', () => {
    const content = applyPatch(emptyContent(), {
      quiz: {
        questions: [
          {
            text: t('q'),
            multiple: false,
            options: [
              { text: t('a'), correct: true },
              { text: t('b'), correct: true },
            ],
          },
        ],
        drawCount: 1,
        passMark: 50,
      },
    });
    expect(structuralProblems(content)).toEqual([
      { field: 'quiz.questions[0].options', message: 'a single-choice question has exactly one correct option' },
    ]);
  });

  it('requires what the completion rule names before publishing', () => {
    const content = applyPatch(emptyContent(), {
      lessons: [{ title: t('a'), body: { ru: 'только по-русски' } }],
      completionRule: { lessonsRead: true, quizPassed: true, practicalPassed: true, seminarAttended: true },
    });
    const fields = completenessProblems(t('Course'), content).map((p) => p.field);
    expect(fields).toEqual(['lessons[0].body.kk', 'quiz', 'rubric', 'seminar']);
  });

  it('requires a rule with at least one requirement', () => {
    const content = applyPatch(emptyContent(), {
      lessons: [{ title: t('a'), body: t('b') }],
      completionRule: { lessonsRead: false, quizPassed: false, practicalPassed: false, seminarAttended: false },
    });
    expect(completenessProblems(t('Course'), content)).toEqual([
      { field: 'completionRule', message: 'at least one requirement must be set' },
    ]);
  });

  it('accepts a complete lessons-only course', () => {
    const content = applyPatch(emptyContent(), { lessons: [{ title: t('a'), body: t('b') }] });
    expect(completenessProblems(t('Course'), content)).toEqual([]);
  });

  it('keeps the whole bank from readers, its metadata only', () => {
    const content = applyPatch(emptyContent(), {
      quiz: {
        questions: [
          {
            text: t('q'),
            options: [
              { text: t('a'), correct: true },
              { text: t('b'), correct: false },
            ],
            explanation: t('e'),
          },
        ],
        drawCount: 1,
        passMark: 50,
      },
    });
    const stripped = withoutAnswers(content);
    expect(JSON.stringify(stripped)).not.toContain('correct');
    expect(stripped.quiz!.questions).toEqual([]);
    expect(stripped.quiz!.passMark).toBe(50);
    expect(content.quiz!.questions[0].options[0].correct).toBe(true);
  });
});
