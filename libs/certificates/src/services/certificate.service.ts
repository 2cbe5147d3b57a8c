import { Injectable } from '@nestjs/common';
import {
  AuditService,
  newVerificationCode,
  normalizeVerificationCode,
  NotFound,
  Page,
  RequestContext,
  Role,
  subtreeCondition,
  TransactionHost,
} from '@lms/core';
import { ListCertificatesQuery } from '../dto/certificate.dto';
import { CertificateView, Verification } from '../dto/certificate.response';
import { CERTIFICATE_SELECT, CertificateRow, mapCertificate } from './certificate.mapper';

/** Roles that read certificates within their subtree (admin implied); officers read their own. */
const READERS: Role[] = ['hr', 'trainer'];

/** Certificates of completed enrolments and their public verification. Owns `certificate`. */
@Injectable()
export class CertificateService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditService,
  ) {}

  /**
   * Issues the certificates of completed enrolments, inside the transaction
   * that completed them (EnrollmentHooks): once per enrolment, numbered in
   * order of completion, dated when the enrolment completed. One statement
   * for the whole batch, one audit event per certificate.
   */
  async issue(ctx: RequestContext, enrollmentIds: string[]): Promise<void> {
    await this.tx.withTransaction(async () => {
      // Read across from enrolments, officers and courses in one set-based statement; the write is ours.
      const issued = await this.tx.query<{
        id: string;
        serial: string;
        enrollment_id: string;
        officer_id: string;
        course_id: string;
        unit_path: string;
      }>(
        `WITH given AS (SELECT * FROM unnest($1::uuid[], $2::text[]) AS g(enrollment_id, code)),
         due AS (
           SELECT e.id AS enrollment_id, g.code, e.officer_id, o.full_name, e.course_id, c.title, e.course_version_id,
                  coalesce(e.completed_at, now()) AS issued_at, e.expires_at, u.path AS unit_path
           FROM given g JOIN enrollment e ON e.id = g.enrollment_id JOIN officer o ON o.id = e.officer_id
           JOIN unit u ON u.id = o.unit_id JOIN course c ON c.id = e.course_id
           WHERE e.status = 'completed' AND e.course_version_id IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM certificate x WHERE x.enrollment_id = e.id)
           ORDER BY issued_at, e.id
         ),
         numbered AS (SELECT nextval(pg_get_serial_sequence('certificate', 'number')) AS n, due.* FROM due),
         inserted AS (
           INSERT INTO certificate (number, serial, verification_code, enrollment_id, officer_id, officer_name, course_id,
                                    course_title, course_version_id, issued_at, expires_at)
           SELECT n, 'KZ-' || to_char(issued_at AT TIME ZONE 'Asia/Almaty', 'YYYY') || '-' || lpad(n::text, greatest(6, length(n::text)), '0'),
                  code, enrollment_id, officer_id, full_name, course_id, title, course_version_id, issued_at, expires_at
           FROM numbered
           ON CONFLICT (enrollment_id) DO NOTHING
           RETURNING id, number, serial, enrollment_id, officer_id, course_id
         )
         SELECT i.*, n.unit_path FROM inserted i JOIN numbered n ON n.enrollment_id = i.enrollment_id ORDER BY i.number`,
        [enrollmentIds, enrollmentIds.map(() => newVerificationCode())],
      );
      await this.audit.recordMany(
        ctx,
        issued.map((row) => ({
          action: 'certificate.issue',
          entityType: 'certificate',
          entityId: row.id,
          unitPath: row.unit_path,
          after: {
            serial: row.serial,
            enrollmentId: row.enrollment_id,
            officerId: row.officer_id,
            courseId: row.course_id,
          },
        })),
      );
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
