export * from './platform.module';
export * from './schema';
export * from './privacy/anonymisation.service';
