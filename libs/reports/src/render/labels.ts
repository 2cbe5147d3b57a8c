import { Language } from '@lms/core';
import type { OutcomeState } from '../services/officer-outcomes.sql';

/** Every word the report files print, in the interface's three languages. */
export interface Labels {
  complianceTitle: string;
  executionTitle: string;
  recordTitle: string;
  code: string;
  unit: string;
  inAudience: string;
  completed: string;
  inProgress: string;
  notStarted: string;
  overdue: string;
  exempted: string;
  completionPercent: string;
  total: string;
  asOf: string;
  course: string;
  allCourses: string;
  order: string;
  deadline: string;
  ownStaff: string;
  producedBy: string;
  producedAt: string;
  snapshot: string;
  definitions: string;
  cycle: string;
  status: string;
  assignedAt: string;
  dueAt: string;
  completedAt: string;
  expiresAt: string;
  seminarHours: string;
  note: string;
  personnelNumber: string;
  fullName: string;
  rank: string;
  position: string;
  exemption: string;
  withdrawal: string;
  statuses: Record<'assigned' | 'in_progress' | 'completed' | 'overdue' | 'exempted' | 'withdrawn', string>;
  /** An officer's or a course's state in a report. */
  states: Record<OutcomeState, string>;
  officersTitle: string;
  unitCode: string;
  state: string;
  certificateSerial: string;
  reason: string;
  summary: string;
  completedOfficers: string;
  outstandingOfficers: string;
  /** Refreshers assigned after substantiated complaints, counted and listed apart. */
  refresherOfficers: string;
  refreshers: string;
  refreshersOutstanding: string;
  complaintCategory: string;
  categories: Record<string, string>;
  none: string;
  issuingAuthority: string;
  requirement: string;
  programme: string;
  subtree: string;
  verificationCode: string;
  verifyAt: string;
  contentHash: string;
  signOff: string[];
  title: string;
  deadlineDate: string;
  trust: {
    title: string;
    officers: string;
    completion: string;
    responses: string;
    rating: string;
    complaints: string;
    substantiated: string;
    per100: string;
    minimum: string;
  };
}

const RU: Labels = {
  complianceTitle: 'Отчёт о прохождении обучения',
  executionTitle: 'Отчёт об исполнении приказа',
  recordTitle: 'Карточка обучения сотрудника',
  code: 'Код',
  unit: 'Подразделение',
  inAudience: 'Охвачено',
  completed: 'Завершили',
  inProgress: 'Проходят',
  notStarted: 'Не приступили',
  overdue: 'Просрочили',
  exempted: 'Освобождены',
  completionPercent: 'Выполнение, %',
  total: 'Итого',
  asOf: 'По состоянию на',
  course: 'Курс',
  allCourses: 'все курсы',
  order: 'Приказ',
  deadline: 'срок',
  ownStaff: 'собственный штат',
  producedBy: 'Сформировал',
  producedAt: 'Сформирован',
  snapshot: 'Отчёт',
  definitions:
    'Охвачено: сотрудники с назначенным обучением (без отозванных). Просрочили: не завершили к сроку. Выполнение = завершили / (охвачено − освобождены).',
  cycle: 'Цикл',
  status: 'Статус',
  assignedAt: 'Назначен',
  dueAt: 'Срок',
  completedAt: 'Завершён',
  expiresAt: 'Действует до',
  seminarHours: 'Часы семинаров',
  note: 'Примечание',
  personnelNumber: 'Табельный номер',
  fullName: 'ФИО',
  rank: 'Звание',
  position: 'Должность',
  exemption: 'Освобождение',
  withdrawal: 'Отозван',
  states: {
    completed: 'завершил',
    inProgress: 'проходит',
    notStarted: 'не приступил',
    overdue: 'просрочено',
    exempted: 'освобождён',
  },
  officersTitle: 'Сотрудники по отчёту о прохождении обучения',
  unitCode: 'Код подразделения',
  state: 'Состояние',
  certificateSerial: 'Сертификат №',
  reason: 'Причина',
  summary: 'Сводка по подразделениям',
  completedOfficers: 'Сотрудники, прошедшие обучение',
  outstandingOfficers: 'Сотрудники, не прошедшие обучение, и причины',
  refresherOfficers: 'Повторное обучение после обоснованных жалоб',
  refreshers: 'Повторное обучение по жалобам',
  refreshersOutstanding: 'из них не завершено',
  complaintCategory: 'Категория жалобы',
  categories: {
    rudeness: 'грубость',
    corruption: 'коррупция',
    inaction: 'бездействие',
    unlawful_force: 'незаконное применение силы',
    other: 'другое',
  },
  none: 'нет',
  issuingAuthority: 'Издан',
  requirement: 'Требование',
  programme: 'Программа',
  subtree: 'Охват',
  verificationCode: 'Код проверки',
  verifyAt: 'Проверка',
  contentHash: 'SHA-256 содержания',
  signOff: ['Начальник кадрового подразделения', 'Подпись', 'Ф.И.О.', 'Дата'],
  title: 'Наименование',
  deadlineDate: 'Срок исполнения',
  statuses: {
    assigned: 'назначен',
    in_progress: 'проходит',
    completed: 'завершён',
    overdue: 'просрочен',
    exempted: 'освобождён',
    withdrawn: 'отозван',
  },
  trust: {
    title: 'Доверие граждан',
    officers: 'Сотрудников',
    completion: 'Обучение выполнено, %',
    responses: 'Отзывов',
    rating: 'Оценка (вежливость / ясность / справедливость)',
    complaints: 'Жалоб',
    substantiated: 'Обоснованных',
    per100: 'Жалоб на 100 сотрудников',
    minimum: 'Средние — не менее чем по {n} отзывам',
  },
};

const KK: Labels = {
  complianceTitle: 'Оқудан өту туралы есеп',
  executionTitle: 'Бұйрықтың орындалуы туралы есеп',
  recordTitle: 'Қызметкердің оқу карточкасы',
  code: 'Коды',
  unit: 'Бөлімше',
  inAudience: 'Қамтылды',
  completed: 'Аяқтады',
  inProgress: 'Оқуда',
  notStarted: 'Бастамады',
  overdue: 'Мерзімі өтті',
  exempted: 'Босатылды',
  completionPercent: 'Орындалуы, %',
  total: 'Барлығы',
  asOf: 'Жағдай бойынша',
  course: 'Курс',
  allCourses: 'барлық курстар',
  order: 'Бұйрық',
  deadline: 'мерзімі',
  ownStaff: 'өз құрамы',
  producedBy: 'Жасаған',
  producedAt: 'Жасалған уақыты',
  snapshot: 'Есеп',
  definitions:
    'Қамтылды: оқу тағайындалған қызметкерлер (кері қайтарылғандарсыз). Мерзімі өтті: мерзімінде аяқтамағандар. Орындалуы = аяқтады / (қамтылды − босатылды).',
  cycle: 'Цикл',
  status: 'Мәртебесі',
  assignedAt: 'Тағайындалды',
  dueAt: 'Мерзімі',
  completedAt: 'Аяқталды',
  expiresAt: 'Жарамды мерзімі',
  seminarHours: 'Семинар сағаттары',
  note: 'Ескертпе',
  personnelNumber: 'Жеке нөмірі',
  fullName: 'Аты-жөні',
  rank: 'Атағы',
  position: 'Лауазымы',
  exemption: 'Босатылды',
  withdrawal: 'Кері қайтарылды',
  states: {
    completed: 'аяқтады',
    inProgress: 'оқуда',
    notStarted: 'бастамады',
    overdue: 'мерзімі өтті',
    exempted: 'босатылды',
  },
  officersTitle: 'Оқудан өту туралы есеп бойынша қызметкерлер',
  unitCode: 'Бөлімше коды',
  state: 'Жағдайы',
  certificateSerial: 'Сертификат №',
  reason: 'Себебі',
  summary: 'Бөлімшелер бойынша жиынтық',
  completedOfficers: 'Оқудан өткен қызметкерлер',
  outstandingOfficers: 'Оқудан өтпеген қызметкерлер және себептері',
  refresherOfficers: 'Негізді шағымдардан кейінгі қайта оқыту',
  refreshers: 'Шағымдар бойынша қайта оқыту',
  refreshersOutstanding: 'оның ішінде аяқталмаған',
  complaintCategory: 'Шағым санаты',
  categories: {
    rudeness: 'дөрекілік',
    corruption: 'сыбайлас жемқорлық',
    inaction: 'әрекетсіздік',
    unlawful_force: 'күшті заңсыз қолдану',
    other: 'басқа',
  },
  none: 'жоқ',
  issuingAuthority: 'Шығарған',
  requirement: 'Талап',
  programme: 'Бағдарлама',
  subtree: 'Қамту',
  verificationCode: 'Тексеру коды',
  verifyAt: 'Тексеру',
  contentHash: 'Мазмұнның SHA-256',
  signOff: ['Кадр бөлімшесінің бастығы', 'Қолы', 'Т.А.Ә.', 'Күні'],
  title: 'Атауы',
  deadlineDate: 'Орындау мерзімі',
  statuses: {
    assigned: 'тағайындалды',
    in_progress: 'оқуда',
    completed: 'аяқталды',
    overdue: 'мерзімі өтті',
    exempted: 'босатылды',
    withdrawn: 'кері қайтарылды',
  },
  trust: {
    title: 'Азаматтар сенімі',
    officers: 'Қызметкерлер',
    completion: 'Оқыту орындалды, %',
    responses: 'Пікірлер',
    rating: 'Баға (сыпайылық / түсініктілік / әділдік)',
    complaints: 'Шағымдар',
    substantiated: 'Негізді',
    per100: '100 қызметкерге шағым',
    minimum: 'Орташа мәндер кемінде {n} пікір бойынша',
  },
};

const EN: Labels = {
  complianceTitle: 'Training compliance report',
  executionTitle: 'Order execution report',
  recordTitle: 'Officer training record',
  code: 'Code',
  unit: 'Unit',
  inAudience: 'In audience',
  completed: 'Completed',
  inProgress: 'In progress',
  notStarted: 'Not started',
  overdue: 'Overdue',
  exempted: 'Exempted',
  completionPercent: 'Completion, %',
  total: 'Total',
  asOf: 'As of',
  course: 'Course',
  allCourses: 'all courses',
  order: 'Order',
  deadline: 'deadline',
  ownStaff: 'own staff',
  producedBy: 'Produced by',
  producedAt: 'Produced at',
  snapshot: 'Report',
  definitions:
    'In audience: officers with training assigned (withdrawn ones left out). Overdue: not completed by the due date. Completion = completed / (in audience − exempted).',
  cycle: 'Cycle',
  status: 'Status',
  assignedAt: 'Assigned',
  dueAt: 'Due',
  completedAt: 'Completed',
  expiresAt: 'Valid until',
  seminarHours: 'Seminar hours',
  note: 'Note',
  personnelNumber: 'Personnel number',
  fullName: 'Full name',
  rank: 'Rank',
  position: 'Position',
  exemption: 'Exempted',
  withdrawal: 'Withdrawn',
  states: {
    completed: 'completed',
    inProgress: 'in progress',
    notStarted: 'not started',
    overdue: 'overdue',
    exempted: 'exempted',
  },
  officersTitle: 'Officers behind the compliance report',
  unitCode: 'Unit code',
  state: 'State',
  certificateSerial: 'Certificate no.',
  reason: 'Reason',
  summary: 'Summary by unit',
  completedOfficers: 'Officers who completed the training',
  outstandingOfficers: 'Officers who did not complete it, and why',
  refresherOfficers: 'Refreshers after substantiated complaints',
  refreshers: 'Refreshers after complaints',
  refreshersOutstanding: 'of them outstanding',
  complaintCategory: 'Complaint category',
  categories: {
    rudeness: 'rudeness',
    corruption: 'corruption',
    inaction: 'inaction',
    unlawful_force: 'unlawful force',
    other: 'other',
  },
  none: 'none',
  issuingAuthority: 'Issued by',
  requirement: 'Requirement',
  programme: 'Programme',
  subtree: 'Units covered',
  verificationCode: 'Verification code',
  verifyAt: 'Verify at',
  contentHash: 'Content SHA-256',
  signOff: ['Head of the personnel department', 'Signature', 'Name', 'Date'],
  title: 'Title',
  deadlineDate: 'Deadline',
  statuses: {
    assigned: 'assigned',
    in_progress: 'in progress',
    completed: 'completed',
    overdue: 'overdue',
    exempted: 'exempted',
    withdrawn: 'withdrawn',
  },
  trust: {
    title: 'Citizens’ trust',
    officers: 'Officers',
    completion: 'Training completed, %',
    responses: 'Responses',
    rating: 'Rating (courtesy / clarity / fairness)',
    complaints: 'Complaints',
    substantiated: 'Substantiated',
    per100: 'Complaints per 100 officers',
    minimum: 'Averages from {n} responses only',
  },
};

const LABELS: Record<Language, Labels> = { kk: KK, ru: RU, en: EN };

export function labelsFor(language: Language): Labels {
  return LABELS[language];
}
