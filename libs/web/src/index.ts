export * from './http/web-setup';
export * from './web.module';
