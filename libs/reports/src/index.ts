export * from './dto/report-query.dto';
export * from './reports.errors';
export * from './reports.module';
export { complianceTable } from './render/compliance-table';
export { sendTable } from './render/send-report';
export type { Cell, ReportTable, TableColumn } from './render/report-table';
export * from './services/canonical-json';
export * from './services/compliance.model';
export * from './services/compliance.service';
export * from './services/compliance-trend.service';
export * from './services/execution-report.service';
export * from './services/officer-outcomes.service';
export * from './services/officer-outcomes.sql';
export * from './services/officer-record.service';

import { ComplianceTrendEntity } from './entities/compliance-trend.entity';
import { ReportRenderingEntity } from './entities/report-rendering.entity';
import { ReportSnapshotEntity } from './entities/report-snapshot.entity';
export const REPORTS_ENTITIES = [ReportSnapshotEntity, ReportRenderingEntity, ComplianceTrendEntity];
