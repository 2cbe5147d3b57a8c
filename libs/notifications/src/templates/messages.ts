import { Language } from '@lms/core';
import { NotificationKind } from '../notification-kinds';

/**
 * Each notification's subject and body as Handlebars templates, per
 * language. The body's paragraphs are separated by blank lines; the e-mail
 * layouts (email.text.hbs, email.html.hbs) and the inbox render the same text.
 * Helpers: `t` picks a localised title, `date` and `day` format an instant in
 * the recipient's language and Almaty time, `place` a session location.
 */
export type MessageTemplates = Record<NotificationKind, { subject: string; body: string }>;

const ru: MessageTemplates = {
  'seminar.session-cancelled': {
    subject: 'Семинар отменён: {{t courseTitle}}',
    body: 'Семинар «{{t courseTitle}}», назначенный на {{date startsAt}}, отменён.{{#if reason}}\n\nПричина: {{reason}}{{/if}}\n\nВаша запись снята. Запишитесь на другое занятие в разделе «Семинары».',
  },
  'seminar.session-changed': {
    subject: 'Изменения в семинаре: {{t courseTitle}}',
    body: 'Семинар «{{t courseTitle}}» теперь проходит {{date startsAt}}{{#if location}}, {{place location}}{{/if}}.\n\nВаша запись сохранена.',
  },
  'seminar.booking-promoted': {
    subject: 'Место на семинаре: {{t courseTitle}}',
    body: 'Освободилось место: вы записаны на семинар «{{t courseTitle}}» {{date startsAt}}.',
  },
  'seminar.session-reminder': {
    subject: 'Завтра семинар: {{t courseTitle}}',
    body: 'Напоминаем: завтра, {{date startsAt}}, семинар «{{t courseTitle}}»{{#if location}}, {{place location}}{{/if}}.',
  },
  'seminar.attendance-reminder': {
    subject: 'Отметьте посещаемость: {{t courseTitle}}',
    body: 'Семинар «{{t courseTitle}}» {{date startsAt}} завершён. Отметьте посещаемость записанных ({{booked}}), чтобы им были зачтены часы.',
  },
  'enrollment.due-soon': {
    subject: 'Срок обучения: {{t courseTitle}}',
    body: 'Курс «{{t courseTitle}}» нужно завершить до {{day dueDate}} (осталось дней: {{daysLeft}}).',
  },
  'enrollment.overdue': {
    subject: 'Срок обучения истёк: {{t courseTitle}}',
    body: 'Срок прохождения курса «{{t courseTitle}}» истёк {{day dueDate}}. Завершите его как можно скорее.',
  },
  'hr.digest': {
    subject: 'Обучение за неделю: {{unitName}}',
    body: 'Сводка по подразделению {{unitName}} на {{day asOf}}.\n\nПросрочено: {{overdue}} (за неделю: {{newlyOverdue}}).\nСрок в ближайшие 7 дней: {{dueSoon}}.\nЗавершено за неделю: {{completed}}.',
  },
};

const kk: MessageTemplates = {
  'seminar.session-cancelled': {
    subject: 'Семинар өтпейді: {{t courseTitle}}',
    body: '{{date startsAt}} өтуі тиіс «{{t courseTitle}}» семинары болдырылмады.{{#if reason}}\n\nСебебі: {{reason}}{{/if}}\n\nЖазылуыңыз алынып тасталды. «Семинарлар» бөлімінде басқа сабаққа жазылыңыз.',
  },
  'seminar.session-changed': {
    subject: 'Семинардағы өзгерістер: {{t courseTitle}}',
    body: '«{{t courseTitle}}» семинары енді {{date startsAt}} өтеді{{#if location}}, {{place location}}{{/if}}.\n\nЖазылуыңыз сақталды.',
  },
  'seminar.booking-promoted': {
    subject: 'Семинарда орын: {{t courseTitle}}',
    body: 'Орын босады: сіз {{date startsAt}} «{{t courseTitle}}» семинарына жазылдыңыз.',
  },
  'seminar.session-reminder': {
    subject: 'Ертең семинар: {{t courseTitle}}',
    body: 'Еске саламыз: ертең, {{date startsAt}}, «{{t courseTitle}}» семинары{{#if location}}, {{place location}}{{/if}}.',
  },
  'seminar.attendance-reminder': {
    subject: 'Қатысуды белгілеңіз: {{t courseTitle}}',
    body: '{{date startsAt}} «{{t courseTitle}}» семинары аяқталды. Жазылғандарға ({{booked}}) сағаттар есептелуі үшін қатысуды белгілеңіз.',
  },
  'enrollment.due-soon': {
    subject: 'Оқу мерзімі: {{t courseTitle}}',
    body: '«{{t courseTitle}}» курсын {{day dueDate}} дейін аяқтау керек (қалған күн: {{daysLeft}}).',
  },
  'enrollment.overdue': {
    subject: 'Оқу мерзімі өтті: {{t courseTitle}}',
    body: '«{{t courseTitle}}» курсының мерзімі {{day dueDate}} өтті. Оны мүмкіндігінше тезірек аяқтаңыз.',
  },
  'hr.digest': {
    subject: 'Апталық оқу есебі: {{unitName}}',
    body: '{{unitName}} бөлімшесі бойынша {{day asOf}} жағдай.\n\nМерзімі өткен: {{overdue}} (осы аптада: {{newlyOverdue}}).\nАлдағы 7 күнде мерзімі: {{dueSoon}}.\nАпта ішінде аяқталған: {{completed}}.',
  },
};

const en: MessageTemplates = {
  'seminar.session-cancelled': {
    subject: 'Seminar cancelled: {{t courseTitle}}',
    body: 'The seminar "{{t courseTitle}}" on {{date startsAt}} has been cancelled.{{#if reason}}\n\nReason: {{reason}}{{/if}}\n\nYour booking was withdrawn. Book another session under "Seminars".',
  },
  'seminar.session-changed': {
    subject: 'Seminar changed: {{t courseTitle}}',
    body: 'The seminar "{{t courseTitle}}" now takes place on {{date startsAt}}{{#if location}}, {{place location}}{{/if}}.\n\nYour booking stands.',
  },
  'seminar.booking-promoted': {
    subject: 'You have a seat: {{t courseTitle}}',
    body: 'A seat came free: you are booked on the seminar "{{t courseTitle}}" on {{date startsAt}}.',
  },
  'seminar.session-reminder': {
    subject: 'Seminar tomorrow: {{t courseTitle}}',
    body: 'A reminder: the seminar "{{t courseTitle}}" is tomorrow, {{date startsAt}}{{#if location}}, {{place location}}{{/if}}.',
  },
  'seminar.attendance-reminder': {
    subject: 'Please mark attendance: {{t courseTitle}}',
    body: 'The seminar "{{t courseTitle}}" on {{date startsAt}} has ended. Mark the attendance of the officers booked ({{booked}}) so that their hours are credited.',
  },
  'enrollment.due-soon': {
    subject: 'Training due: {{t courseTitle}}',
    body: 'The course "{{t courseTitle}}" is due by {{day dueDate}} ({{daysLeft}} day(s) left).',
  },
  'enrollment.overdue': {
    subject: 'Training overdue: {{t courseTitle}}',
    body: 'The course "{{t courseTitle}}" was due on {{day dueDate}}. Please complete it as soon as you can.',
  },
  'hr.digest': {
    subject: 'Weekly training digest: {{unitName}}',
    body: 'Training in {{unitName}} as of {{day asOf}}.\n\nOverdue: {{overdue}} ({{newlyOverdue}} this week).\nDue within 7 days: {{dueSoon}}.\nCompleted this week: {{completed}}.',
  },
};

export const MESSAGES: Record<Language, MessageTemplates> = { kk, ru, en };
