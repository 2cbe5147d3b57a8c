import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Roles } from '@lms/core';
import { JobPage, JobView, ListJobsQuery } from '../dto/job.dto';
import { JobsProblem } from '../jobs.errors';
import { JobAdminService } from '../services/job-admin.service';

@ApiTags('jobs')
@ApiProblems('Jobs', Object.values(JobsProblem))
@Controller('jobs')
export class JobController {
  constructor(private readonly jobs: JobAdminService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary: 'Background jobs by state',
    description:
      'The job queue as admins see it. `state=failed` lists the dead letters: jobs whose retries (with exponential back-off) are spent; they stay 30 days.',
  })
  @ApiOkResponse({ type: JobPage })
  list(@Query() query: ListJobsQuery): Promise<JobPage> {
    return this.jobs.list(query);
  }

  @Post(':id/retry')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Run a failed job again',
    description: 'Puts a dead-lettered job back in the queue for one more attempt. Not failed: 409.',
  })
  @ApiOkResponse({ type: JobView })
  retry(@Param('id', ParseUUIDPipe) id: string): Promise<JobView> {
    return this.jobs.retry(id);
  }
}
