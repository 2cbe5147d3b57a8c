import { ApiProperty } from '@nestjs/swagger';
import { LocalizedTitleDto } from '@lms/core';
import { TRAINER_QUALIFICATIONS, type TrainerQualification } from '../entities/programme-rule.entity';

export class TrustFactorView {
  @ApiProperty({ example: 'keeping-promises' }) code: string;
  @ApiProperty({ enum: ['builds', 'destroys'] }) effect: 'builds' | 'destroys';
  @ApiProperty({ type: LocalizedTitleDto }) title: LocalizedTitleDto;
}

export class AutoFailBehaviourView {
  @ApiProperty({ example: 'bribe-accepted' }) code: string;
  @ApiProperty({ type: LocalizedTitleDto }) title: LocalizedTitleDto;
}

export class ScenarioDescriptorView {
  @ApiProperty({ format: 'uuid', description: 'A criterion of the course’s rubric' }) criterionId: string;
  @ApiProperty({ example: 'meets', description: 'The score band' }) level: string;
  @ApiProperty({ type: 'integer' }) minScore: number;
  @ApiProperty({ type: 'integer' }) maxScore: number;
  @ApiProperty({ type: LocalizedTitleDto }) levelTitle: LocalizedTitleDto;
  @ApiProperty({ type: LocalizedTitleDto, description: 'What that band looks like in this scenario' })
  text: LocalizedTitleDto;
}

/** A role-play scenario (one revision) with its briefs, the trust factors it tests and its rubric descriptors. */
export class ScenarioView {
  @ApiProperty({ format: 'uuid', description: 'This revision' }) id: string;
  @ApiProperty({ example: 'ETH-01-BRIBE-OFFER' }) code: string;
  @ApiProperty({ type: 'integer' }) revision: number;
  @ApiProperty({ description: 'False once a newer revision replaced it or it left the bank' }) current: boolean;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty() courseCode: string;
  @ApiProperty({ type: LocalizedTitleDto }) title: LocalizedTitleDto;
  @ApiProperty({ type: 'integer' }) durationMinutes: number;
  @ApiProperty({ type: LocalizedTitleDto, description: 'Read out to both players' }) setting: LocalizedTitleDto;
  @ApiProperty({ type: LocalizedTitleDto, description: 'For the actor playing the citizen only' })
  citizenBrief: LocalizedTitleDto;
  @ApiProperty({ type: LocalizedTitleDto, description: 'For the officer assessed' }) officerBrief: LocalizedTitleDto;
  @ApiProperty({ type: [TrustFactorView] }) trustFactors: TrustFactorView[];
  @ApiProperty({ type: [AutoFailBehaviourView], description: 'Any one of these fails the role-play' })
  autoFail: AutoFailBehaviourView[];
  @ApiProperty({ type: [ScenarioDescriptorView], description: 'Per rubric criterion (in rubric order) and band' })
  descriptors: ScenarioDescriptorView[];
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) retiredAt: Date | null;
}

export class DrillLessonView {
  @ApiProperty() courseCode: string;
  @ApiProperty({ type: 'integer', description: 'The lesson’s position in the course, from 1' }) lesson: number;
}

/** A short drill (one revision) for the weekly service training of a unit. */
export class DrillView {
  @ApiProperty({ format: 'uuid', description: 'This revision' }) id: string;
  @ApiProperty({ example: 'DRILL-01-OPENING' }) code: string;
  @ApiProperty({ type: 'integer' }) revision: number;
  @ApiProperty() current: boolean;
  @ApiProperty({ type: LocalizedTitleDto }) title: LocalizedTitleDto;
  @ApiProperty({ type: 'integer', description: '10–15' }) durationMinutes: number;
  @ApiProperty({ type: LocalizedTitleDto }) situation: LocalizedTitleDto;
  @ApiProperty({ type: [LocalizedTitleDto] }) discussionPoints: LocalizedTitleDto[];
  @ApiProperty({ type: [LocalizedTitleDto] }) rightConduct: LocalizedTitleDto[];
  @ApiProperty({ type: [DrillLessonView], description: 'The lessons it practises' }) lessons: DrillLessonView[];
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) retiredAt: Date | null;
}

export class DrillPlanWeekView {
  @ApiProperty({ type: 'integer' }) week: number;
  @ApiProperty({ type: DrillView, description: 'The drill’s current revision' }) drill: DrillView;
}

/** A plan of one drill a week that HR assigns to units. */
export class DrillPlanView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'MVD-DRILLS-Q1' }) code: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) programmeId: string | null;
  @ApiProperty({ type: LocalizedTitleDto }) title: LocalizedTitleDto;
  @ApiProperty({ type: LocalizedTitleDto, nullable: true }) description: LocalizedTitleDto | null;
  @ApiProperty({ type: [DrillPlanWeekView], description: 'Weeks 1..N in order' }) weeks: DrillPlanWeekView[];
}

/** Who may run a programme’s seminars. */
export class ProgrammeSeminarRuleView {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({
    enum: TRAINER_QUALIFICATIONS,
    isArray: true,
    description:
      'A trainer needs at least one of these to be scheduled for the programme’s seminars; empty: anyone with the trainer role',
  })
  trainerQualifications: TrainerQualification[];
}
