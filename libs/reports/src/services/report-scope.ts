import { Role } from '@lms/core';

/** Roles that read reports within their subtrees (admin implied): HR, and trainers, who answer for the training. */
export const REPORT_READERS: Role[] = ['hr', 'trainer'];
/** Roles that freeze execution reports for the ministry (admin implied). */
export const REPORT_WRITERS: Role[] = ['hr'];
