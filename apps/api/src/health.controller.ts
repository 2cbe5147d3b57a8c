import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public, TransactionHost } from '@lms/core';
import { SCHEMA } from '@lms/platform';

class MigrationState {
  @ApiProperty({ description: 'Every migration is applied' }) current: boolean;
  @ApiProperty({ type: [String], description: 'Migrations not applied yet' }) pending: string[];
}

class HealthView {
  @ApiProperty({ enum: ['ok', 'unavailable'] }) status: 'ok' | 'unavailable';
  @ApiProperty({ enum: ['up', 'down'] }) database: 'up' | 'down';
  @ApiProperty({ type: MigrationState }) migrations: MigrationState;
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly tx: TransactionHost) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Health',
    description: 'For load balancers and monitoring: 200 when the database answers and every migration is applied.',
  })
  @ApiOkResponse({ type: HealthView, description: 'Ready' })
  @ApiServiceUnavailableResponse({ type: HealthView, description: 'The database is down or migrations are pending' })
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthView> {
    let database: HealthView['database'] = 'up';
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
