export * from './catalogue.errors';
export * from './catalogue.module';
export * from './dto/course-version.response';
export * from './dto/course.dto';
export * from './dto/course.response';
export * from './dto/programme.dto';
export * from './dto/version-content.dto';
export * from './seed/programme-seeder';
export * from './services/attachment.service';
export * from './services/course-document.service';
export { renderMarkdown } from './services/markdown';
export * from './services/course-version.service';
export * from './services/course.service';
export * from './services/programme.service';
export * from './services/version-content';
export * from './services/version-diff';
export type { VersionRow } from './services/course.mapper';

import { CourseAttachmentEntity } from './entities/attachment.entity';
import { CourseVersionEntity } from './entities/course-version.entity';
import { CourseEntity, CourseGrantEntity } from './entities/course.entity';
import { ProgrammeCourseEntity, ProgrammeEntity } from './entities/programme.entity';
export { CourseEntity, CourseVersionEntity };
export const CATALOGUE_ENTITIES = [
  CourseEntity,
  CourseGrantEntity,
  CourseVersionEntity,
  CourseAttachmentEntity,
  ProgrammeEntity,
  ProgrammeCourseEntity,
];
