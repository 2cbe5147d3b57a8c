import { LANGUAGES } from '@lms/core';
import { NOTIFICATION_KINDS } from '../notification-kinds';
import { renderEmail, renderMessage } from './render';

const payload = {
  courseTitle: { kk: 'Шиеленісті сейілту', ru: 'Деэскалация <конфликта>', en: 'De-escalation' },
  startsAt: '2026-12-01T04:00:00.000Z',
  dueDate: '2026-12-11',
  asOf: '2026-12-07T03:00:00.000Z',
  daysLeft: 3,
  location: { address: 'Алматы, пр. Абая 109', room: '214', onlineUrl: null },
  reason: 'Тренер заболел',
  booked: 12,
  unitName: 'ДП г. Алматы',
  overdue: 4,
  newlyOverdue: 1,
  dueSoon: 7,
  completed: 9,
};

describe('notification templates', () => {
  it('has every kind in every language, with no placeholder left unfilled', () => {
    for (const language of LANGUAGES) {
      for (const kind of NOTIFICATION_KINDS) {
        const message = renderMessage(kind, language, payload);
        expect(message.subject.length).toBeGreaterThan(5);
        expect(message.body.length).toBeGreaterThan(10);
        expect(`${message.subject} ${message.body}`).not.toMatch(/\{\{|\[object/);
      }
    }
  });

  it('writes the course title and the time in the recipient language and Almaty time', () => {
    const kk = renderMessage('seminar.session-reminder', 'kk', payload);
    expect(kk.subject).toBe('Ертең семинар: Шиеленісті сейілту');
    expect(kk.body).toContain('09:00'); // 04:00 UTC is 09:00 in Almaty (UTC+5)
    expect(kk.body).toContain('Алматы, пр. Абая 109, 214');
    const ru = renderMessage('enrollment.due-soon', 'ru', payload);
    expect(ru.body).toContain('11 декабря 2026');
    expect(ru.body).toContain('осталось дней: 3');
  });

  it('escapes text in the HTML e-mail but not in the plain-text one', () => {
    const email = renderEmail('seminar.session-cancelled', 'ru', payload);
    expect(email.html).toContain('Деэскалация &lt;конфликта&gt;');
    expect(email.html).not.toContain('<конфликта>');
    expect(email.text).toContain('Деэскалация <конфликта>');
    expect(email.text).toContain('Причина: Тренер заболел');
    expect(email.html).toContain('<html lang="ru">');
  });
});
