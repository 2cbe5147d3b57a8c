import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { Page, PageOf, PageQuery } from '@lms/core';

export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export class ListJobsQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: JOB_STATES,
    description: '`failed`: dead-lettered, retries spent; `retry`: waiting for its next attempt',
  })
  @IsOptional()
  @IsIn(JOB_STATES)
  state?: JobState;

  @ApiPropertyOptional({ example: 'notifications.email', description: 'Only jobs of this kind' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9.-]{1,100}$/)
  name?: string;
}

export class JobView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'notifications.email' }) name: string;
  @ApiProperty({ enum: JOB_STATES }) state: JobState;
  @ApiProperty({ description: 'What the job works on (ids only)', type: 'object', additionalProperties: true })
  data: Record<string, unknown>;
  @ApiProperty({ type: 'integer', description: 'Retries done so far' }) retryCount: number;
  @ApiProperty({ type: 'integer', description: 'Retries allowed before it is dead-lettered' }) retryLimit: number;
  @ApiProperty({ type: String, nullable: true, description: 'The last error, for failed and retrying jobs' })
  error: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: 'Not before this moment (the back-off of a retry)' }) startAfter: string;
  @ApiProperty({ type: String, nullable: true }) startedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) completedAt: string | null;
}

export const JobPage = PageOf(JobView);
export type JobPage = Page<JobView>;
