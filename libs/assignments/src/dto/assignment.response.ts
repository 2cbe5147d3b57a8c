import { ApiProperty } from '@nestjs/swagger';
import { SERVICE_TYPES } from '@lms/personnel';
import { AudienceDto } from './order.dto';

export class OrderView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '№ 345' }) number: string;
  @ApiProperty({ format: 'date', example: '2026-09-01' }) date: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) issuingAuthority: string | null;
  @ApiProperty({ format: 'uuid', description: 'The subtree the order applies to' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty({ type: [String], description: 'Courses it requires' }) courseIds: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Or the whole programme' })
  programmeId: string | null;
  @ApiProperty({ type: AudienceDto, nullable: true }) audience: AudienceDto | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) deadline: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Repeats every N months' })
  periodicityMonths: number | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

/** Who a rule enrols: every list is filled, empty meaning "any". */
export class RuleAudienceView {
  @ApiProperty({ type: [String], description: 'Units, each with its whole subtree' }) unitIds: string[];
  @ApiProperty({ enum: SERVICE_TYPES, enumName: 'ServiceType', isArray: true }) serviceTypes: string[];
  @ApiProperty({ type: [String] }) ranks: string[];
  @ApiProperty({ type: [String] }) positions: string[];
}

export class RuleView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: [String], description: 'The course, or the programme’s courses' }) courseIds: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The one course of a course rule' })
  courseId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) programmeId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) orderId: string | null;
  @ApiProperty({ type: RuleAudienceView }) audience: RuleAudienceView;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) dueInDays: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Recertify every N months' })
  recurrenceMonths: number | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Months a completion stays valid under this rule, instead of the course version’s validityMonths',
  })
  validityMonths: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdBy: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true, description: 'Retired rules enrol no one new' }) retiredAt: Date | null;
  @ApiProperty({ type: 'integer', description: 'Enrolments it has made' }) enrolled: number;
}

export class RuleEnrolment {
  @ApiProperty({ format: 'uuid', description: 'The rule' }) id: string;
  @ApiProperty({ type: 'integer', description: 'Officers enrolled by this call' }) enrolled: number;
}

export class ManualAssignmentResult {
  @ApiProperty({ type: 'integer' }) enrolled: number;
  @ApiProperty({ type: 'integer', description: 'Already enrolled, covered, or dismissed' }) skipped: number;
}
