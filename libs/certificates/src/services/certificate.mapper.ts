import type { LocalizedText } from '@lms/core';
import { CertificateView } from '../dto/certificate.response';

/**
 * Where a person checks a certificate (the public page, the QR code's target);
 * printed on it. Machines ask `GET /api/v1/certificates/verify/:code`.
 */
export const VERIFY_PATH = '/verify/';

export interface CertificateRow {
  id: string;
  number: number;
  serial: string;
  verification_code: string;
  enrollment_id: string;
  officer_id: string;
  officer_name: string;
  course_id: string;
  course_code: string;
  course_title: LocalizedText;
  course_version_id: string;
  issued_at: Date;
  expires_at: Date | null;
  valid: boolean;
}

/** A certificate with its course code and whether it is still valid; `u` is the officer's unit, for scope. */
export const CERTIFICATE_SELECT = `
  SELECT c.*, co.code AS course_code, (c.expires_at IS NULL OR c.expires_at > now()) AS valid
  FROM certificate c JOIN officer o ON o.id = c.officer_id JOIN unit u ON u.id = o.unit_id JOIN course co ON co.id = c.course_id`;

export function mapCertificate(row: CertificateRow): CertificateView {
  return {
    id: row.id,
    serial: row.serial,
    verificationCode: row.verification_code,
    verifyPath: VERIFY_PATH + row.verification_code,
    enrollmentId: row.enrollment_id,
    officerId: row.officer_id,
    officerName: row.officer_name,
    courseId: row.course_id,
    courseCode: row.course_code,
    courseTitle: row.course_title,
    courseVersionId: row.course_version_id,
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
    valid: row.valid,
  };
}
