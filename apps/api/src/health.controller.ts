import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public, TransactionHost } from '@lms/core';
import { SCHEMA } from '@lms/platform';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly tx: TransactionHost) {}

  /** 200 when the database answers and every migration is applied; 503 otherwise. */
  @Get()
  @Public()
  async health(@Res({ passthrough: true }) response: Response) {
    let database = 'up';
    let pending: string[] = [];
    try {
      const applied = await this.tx.query<{ name: string }>('SELECT name FROM schema_migration');
      const names = new Set(applied.map((row) => row.name));
      pending = SCHEMA.migrations.map((migration) => migration.name).filter((name) => !names.has(name));
    } catch {
      database = 'down';
    }
    const ok = database === 'up' && pending.length === 0;
    response.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', database, migrations: { current: pending.length === 0, pending } };
  }
}
