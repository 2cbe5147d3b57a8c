import { ASSESSMENTS_ENTITIES } from '@lms/assessments';
import { ASSIGNMENTS_ENTITIES } from '@lms/assignments';
import { CATALOGUE_ENTITIES } from '@lms/catalogue';
import { CERTIFICATES_ENTITIES } from '@lms/certificates';
import { CORE_ENTITIES, SchemaDefinition } from '@lms/core';
import { IDENTITY_ENTITIES } from '@lms/identity';
import { JOB_QUEUE_SCHEMA } from '@lms/jobs';
import { NOTIFICATIONS_ENTITIES } from '@lms/notifications';
import { PERSONNEL_ENTITIES } from '@lms/personnel';
import { SEMINARS_ENTITIES } from '@lms/seminars';
import { REPORTS_ENTITIES } from '@lms/reports';
import { TRUST_ENTITIES } from '@lms/trust';
import { MIGRATIONS } from '../../../migrations';

/** Every domain's entities, the migrations that build their tables, and the job queue's own schema. */
export const SCHEMA: SchemaDefinition = {
  entities: [
    ...CORE_ENTITIES,
    ...PERSONNEL_ENTITIES,
    ...IDENTITY_ENTITIES,
    ...NOTIFICATIONS_ENTITIES,
    ...CATALOGUE_ENTITIES,
    ...ASSIGNMENTS_ENTITIES,
    ...SEMINARS_ENTITIES,
    ...ASSESSMENTS_ENTITIES,
    ...CERTIFICATES_ENTITIES,
    ...REPORTS_ENTITIES,
    ...TRUST_ENTITIES,
  ],
  migrations: MIGRATIONS,
  // The job queue's schema, created and upgraded by pg-boss right after our migrations.
  managed: [JOB_QUEUE_SCHEMA],
};
