import { Module } from '@nestjs/common';
import { IdentityModule } from '@lms/identity';
import { AttachmentController } from './controllers/attachment.controller';
import { BankController } from './controllers/bank.controller';
import { CourseVersionController } from './controllers/course-version.controller';
import { CourseController } from './controllers/course.controller';
import { ProgrammeController } from './controllers/programme.controller';
import { BankSeeder } from './seed/bank-seeder';
import { ProgrammeSeeder } from './seed/programme-seeder';
import { AttachmentService } from './services/attachment.service';
import { CourseDocumentService } from './services/course-document.service';
import { CourseVersionService } from './services/course-version.service';
import { CourseService } from './services/course.service';
import { DrillService } from './services/drill.service';
import { LessonFileService } from './services/lesson-files.service';
import { ProgrammeChangeHooks } from './services/programme-change.hooks';
import { ProgrammeRuleService } from './services/programme-rule.service';
import { ProgrammeService } from './services/programme.service';
import { ScenarioService } from './services/scenario.service';

/**
 * Courses, their versions (drafts and frozen published content), lesson
 * files and programmes. Owns course, course_grant, course_version,
 * course_attachment, programme and programme_course; the scenario bank
 * (scenario and its lists), the drills and drill plans, and programmes'
 * seminar rules (programme_seminar_rule).
 */
@Module({
  imports: [IdentityModule],
  controllers: [CourseController, CourseVersionController, ProgrammeController, AttachmentController, BankController],
  providers: [
    CourseService,
    CourseVersionService,
    CourseDocumentService,
    AttachmentService,
    LessonFileService,
    ProgrammeService,
    ProgrammeSeeder,
    BankSeeder,
    ScenarioService,
    DrillService,
    ProgrammeRuleService,
    ProgrammeChangeHooks,
  ],
  exports: [
    CourseService,
    CourseVersionService,
    CourseDocumentService,
    ProgrammeService,
    ProgrammeSeeder,
    AttachmentService,
    LessonFileService,
    ScenarioService,
    DrillService,
    ProgrammeRuleService,
    ProgrammeChangeHooks,
  ],
})
export class CatalogueModule {}
