import { ApiProperty } from '@nestjs/swagger';
import { DraftTextDto } from '@lms/catalogue';

export class WrongOptionView {
  @ApiProperty() optionId: string;
  @ApiProperty({ type: 'integer', description: 'Attempts that chose it' }) count: number;
}

export class QuestionStatView {
  @ApiProperty() questionId: string;
  @ApiProperty({ type: DraftTextDto }) text: DraftTextDto;
  @ApiProperty({ type: 'integer', description: 'Submitted attempts that drew it' }) drawn: number;
  @ApiProperty({ type: 'integer', description: 'Of those, answered right (exactly the right options)' })
  correct: number;
  @ApiProperty({ type: Number, nullable: true, description: 'correct / drawn × 100, one decimal' })
  correctPercent: number | null;
  @ApiProperty({ type: WrongOptionView, nullable: true, description: 'The wrong option chosen most often' })
  mostChosenWrong: WrongOptionView | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Share right in the top 27% of attempts by score minus the share right in the bottom 27% (−1 to 1, two decimals); null when either group did not draw it',
  })
  discrimination: number | null;
}

export class QuestionStatsView {
  @ApiProperty({ format: 'uuid' }) courseVersionId: string;
  @ApiProperty({ type: 'integer', description: 'Submitted attempts counted' }) attempts: number;
  @ApiProperty({ type: 'integer', description: 'Attempts in each of the upper and lower groups (27%)' })
  groupSize: number;
  @ApiProperty({ type: [QuestionStatView] }) questions: QuestionStatView[];
}
