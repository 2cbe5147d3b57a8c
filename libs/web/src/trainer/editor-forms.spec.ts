import { describeProblems, numberField, objectivesOf, questionOf, rubricOf } from './editor-forms';

describe('the version editor forms', () => {
  it('reads a question with its blank option rows left out and the right one marked', () => {
    const { question, errors } = questionOf(
      {
        text_kk: 'Сұрақ',
        text_ru: 'Вопрос',
        o0_kk: 'Иә',
        o0_ru: 'Да',
        o0_correct: 'on',
        o1_ru: 'Нет',
        o2_kk: ' ',
      },
      undefined,
      undefined,
    );
    expect(errors).toEqual({});
    expect(question.options).toEqual([
      { text: { kk: 'Иә', ru: 'Да' }, correct: true },
      { text: { ru: 'Нет' }, correct: false },
    ]);
    expect(question.explanation).toBeNull();
  });

  it('refuses a single-choice question with two right options, and one with none', () => {
    const two = questionOf(
      { text_ru: 'В', o0_ru: 'а', o0_correct: 'on', o1_ru: 'б', o1_correct: 'on' },
      undefined,
      undefined,
    );
    expect(two.errors).toEqual({ o0_ru: 'errors.oneRightOption' });
    expect(questionOf({ text_ru: 'В', o0_ru: 'а', o1_ru: 'б' }, undefined, undefined).errors).toEqual({
      o0_ru: 'errors.noRightOption',
    });
  });

  it('refuses rubric weights that do not add up to 100', () => {
    const { errors } = rubricOf(
      {
        c0_ru: 'Контакт',
        c0_weight: '60',
        c0_max: '4',
        c1_ru: 'Тон',
        c1_weight: '30',
        c1_max: '4',
        passThreshold: '70',
      },
      [],
    );
    expect(errors).toEqual({ c0_weight: 'errors.weightsSum|90' });
    const good = rubricOf({ c0_ru: 'Контакт', c0_weight: '100', c0_max: '4', passThreshold: '70' }, []);
    expect(good).toEqual({
      rubric: { criteria: [{ description: { ru: 'Контакт' }, weight: 100, maxScore: 4 }], passThreshold: 70 },
      errors: {},
    });
  });

  it('takes numbers in a range only, a comma as the decimal mark', () => {
    const errors: Record<string, string> = {};
    expect(numberField({ a: '12,5' }, 'a', [0, 100], errors, true)).toBe(12.5);
    expect(numberField({ a: '12.5' }, 'a', [0, 100], errors)).toBeNull();
    expect(numberField({ b: '' }, 'b', [0, 100], errors)).toBeNull();
    expect(errors).toEqual({ a: 'errors.range|0|100' });
  });

  it('lines up objectives by line across the languages', () => {
    expect(objectivesOf({ objectives_kk: 'Бір\nЕкі', objectives_ru: 'Один\nДва\n' })).toEqual([
      { kk: 'Бір', ru: 'Один' },
      { kk: 'Екі', ru: 'Два' },
    ]);
  });

  it('turns the completeness check into lines linked to the form that fixes each', () => {
    const content = { lessons: [{ id: 'l1' }, { id: 'l2' }], quiz: { questions: [{ id: 'q1' }], drawCount: 5 } };
    const lines = describeProblems(
      [
        { field: 'lessons[1].body.kk', message: 'missing the Kazakh text' },
        { field: 'quiz.questions[0].options[2].text.ru', message: 'missing the Russian text' },
        { field: 'quiz.drawCount', message: '5 questions are drawn but the bank has 1' },
        { field: 'something.new', message: 'as the service says' },
      ],
      '/v',
      content,
    );
    expect(lines).toEqual([
      { key: 'editor.missing.lesson', params: { n: 2, m: undefined, part: 'body', lang: 'kk' }, href: '/v/lessons/l2' },
      { key: 'editor.missing.option', params: { n: 1, m: 3, part: '', lang: 'ru' }, href: '/v/questions/q1' },
      { key: 'editor.missing.drawCount', params: { n: 5, bank: 1 }, href: '/v#settings' },
      { key: '', params: { message: 'as the service says' }, href: null },
    ]);
  });
});
