import { OfficerView } from '../dto/officer.response';
import { OfficerLanguage, OfficerStatus, ServiceType } from '../entities/officer.entity';

export interface OfficerRow {
  id: string;
  personnel_number: string;
  full_name: string;
  rank: string;
  position: string;
  service_type: ServiceType;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  /** The unit's time zone (pages show the officer's dates in it). */
  unit_timezone: string;
  status: OfficerStatus;
  language: OfficerLanguage;
  created_at: Date;
  updated_at: Date;
}

/** Officer joined with its unit; `unit_path` is for scope checks, never shown. */
export const OFFICER_SELECT = `SELECT o.*, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path,
  u.timezone AS unit_timezone FROM officer o JOIN unit u ON u.id = o.unit_id`;

export function mapOfficer(row: OfficerRow): OfficerView {
  return {
    id: row.id,
    personnelNumber: row.personnel_number,
    fullName: row.full_name,
    rank: row.rank,
    position: row.position,
    serviceType: row.service_type,
    unitId: row.unit_id,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    status: row.status,
    language: row.language,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
