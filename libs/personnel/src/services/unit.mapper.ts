import { UnitView } from '../dto/unit.response';

export interface UnitRow {
  id: string;
  code: string;
  name: string;
  parent_id: string | null;
  path: string;
  timezone: string;
  created_at: Date;
  updated_at: Date;
}

/** Depth counts from 1 at the root: "/a/" is 1, "/a/b/" is 2. */
export function depthOf(path: string): number {
  return path.split('/').length - 2;
}

export function mapUnit(row: UnitRow): UnitView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    parentId: row.parent_id,
    depth: depthOf(row.path),
    timezone: row.timezone,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
