import { Module } from '@nestjs/common';
import { AssignmentsModule } from '@lms/assignments';
import { CatalogueModule } from '@lms/catalogue';
import { PracticalAssessmentController } from './controllers/practical-assessment.controller';
import { QuizAttemptController } from './controllers/quiz-attempt.controller';
import { AssessmentHistoryService } from './services/assessment-history.service';
import { PracticalAssessmentService } from './services/practical-assessment.service';
import { QuizAttemptService } from './services/quiz-attempt.service';
import { QuestionStatsService } from './services/question-stats.service';

/**
 * Quiz attempts and practical (role-play) assessments. Owns quiz_attempt and
 * practical_assessment; reports passes to enrolments through EnrollmentService.
 */
@Module({
  imports: [AssignmentsModule, CatalogueModule],
  controllers: [QuizAttemptController, PracticalAssessmentController],
  providers: [QuizAttemptService, PracticalAssessmentService, AssessmentHistoryService, QuestionStatsService],
  exports: [QuizAttemptService, PracticalAssessmentService, AssessmentHistoryService, QuestionStatsService],
})
export class AssessmentsModule {}
