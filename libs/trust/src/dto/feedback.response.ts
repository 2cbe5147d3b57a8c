import { ApiProperty } from '@nestjs/swagger';

export class FeedbackCodeView {
  @ApiProperty({ format: 'uuid' }) officerId: string;
  @ApiProperty({ example: '7K2M9Q4TXW', description: '10 characters, Crockford base32' }) code: string;
  @ApiProperty({ example: 'https://lms.example.kz/f/7K2M9Q4TXW', description: 'The public page its QR code opens' })
  url: string;
}

export class PublicOfficerView {
  @ApiProperty() fullName: string;
  @ApiProperty() rank: string;
  @ApiProperty() unitName: string;
}

export class HumanChallengeView {
  @ApiProperty({ example: 'What is 3 + 4?' }) question: string;
  @ApiProperty({
    description: 'Send back as `challenge` with the `answer`; answer no sooner than 2 s and within 2 hours',
  })
  token: string;
}

export class FeedbackFormView {
  @ApiProperty() code: string;
  @ApiProperty({ type: PublicOfficerView }) officer: PublicOfficerView;
  @ApiProperty({ type: HumanChallengeView }) challenge: HumanChallengeView;
}

export class FeedbackAccepted {
  @ApiProperty({
    description: 'Always true: a repeat from the same address on the same day is accepted but counted once',
  })
  accepted: boolean;
}

export class FeedbackCommentView {
  @ApiProperty() submittedAt: Date;
  @ApiProperty({ description: 'Masked' }) comment: string;
  @ApiProperty({ enum: [-1, 0, 1] }) trustChange: number;
}

/** Averages and shares are null below 5 responses: no figure that could point at one citizen or mislead. */
export class FeedbackSummaryView {
  @ApiProperty({ format: 'uuid' }) officerId: string;
  @ApiProperty() responses: number;
  @ApiProperty({ type: Number, nullable: true }) courtesy: number | null;
  @ApiProperty({ type: Number, nullable: true }) clarity: number | null;
  @ApiProperty({ type: Number, nullable: true }) fairness: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Share (%) whose trust was raised' }) trustRaised:
    number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Share (%) whose trust was lowered' }) trustLowered:
    number | null;
  @ApiProperty({ description: 'The smallest number of responses a figure is shown for' }) minimumResponses: number;
  @ApiProperty({ type: [FeedbackCommentView], description: 'Latest 20, only when 5 or more responses' })
  comments: FeedbackCommentView[];
}
