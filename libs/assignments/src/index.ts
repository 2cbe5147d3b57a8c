export * from './assignments.errors';
export * from './assignments.module';
export * from './dto/enrollment.dto';
export * from './dto/order.dto';
export * from './dto/rule.dto';
export * from './entities/enrollment.entity';
export * from './services/completion';
export * from './services/enrollment-history.service';
export * from './services/enrollment-hooks';
export * from './services/enrollment.service';
export type { EnrollmentRow, EnrollmentView } from './services/enrollment.mapper';
export * from './services/materializer.service';
export * from './services/order.service';
export * from './services/rule.service';

import { AssignmentRuleEntity } from './entities/assignment-rule.entity';
import { EnrollmentEntity } from './entities/enrollment.entity';
import { MinistryOrderEntity } from './entities/ministry-order.entity';
export const ASSIGNMENTS_ENTITIES = [MinistryOrderEntity, AssignmentRuleEntity, EnrollmentEntity];
