import { Injectable } from '@nestjs/common';
import { EnrollmentService } from '@lms/assignments';
import { AuditService, NotFound, Page, RequestContext, Role, subtreeCondition, TransactionHost } from '@lms/core';
import { ListCertificatesQuery } from '../dto/certificate.dto';
import { CertificateView, Verification } from '../dto/certificate.response';
import { CERTIFICATE_SELECT, CertificateRow, mapCertificate } from './certificate.mapper';
import { newVerificationCode, normalizeVerificationCode } from './verification-code';

/** Roles that read certificates within their subtree (admin implied); officers read their own. */
const READERS: Role[] = ['hr', 'trainer'];

/** Certificates of completed enrolments and their public verification. Owns `certificate`. */
@Injectable()
export class CertificateService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly enrollments: EnrollmentService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Issues the certificate of a completed enrolment, inside the transaction
   * that completed it (EnrollmentHooks). Once per enrolment.
   */
  async issue(ctx: RequestContext, enrollmentId: string): Promise<void> {
    await this.tx.withTransaction(async () => {
      const enrollment = await this.enrollments.find(RequestContext.system(), enrollmentId, []);
      if (enrollment.status !== 'completed' || !enrollment.course_version_id) return;
      const [existing] = await this.tx.query('SELECT 1 FROM certificate WHERE enrollment_id = $1', [enrollmentId]);
      if (existing) return;
      const [row] = await this.tx.query<{ id: string; serial: string }>(
        `WITH n AS (SELECT nextval(pg_get_serial_sequence('certificate', 'number')) AS n)
         INSERT INTO certificate (number, serial, verification_code, enrollment_id, officer_id, officer_name, course_id,
                                  course_title, course_version_id, issued_at, expires_at)
         SELECT n.n, 'KZ-' || to_char($9::timestamptz AT TIME ZONE 'Asia/Almaty', 'YYYY') || '-' || lpad(n.n::text, greatest(6, length(n.n::text)), '0'),
                $1, $2, $3, $4, $5, $6, $7, $9, $8
         FROM n
         ON CONFLICT (enrollment_id) DO NOTHING
         RETURNING id, serial`,
        [
          newVerificationCode(),
          enrollmentId,
          enrollment.officer_id,
          enrollment.officer_name,
          enrollment.course_id,
          JSON.stringify(enrollment.course_title),
          enrollment.course_version_id,
          enrollment.expires_at,
          enrollment.completed_at ?? new Date(),
        ],
      );
      if (!row) return;
      await this.audit.record(ctx, {
        action: 'certificate.issue',
        entityType: 'certificate',
        entityId: row.id,
        unitPath: enrollment.unit_path,
        after: { serial: row.serial, enrollmentId, officerId: enrollment.officer_id, courseId: enrollment.course_id },
      });
    });
  }

  private scope(ctx: RequestContext, params: unknown[]): string {
    let scope = subtreeCondition('u.path', ctx.subtrees(...READERS), params);
    if (ctx.actor?.officerId) {
      params.push(ctx.actor.officerId);
      scope = `(${scope} OR c.officer_id = $${params.length})`;
    }
    return scope;
  }

  /** Officer: their own. HR and trainers: their subtree (the officer's current unit). */
  async list(ctx: RequestContext, query: ListCertificatesQuery): Promise<Page<CertificateView>> {
    const params: unknown[] = [];
    const where = [this.scope(ctx, params)];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.officerId) add('c.officer_id = ?', query.officerId);
    if (query.courseId) add('c.course_id = ?', query.courseId);
    const { rows, total } = await this.tx.page<CertificateRow>({
      from: 'certificate c JOIN officer o ON o.id = c.officer_id JOIN unit u ON u.id = o.unit_id',
      select: CERTIFICATE_SELECT,
      where: where.join(' AND '),
      orderBy: 'c.issued_at DESC, c.number DESC',
      params,
      page: query,
    });
    return { items: rows.map(mapCertificate), total, limit: query.limit, offset: query.offset };
  }

  async get(ctx: RequestContext, id: string): Promise<CertificateView> {
    const params: unknown[] = [id];
    const scope = this.scope(ctx, params);
    const [row] = await this.tx.query<CertificateRow>(`${CERTIFICATE_SELECT} WHERE c.id = $1 AND ${scope}`, params);
    if (!row) throw new NotFound('Certificate', id);
    return mapCertificate(row);
  }

  /** Anyone, without signing in: is this code a certificate, and is it still valid? */
  async verify(code: string): Promise<Verification> {
    const normalized = normalizeVerificationCode(code);
    const [row] = normalized
      ? await this.tx.query<CertificateRow>(`${CERTIFICATE_SELECT} WHERE c.verification_code = $1`, [normalized])
      : [];
    if (!row) {
      return {
        valid: false,
        status: 'unknown',
        serial: null,
        officerName: null,
        courseTitle: null,
        issuedAt: null,
        expiresAt: null,
      };
    }
    return {
      valid: row.valid,
      status: row.valid ? 'valid' : 'expired',
      serial: row.serial,
      officerName: row.officer_name,
      courseTitle: row.course_title,
      issuedAt: row.issued_at,
      expiresAt: row.expires_at,
    };
  }
}
