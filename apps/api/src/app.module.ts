import { randomUUID } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AssessmentsModule } from '@lms/assessments';
import { AssignmentsModule } from '@lms/assignments';
import { CatalogueModule } from '@lms/catalogue';
import { CertificatesModule } from '@lms/certificates';
import { AppConfig, CoreModule, ProblemFilter } from '@lms/core';
import { DemoModule } from '@lms/demo';
import { IdentityModule } from '@lms/identity';
import { PersonnelModule } from '@lms/personnel';
import { ReportsModule } from '@lms/reports';
import { SCHEMA } from '@lms/schema';
import { SeminarsModule } from '@lms/seminars';
import { HealthController } from './health.controller';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // A caller's X-Request-Id is kept (when sane) so logs join up across services.
            genReqId: (request, response) => {
              const given = request.headers['x-request-id'];
              const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
              response.setHeader('X-Request-Id', id);
              return id;
            },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (request) => request.url === '/api/v1/health' },
          },
        }),
        CoreModule.forRoot(config, databaseUrl, SCHEMA),
        PersonnelModule,
        IdentityModule,
        CatalogueModule,
        AssignmentsModule,
        SeminarsModule,
        AssessmentsModule,
        CertificatesModule,
        ReportsModule,
        DemoModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
    };
  }
}
