export * from './platform.module';
export * from './schema';
