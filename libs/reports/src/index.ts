import { ReportSnapshotEntity } from './entities/report-snapshot.entity';
export const REPORTS_ENTITIES = [ReportSnapshotEntity];
