import { drawQuestions, gradeAttempt, weightedPercent } from '@lms/assessments';
import type { Quiz, Rubric } from '@lms/catalogue';
import type { DemoRandom } from './demo-random';

/** The fewest right answers out of `count` whose rounded percent reaches `passMark`. */
function rightAnswersToPass(count: number, passMark: number): number {
  for (let right = 0; right <= count; right++) if (Math.round((100 * right) / count) >= passMark) return right;
  return count + 1;
}

/**
 * A drawn attempt and the answers of an officer who passes or fails it, as
 * asked: graded with the live grader to be sure the outcome is what the
 * history says.
 */
export function answeredAttempt(quiz: Quiz, pass: boolean, random: DemoRandom) {
  const questions = drawQuestions(quiz, random.below);
  const needed = rightAnswersToPass(questions.length, quiz.passMark);
  const right = pass
    ? random.between(Math.min(needed, questions.length), questions.length)
    : random.between(Math.max(0, needed - 4), Math.max(0, needed - 1));
  const rightOnes = new Set(
    questions
      .map((q) => ({ id: q.questionId, order: random.next() }))
      .sort((a, b) => a.order - b.order)
      .slice(0, right)
      .map((q) => q.id),
  );
  const bank = new Map(quiz.questions.map((q) => [q.id, q]));
  const answers = questions.map((drawn) => {
    const options = bank.get(drawn.questionId)!.options;
    const correct = options.filter((o) => o.correct).map((o) => o.id);
    const wrong = options.filter((o) => !o.correct).map((o) => o.id);
    if (rightOnes.has(drawn.questionId)) return { questionId: drawn.questionId, optionIds: correct };
    return { questionId: drawn.questionId, optionIds: wrong.length > 0 ? [random.pick(wrong)] : [] };
  });
  const passed = gradeAttempt(questions, quiz, answers).passed;
  if (passed !== pass) throw new Error(`demo quiz answers meant to ${pass ? 'pass' : 'fail'} did not`);
  return { questions, answers };
}

/** Rubric scores of a role-play that passes or fails, as asked. */
export function rubricScores(rubric: Rubric, pass: boolean, random: DemoRandom) {
  const share = (low: number, high: number) =>
    rubric.criteria.map((c) => ({
      criterionId: c.id,
      score: Math.round(c.maxScore * (low + random.next() * (high - low))),
    }));
  for (let tries = 0; tries < 20; tries++) {
    const scores = pass ? share(0.75, 1) : share(0.2, 0.65);
    if (weightedPercent(rubric, scores) >= rubric.passThreshold === pass) return scores;
  }
  // Whatever the rubric: full marks pass, nothing fails (unless the threshold is 0).
  return rubric.criteria.map((c) => ({ criterionId: c.id, score: pass ? c.maxScore : 0 }));
}

/** What trainers wrote after a role-play. */
export const PASS_COMMENTS = [
  'Сохранял спокойствие, представился и объяснил причину обращения; гражданин успокоился.',
  'Азаматты тыңдай білді, талапты сабырлы әрі түсінікті жеткізді.',
  'Хорошо использовал активное слушание и перефразирование, предложил гражданину выбор.',
  'Қақтығысты дер кезінде басты, дауыс ырғағын бақылады. Жақсы нәтиже.',
  'Уверенная работа: соблюдал дистанцию, не поддался на провокацию, довёл разговор до решения.',
  'Действовал по алгоритму, корректно разъяснил права. Рекомендую меньше использовать служебные термины.',
];
export const FAIL_COMMENTS = [
  'Перебивал гражданина и повысил голос при первом возражении; повторить приёмы деэскалации.',
  'Азаматқа өзін таныстырмады, себебін түсіндірмеді. Қайта тапсыру қажет.',
  'Не удержал дистанцию, разговор перешёл в спор. Нужна повторная отработка сценария.',
  'Ультиматумы вместо объяснений; гражданин не понял, чего от него ждут. Повторная оценка.',
];

/** Why HR exempted an officer from one course. */
export const COURSE_EXEMPTIONS = [
  'Прошёл равнозначный курс в Академии МВД (сертификат № 17-2025)',
  'Прошёл обучение по аналогичной программе в 2025 году, документы в личном деле',
  'Академияда баламалы курсты тәмамдаған',
];

/** Why HR exempted an officer from the whole programme: a long absence. */
export const LEAVE_EXEMPTIONS = [
  'Длительный больничный лист',
  'Бала күтіміне байланысты демалыс',
  'Длительная служебная командировка',
  'Отпуск по уходу за ребёнком',
];
