import { MigrationClass } from '@lms/core';
import { Initial1795619862350 } from './1795619862350-Initial';
import { GuardsAndSearchIndexes1795619870000 } from './1795619870000-GuardsAndSearchIndexes';
import { Catalogue1795620787644 } from './1795620787644-Catalogue';
import { Assignments1795621292572 } from './1795621292572-Assignments';
import { EnrollmentKeysForBulkSpeed1795621774317 } from './1795621774317-EnrollmentKeysForBulkSpeed';
import { Seminars1795621930726 } from './1795621930726-Seminars';
import { TotpReplayGuard1795621968840 } from './1795621968840-TotpReplayGuard';
import { CaseInsensitiveCodes1795622400000 } from './1795622400000-CaseInsensitiveCodes';
import { Assessments1795622936946 } from './1795622936946-Assessments';
import { Reports1795623015997 } from './1795623015997-Reports';
import { ReportSnapshotAppendOnly1795623016000 } from './1795623016000-ReportSnapshotAppendOnly';
import { Certificates1795623228343 } from './1795623228343-Certificates';
import { UserLanguage1795624000000 } from './1795624000000-UserLanguage';
import { NotificationsAndJobs1795981222174 } from './1795981222174-NotificationsAndJobs';
import { ActorChangeNotices1795990000000 } from './1795990000000-ActorChangeNotices';
import { ReportRenderings1795994128001 } from './1795994128001-ReportRenderings';
import { Trust1795991413858 } from './1795991413858-Trust';
import { ScenariosDrillsTrainers1795991323492 } from './1795991323492-ScenariosDrillsTrainers';
import { RecoveryCodeArgon21795995000000 } from './1795995000000-RecoveryCodeArgon2';
import { SealedTotpSecrets1796002062030 } from './1796002062030-SealedTotpSecrets';
import { RuleValidityMonths1796002325736 } from './1796002325736-RuleValidityMonths';
import { ProgrammeAuthors1796003177581 } from './1796003177581-ProgrammeAuthors';
import { EnrollmentReason1796006619737 } from './1796006619737-EnrollmentReason';
import { TrustSurveyClosed1796006619738 } from './1796006619738-TrustSurveyClosed';
import { AuditChainKeyed1796002851208 } from './1796002851208-AuditChainKeyed';
import { UnitNamesDisplayNames1796001928495 } from './1796001928495-UnitNamesDisplayNames';

/** In order of application. */
export const MIGRATIONS: MigrationClass[] = [
  Initial1795619862350,
  GuardsAndSearchIndexes1795619870000,
  Catalogue1795620787644,
  Assignments1795621292572,
  EnrollmentKeysForBulkSpeed1795621774317,
  Seminars1795621930726,
  TotpReplayGuard1795621968840,
  CaseInsensitiveCodes1795622400000,
  Assessments1795622936946,
  Reports1795623015997,
  ReportSnapshotAppendOnly1795623016000,
  Certificates1795623228343,
  UserLanguage1795624000000,
  NotificationsAndJobs1795981222174,
  ActorChangeNotices1795990000000,
  ReportRenderings1795994128001,
  Trust1795991413858,
  ScenariosDrillsTrainers1795991323492,
  RecoveryCodeArgon21795995000000,
  SealedTotpSecrets1796002062030,
  RuleValidityMonths1796002325736,
  UnitNamesDisplayNames1796001928495,
  AuditChainKeyed1796002851208,
  ProgrammeAuthors1796003177581,
  EnrollmentReason1796006619737,
  TrustSurveyClosed1796006619738,
];
