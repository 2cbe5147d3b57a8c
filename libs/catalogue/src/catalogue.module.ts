import { Module } from '@nestjs/common';
import { IdentityModule } from '@lms/identity';
import { AttachmentController } from './controllers/attachment.controller';
import { CourseVersionController } from './controllers/course-version.controller';
import { CourseController } from './controllers/course.controller';
import { ProgrammeController } from './controllers/programme.controller';
import { ProgrammeSeeder } from './seed/programme-seeder';
import { AttachmentService } from './services/attachment.service';
import { CourseDocumentService } from './services/course-document.service';
import { CourseVersionService } from './services/course-version.service';
import { CourseService } from './services/course.service';
import { ProgrammeService } from './services/programme.service';

/**
 * Courses, their versions (drafts and frozen published content), lesson
 * files and programmes. Owns course, course_grant, course_version,
 * course_attachment, programme and programme_course.
 */
@Module({
  imports: [IdentityModule],
  controllers: [CourseController, CourseVersionController, ProgrammeController, AttachmentController],
  providers: [
    CourseService,
    CourseVersionService,
    CourseDocumentService,
    AttachmentService,
    ProgrammeService,
    ProgrammeSeeder,
  ],
  exports: [
    CourseService,
    CourseVersionService,
    CourseDocumentService,
    ProgrammeService,
    ProgrammeSeeder,
    AttachmentService,
  ],
})
export class CatalogueModule {}
