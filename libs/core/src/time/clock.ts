import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../config/app-config';

/**
 * The application's "now" for scheduled work: what is due, what is overdue,
 * which day it is. Real time, except in tests, where CLOCK_OFFSET_SECONDS
 * (accepted only with NODE_ENV=test) moves it ahead so scheduling can be
 * tested without waiting. SQL that decides what is due takes this instant as
 * a parameter instead of calling now().
 */
@Injectable()
export class Clock {
  private readonly offsetMs: number;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'clockOffsetSeconds'>) {
    this.offsetMs = config.clockOffsetSeconds * 1000;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}
