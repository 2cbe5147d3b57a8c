import { ASSESSMENTS_ENTITIES } from '@lms/assessments';
import { ASSIGNMENTS_ENTITIES } from '@lms/assignments';
import { CATALOGUE_ENTITIES } from '@lms/catalogue';
import { CERTIFICATES_ENTITIES } from '@lms/certificates';
import { CORE_ENTITIES, SchemaDefinition } from '@lms/core';
import { IDENTITY_ENTITIES } from '@lms/identity';
import { PERSONNEL_ENTITIES } from '@lms/personnel';
import { SEMINARS_ENTITIES } from '@lms/seminars';
import { REPORTS_ENTITIES } from '@lms/reports';
import { MIGRATIONS } from '../../../migrations';

/** Every domain's entities and the migrations that build their tables: what a DataSource needs. */
export const SCHEMA: SchemaDefinition = {
  entities: [
    ...CORE_ENTITIES,
    ...PERSONNEL_ENTITIES,
    ...IDENTITY_ENTITIES,
    ...CATALOGUE_ENTITIES,
    ...ASSIGNMENTS_ENTITIES,
    ...SEMINARS_ENTITIES,
    ...ASSESSMENTS_ENTITIES,
    ...CERTIFICATES_ENTITIES,
    ...REPORTS_ENTITIES,
  ],
  migrations: MIGRATIONS,
};
