export * from './trust.errors';
export * from './trust.module';
export * from './dto/feedback.dto';
export * from './dto/feedback.response';
export * from './dto/complaint.dto';
export * from './dto/complaint.response';
export * from './services/complaint.service';
export { COMPLAINT_COLUMNS } from './services/complaint-csv';
export * from './dto/trust-report.dto';
export * from './services/trust-report.service';
export * from './services/trust-history.service';
export * from './services/trust-files';
export * from './dto/survey.dto';
export * from './dto/survey.response';
export * from './services/survey.service';
export * from './services/thesis-baseline';
export * from './entities/trust.entities';
export * from './services/feedback.service';
export * from './services/minimum';
export * from './services/public-code';
export type { HumanChallenge } from './services/human-check';
export { maskContacts } from './services/mask';

import {
  CitizenFeedbackEntity,
  ComplaintEntity,
  ComplaintRefresherEntity,
  FeedbackCodeEntity,
  RefresherRuleEntity,
  SurveyResponseEntity,
  TrustAddressHitEntity,
  TrustSaltEntity,
  TrustSurveyEntity,
} from './entities/trust.entities';
export const TRUST_ENTITIES = [
  FeedbackCodeEntity,
  CitizenFeedbackEntity,
  TrustSaltEntity,
  TrustAddressHitEntity,
  TrustSurveyEntity,
  SurveyResponseEntity,
  ComplaintEntity,
  RefresherRuleEntity,
  ComplaintRefresherEntity,
];
