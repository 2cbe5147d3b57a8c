export * from './assessments.errors';
export * from './assessments.module';
export * from './dto/assessment.response';
export * from './dto/attempt.dto';
export * from './dto/practical.dto';
export * from './entities/practical-assessment.entity';
export * from './entities/quiz-attempt.entity';
export * from './services/assessment-history.service';
export * from './services/practical-assessment.service';
export { drawQuestions, type Random } from './services/quiz-draw';
export { gradeAttempt } from './services/quiz-grading';
export { weightedPercent } from './services/rubric-scoring';
export * from './services/quiz-attempt.service';
export * from './services/question-stats.service';
export * from './dto/question-stats.response';

import { PracticalAssessmentEntity } from './entities/practical-assessment.entity';
import { QuizAttemptEntity } from './entities/quiz-attempt.entity';
export const ASSESSMENTS_ENTITIES = [QuizAttemptEntity, PracticalAssessmentEntity];
