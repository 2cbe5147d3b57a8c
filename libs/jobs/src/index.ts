export * from './dto/job.dto';
export * from './jobs.errors';
export * from './jobs.module';
export * from './services/job-queue';
export * from './services/job-registry';
export * from './services/job-schema';
