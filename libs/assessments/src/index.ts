export * from './assessments.errors';
export * from './assessments.module';
export * from './dto/assessment.response';
export * from './dto/attempt.dto';
export * from './dto/practical.dto';
export * from './entities/practical-assessment.entity';
export * from './entities/quiz-attempt.entity';
export * from './services/practical-assessment.service';
export * from './services/quiz-attempt.service';

import { PracticalAssessmentEntity } from './entities/practical-assessment.entity';
import { QuizAttemptEntity } from './entities/quiz-attempt.entity';
export const ASSESSMENTS_ENTITIES = [QuizAttemptEntity, PracticalAssessmentEntity];
