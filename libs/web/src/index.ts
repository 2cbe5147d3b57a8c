export * from './http/web-setup';
export * from './web.module';
export { WEB_CONTROLLER_KEY } from './http/page.decorators';
export { EnrolmentVersions } from './officer/enrolment-versions';
