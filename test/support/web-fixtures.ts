import { apiAs } from './api-client';
import { TestApp } from './test-app';

/**
 * Courses for the page tests, written like real ones (in Kazakh, Russian
 * and English) so that screenshots read as the product does. Each option's
 * text says, to the test only, whether it is right: `right` holds them.
 */
export interface WebCourse {
  courseId: string;
  code: string;
  title: { kk: string; ru: string; en: string };
  lessonIds: string[];
  /** Option texts (every language) of the right answers. */
  right: Set<string>;
}

const QUESTIONS = [
  {
    text: {
      kk: 'Азамат дауыс көтерді. Алдымен не істейсіз?',
      ru: 'Гражданин повысил голос. Что вы делаете сначала?',
      en: 'A citizen raises his voice. What do you do first?',
    },
    options: [
      {
        kk: 'Сабырлы үнмен сөйлеп, арақашықтық сақтаймын',
        ru: 'Говорю спокойно и держу дистанцию',
        en: 'I speak calmly and keep my distance',
        right: true,
      },
      { kk: 'Мен де дауысымды көтеремін', ru: 'Тоже повышаю голос', en: 'I raise my voice too', right: false },
      { kk: 'Оны елемеймін', ru: 'Игнорирую его', en: 'I ignore him', right: false },
    ],
    explanation: {
      kk: 'Сабырлы үн мен арақашықтық шиеленісті төмендетеді.',
      ru: 'Спокойный тон и дистанция снижают напряжение.',
      en: 'A calm tone and distance lower the tension.',
    },
  },
  {
    text: {
      kk: 'Белсенді тыңдаудың белгісі қайсы?',
      ru: 'Что является признаком активного слушания?',
      en: 'Which is a sign of active listening?',
    },
    options: [
      {
        kk: 'Азаматтың сөзін өз сөзіммен қайталау',
        ru: 'Пересказать слова гражданина своими словами',
        en: 'Restating the citizen’s words in my own',
        right: true,
      },
      { kk: 'Сөзін бөлу', ru: 'Перебивать', en: 'Interrupting', right: false },
      { kk: 'Телефонға қарау', ru: 'Смотреть в телефон', en: 'Looking at the phone', right: false },
    ],
    explanation: {
      kk: 'Қайталау азаматқа оны естігеніңізді көрсетеді.',
      ru: 'Пересказ показывает гражданину, что его услышали.',
      en: 'Restating shows the citizen he was heard.',
    },
  },
  {
    text: {
      kk: 'Қай әрекет сенімді арттырады?',
      ru: 'Какие действия повышают доверие?',
      en: 'Which actions build trust?',
    },
    multiple: true,
    options: [
      { kk: 'Өзін таныстыру', ru: 'Представиться', en: 'Introducing yourself', right: true },
      {
        kk: 'Тоқтату себебін түсіндіру',
        ru: 'Объяснить причину остановки',
        en: 'Explaining why you stopped them',
        right: true,
      },
      { kk: 'Қорқыту', ru: 'Запугивать', en: 'Intimidating', right: false },
    ],
    explanation: {
      kk: 'Ашықтық пен түсіндіру сенім туғызады.',
      ru: 'Открытость и объяснение рождают доверие.',
      en: 'Openness and explanation create trust.',
    },
  },
];

const LESSONS = [
  {
    title: { kk: 'Қақтығыстың белгілері', ru: 'Признаки конфликта', en: 'Signs of a conflict' },
    body: {
      kk: '## Не байқау керек\n\nДауыстың көтерілуі, **жылдам қимылдар**, жұдырықтың түйілуі.\n\n- Арақашықтық сақтаңыз\n- Сабырлы сөйлеңіз',
      ru: '## Что замечать\n\nПовышение голоса, **резкие движения**, сжатые кулаки.\n\n- Держите дистанцию\n- Говорите спокойно',
      en: '## What to notice\n\nA raised voice, **sudden movements**, clenched fists.\n\n- Keep your distance\n- Speak calmly',
    },
  },
  {
    title: { kk: 'Белсенді тыңдау', ru: 'Активное слушание', en: 'Active listening' },
    body: {
      kk: 'Азаматты **соңына дейін** тыңдаңыз, оның сөзін өз сөзіңізбен қайталаңыз.',
      ru: 'Выслушайте гражданина **до конца** и перескажите его слова своими словами.',
      en: 'Hear the citizen **to the end** and restate his words in your own.',
    },
  },
  {
    title: { kk: 'Сенім құру', ru: 'Как строить доверие', en: 'Building trust' },
    body: {
      kk: 'Өзіңізді таныстырып, әрекетіңіздің себебін түсіндіріңіз.',
      ru: 'Представьтесь и объясните причину своих действий.',
      en: 'Introduce yourself and explain why you act.',
    },
  },
];

/** The role-play rubric of a `practical` course. */
const RUBRIC = {
  criteria: [
    {
      description: { kk: 'Байланыс орнату', ru: 'Установление контакта', en: 'Making contact' },
      weight: 50,
      maxScore: 4,
    },
    { description: { kk: 'Сабырлы үн', ru: 'Спокойный тон', en: 'Calm tone' }, weight: 30, maxScore: 4 },
    {
      description: { kk: 'Себепті түсіндіру', ru: 'Объяснение причины', en: 'Explaining the reason' },
      weight: 20,
      maxScore: 4,
    },
  ],
  passThreshold: 70,
};

export interface WebCourseOptions {
  title: { kk: string; ru: string; en: string };
  /**
   * Lessons and the quiz make the course complete (default); `seminar` asks for attendance instead of the
   * quiz; `practical` for attendance and a role-play graded on a rubric (weights 50/30/20, scores 0-4, 70% passes).
   */
  kind?: 'quiz' | 'seminar' | 'practical';
  /** Lesson bodies to use instead of the standard ones (HTML injection tests). */
  lessons?: { title: { kk: string; ru: string; en: string }; body: { kk: string; ru: string; en: string } }[];
}

/** A published course through the API, as the demo trainer. */
export async function publishWebCourse(t: TestApp, code: string, options: WebCourseOptions): Promise<WebCourse> {
  const trainer = await t.login('trainer');
  const quiz = options.kind === undefined || options.kind === 'quiz';
  const practical = options.kind === 'practical';
  const document = {
    format: 'lms-course-version/1',
    course: { code, title: options.title },
    version: {
      objectives: [
        {
          kk: 'Шиеленісті сөзбен басу',
          ru: 'Снижать напряжение словами',
          en: 'Calm tension down with words',
        },
      ],
      lessons: (options.lessons ?? LESSONS).map((lesson) => ({ ...lesson, durationMinutes: 10 })),
      quiz: quiz
        ? {
            questions: QUESTIONS.map((q) => ({
              text: q.text,
              multiple: q.multiple ?? false,
              options: q.options.map(({ right, ...text }) => ({ text, correct: right })),
              explanation: q.explanation,
            })),
            drawCount: QUESTIONS.length,
            passMark: 100,
            timeLimitMinutes: 15,
            maxAttempts: 3,
          }
        : null,
      rubric: practical ? RUBRIC : null,
      seminar: quiz ? null : { required: true, hours: 4 },
      completionRule: { lessonsRead: true, quizPassed: quiz, practicalPassed: practical, seminarAttended: !quiz },
      validityMonths: 24,
    },
  };
  const res = await apiAs(t, trainer).post('/courses/import?publish=true').send(document);
  if (res.status !== 201) throw new Error(`course ${code}: ${res.status} ${JSON.stringify(res.body)}`);
  const right = new Set(QUESTIONS.flatMap((q) => q.options.filter((o) => o.right).flatMap((o) => [o.kk, o.ru, o.en])));
  return {
    courseId: res.body.courseId as string,
    code,
    title: options.title,
    lessonIds: (res.body.lessons as { id: string }[]).map((l) => l.id),
    right,
  };
}

/** HR assigns a course to an officer by hand (due in 30 days); the enrolment id. */
export async function assign(t: TestApp, courseId: string, officerId: string): Promise<string> {
  const hr = await t.login('hr.almaty');
  const res = await apiAs(t, hr)
    .post('/enrollments')
    .send({ courseId, officerIds: [officerId], dueInDays: 30 });
  if (res.status !== 201 || res.body.enrolled !== 1)
    throw new Error(`assign: ${res.status} ${JSON.stringify(res.body)}`);
  const [row] = await t.sql<{ id: string }>(
    `SELECT id FROM enrollment WHERE course_id = $1 AND officer_id = $2 AND status IN ('assigned', 'in_progress')`,
    [courseId, officerId],
  );
  return row.id;
}

/**
 * Time passes: the enrolment was assigned 40 days ago and fell due 3 days
 * ago. (No route assigns into the past; the clock is the one thing a test
 * moves in the database.)
 */
export async function makeOverdue(t: TestApp, enrolmentId: string): Promise<void> {
  await t.sql(
    `UPDATE enrollment SET assigned_at = now() - interval '40 days', due_at = now() - interval '3 days' WHERE id = $1`,
    [enrolmentId],
  );
}

let sessionDay = 0;

/** A seminar session of the course in the coming days in Almaty, scheduled by HR with the demo trainer; its id. */
export async function scheduleSession(t: TestApp, courseId: string, capacity = 12): Promise<string> {
  const hr = await t.login('hr.almaty');
  const [trainer] = await t.sql<{ id: string }>(`SELECT id FROM user_account WHERE username = 'trainer'`);
  // A day of its own for each session, one the trainer has free: they lead one session at a time, and
  // the demo organisation already has them teach on some of the coming days.
  let start: Date;
  let busy: unknown[];
  do {
    sessionDay += 1;
    start = new Date(Date.now() + (1 + sessionDay) * 24 * 3600 * 1000);
    start.setUTCHours(4, 0, 0, 0);
    busy = await t.sql(
      `SELECT 1 FROM seminar_session WHERE trainer_user_id = $1 AND status <> 'cancelled'
         AND tstzrange(starts_at, ends_at) && tstzrange($2::timestamptz, $2::timestamptz + interval '4 hours')`,
      [trainer.id, start],
    );
  } while (busy.length > 0);
  const res = await apiAs(t, hr)
    .post('/sessions')
    .send({
      courseId,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 4 * 3600 * 1000).toISOString(),
      location: { address: 'Алматы, пр. Абая, 109', room: '214' },
      trainerUserId: trainer.id,
      capacity,
      language: 'ru',
    });
  if (res.status !== 201) throw new Error(`session: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}
