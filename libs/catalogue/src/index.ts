export * from './catalogue.errors';
export * from './catalogue.module';
export * from './dto/course-version.response';
export * from './dto/course.dto';
export * from './dto/course.response';
export * from './dto/bank.dto';
export * from './dto/bank.response';
export * from './dto/programme.dto';
export * from './dto/version-content.dto';
export * from './seed/programme-seeder';
export * from './services/attachment.service';
export * from './services/course-document.service';
export { renderMarkdown } from './services/markdown';
export * from './services/course-version.service';
export * from './services/course.service';
export * from './services/drill.service';
export * from './services/lesson-files.service';
export * from './services/programme-change.hooks';
export * from './services/programme-rule.service';
export * from './services/programme.service';
export * from './services/scenario.service';
export * from './services/version-content';
export * from './services/version-diff';
export type { VersionRow } from './services/course.mapper';

import { CourseAttachmentEntity } from './entities/attachment.entity';
import { CourseVersionEntity } from './entities/course-version.entity';
import { CourseEntity, CourseGrantEntity } from './entities/course.entity';
import { DrillEntity, DrillPlanEntity } from './entities/drill.entity';
import { ProgrammeCourseEntity, ProgrammeEntity, ProgrammeGrantEntity } from './entities/programme.entity';
import { ProgrammeSeminarRuleEntity } from './entities/programme-rule.entity';
import {
  ScenarioAutoFailBehaviourEntity,
  ScenarioEntity,
  ScenarioLevelEntity,
  ScenarioTrustFactorEntity,
} from './entities/scenario.entity';
export { CourseEntity, CourseVersionEntity, DrillEntity, DrillPlanEntity, ScenarioEntity };
export { TRAINER_QUALIFICATIONS, type TrainerQualification } from './entities/programme-rule.entity';
export const CATALOGUE_ENTITIES = [
  CourseEntity,
  CourseGrantEntity,
  CourseVersionEntity,
  CourseAttachmentEntity,
  ProgrammeEntity,
  ProgrammeCourseEntity,
  ProgrammeGrantEntity,
  ProgrammeSeminarRuleEntity,
  ScenarioLevelEntity,
  ScenarioTrustFactorEntity,
  ScenarioAutoFailBehaviourEntity,
  ScenarioEntity,
  DrillEntity,
  DrillPlanEntity,
];
