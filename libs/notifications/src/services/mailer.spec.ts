import { Logger } from '@nestjs/common';
import { AppConfig } from '@lms/core';
import { Mailer } from './mailer';

const config = (smtpUrl: string | null) =>
  ({ smtpUrl, mailFrom: 'LMS <no-reply@lms.local>', jobRetry: { expireSeconds: 900 } }) as AppConfig;
const email = { to: 'e.serikov@police.kz', subject: 'Тема', text: 'Текст', html: '<p>Текст</p>', messageId: '<1@lms>' };

describe('Mailer', () => {
  it('writes the e-mail to the log when no SMTP server is configured', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    try {
      await expect(new Mailer(config(null)).send(email)).resolves.toBe('logged');
      expect(log).toHaveBeenCalledWith(expect.stringContaining('e.serikov@police.kz: Тема'));
    } finally {
      log.mockRestore();
    }
  });

  it('fails the attempt when the SMTP server cannot be reached, so the queue retries it', async () => {
    await expect(new Mailer(config('smtp://127.0.0.1:1')).send(email)).rejects.toThrow();
  });
});
