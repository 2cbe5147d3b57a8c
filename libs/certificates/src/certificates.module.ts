import { Module, OnModuleInit } from '@nestjs/common';
import { AssignmentsModule, EnrollmentHooks } from '@lms/assignments';
import { CertificateController } from './controllers/certificate.controller';
import { CertificateService } from './services/certificate.service';

/**
 * Certificates of completed enrolments, their PDF and public verification.
 * Owns `certificate`. Issues through EnrollmentHooks, inside the transaction
 * that completes the enrolment: a completion without its certificate cannot
 * be committed.
 */
@Module({
  imports: [AssignmentsModule],
  controllers: [CertificateController],
  providers: [CertificateService],
  exports: [CertificateService],
})
export class CertificatesModule implements OnModuleInit {
  constructor(
    private readonly hooks: EnrollmentHooks,
    private readonly certificates: CertificateService,
  ) {}

  onModuleInit(): void {
    this.hooks.onCompleted((ctx, enrollmentIds) => this.certificates.issue(ctx, enrollmentIds));
  }
}
