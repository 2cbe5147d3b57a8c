import { Inject, Injectable, Logger } from '@nestjs/common';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { AppConfig, APP_CONFIG } from '@lms/core';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The same on every attempt, so a copy that does arrive twice is recognisably one message. */
  messageId: string;
}

/**
 * Sends e-mail over SMTP (SMTP_URL) with nodemailer; without SMTP_URL it
 * writes each message to the log instead (development), and says so once.
 * Timeouts stay under the job's expiry, so a hanging server fails the
 * attempt (and the queue retries it) rather than holding the job forever.
 */
@Injectable()
export class Mailer {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const timeout = Math.min(60_000, Math.max(1_000, Math.floor((config.jobRetry.expireSeconds * 1000) / 3)));
    this.transport = config.smtpUrl
      ? nodemailer.createTransport({
          url: config.smtpUrl,
          connectionTimeout: timeout,
          greetingTimeout: timeout,
          socketTimeout: timeout,
        })
      : null;
  }

  /** `sent` once the SMTP server has accepted the message; `logged` without SMTP. Throws on refusal or timeout. */
  async send(email: OutgoingEmail): Promise<'sent' | 'logged'> {
    if (!this.transport) {
      this.logger.log(
        `e-mail (SMTP_URL not set, written here instead) to ${email.to}: ${email.subject}\n${email.text}`,
      );
      return 'logged';
    }
    await this.transport.sendMail({
      from: this.config.mailFrom,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: email.messageId,
    });
    return 'sent';
  }
}
