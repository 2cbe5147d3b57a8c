import { Injectable } from '@nestjs/common';
import { RequestContext, Role, TransactionHost } from '@lms/core';
import { OfficerService } from '@lms/personnel';

/** Column names never given out, even to the person they are about: credentials and their hashes. */
const SECRET_COLUMN = /hash|secret|token|password/i;

const ENROLMENTS = 'SELECT id FROM enrollment WHERE officer_id::text = $1';

/**
 * Where each part of what the platform stores about one officer lives, read
 * as whole rows (`$1` the officer, `$2` their account, if any). Set-based
 * reads of other domains' tables, read-only, as the reports do; a table that
 * does not exist (yet) is left out.
 */
const PARTS: { name: string; table: string; where: string }[] = [
  { name: 'account', table: 'user_account', where: 'x.officer_id::text = $1' },
  { name: 'roles', table: 'user_role', where: 'x.user_id::text = $2' },
  { name: 'enrollments', table: 'enrollment', where: 'x.officer_id::text = $1' },
  { name: 'seminarBookings', table: 'seminar_booking', where: 'x.officer_id::text = $1' },
  { name: 'seminarAttendance', table: 'seminar_attendance', where: 'x.officer_id::text = $1' },
  { name: 'quizAttempts', table: 'quiz_attempt', where: `x.enrollment_id IN (${ENROLMENTS})` },
  { name: 'practicalAssessments', table: 'practical_assessment', where: `x.enrollment_id IN (${ENROLMENTS})` },
  { name: 'certificates', table: 'certificate', where: 'x.officer_id::text = $1' },
  {
    name: 'notifications',
    table: 'notification',
    where: `to_jsonb(x) ->> 'officer_id' = $1 OR to_jsonb(x) ->> 'user_id' = $2`,
  },
  { name: 'calendarFeeds', table: 'calendar_feed', where: 'x.user_id::text = $2' },
  {
    name: 'auditEvents',
    table: 'audit_event',
    where: `x.entity_id::text IN ($1, $2) OR x.actor_id::text = $2 OR x.entity_id::text IN (SELECT id::text FROM (${ENROLMENTS}) e)`,
  },
];

export interface SubjectAccessExport {
  generatedAt: Date;
  officer: Record<string, unknown>;
  [part: string]: unknown;
}

/**
 * A subject-access export: everything the platform stores about one officer
 * (their personnel record, account and roles, enrolments, bookings and
 * attendance, quiz attempts with their answers, practical assessments,
 * certificates, notifications, calendar feeds, and the audit events about them
 * or by them), as JSON, without credentials.
 */
@Injectable()
export class SubjectAccessService {
  static readonly ROLES: Role[] = ['hr'];

  constructor(
    private readonly tx: TransactionHost,
    private readonly officers: OfficerService,
  ) {}

  async export(ctx: RequestContext, officerId: string): Promise<SubjectAccessExport> {
    await this.officers.findInScope(ctx, officerId, SubjectAccessService.ROLES);
    const [officer] = await this.tx.query<{ row: Record<string, unknown> }>(
      'SELECT to_jsonb(o) AS row FROM officer o WHERE id = $1',
      [officerId],
    );
    const [account] = await this.tx.query<{ id: string }>('SELECT id FROM user_account WHERE officer_id = $1', [
      officerId,
    ]);
    const result: SubjectAccessExport = { generatedAt: new Date(), officer: officer.row };
    for (const part of PARTS) {
      const [{ exists }] = await this.tx.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [
        part.table,
      ]);
      if (!exists) continue;
      const rows = await this.tx.query<{ row: Record<string, unknown> }>(
        // Both parameters typed in every query, whether its condition uses one or both.
        `SELECT to_jsonb(x) AS row FROM ${part.table} x WHERE $1::text <> '' AND $2::text IS NOT NULL AND (${part.where})`,
        [officerId, account?.id ?? ''],
      );
      result[part.name] = rows.map((r) => withoutSecrets(r.row));
    }
    return result;
  }
}

function withoutSecrets(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([key]) => !SECRET_COLUMN.test(key)));
}
