import { Language, LocalizedText } from '@lms/core';
import { UnitView } from '../dto/unit.response';

export interface UnitRow {
  id: string;
  code: string;
  name: string;
  names: Partial<LocalizedText>;
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
    names: row.names ?? {},
    parentId: row.parent_id,
    depth: depthOf(row.path),
    timezone: row.timezone,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A unit's name in a language: its name there where given, else the name of record. */
export function unitNameIn(unit: { name: string; names?: Partial<LocalizedText> | null }, language: Language): string {
  return unit.names?.[language] || unit.name;
}

/** SQL of a unit's name in the language held by parameter `$n` (alias `u` by default), with the same fallback. */
export function unitNameSql(param: number, alias = 'u'): string {
  return `coalesce(nullif(${alias}.names ->> $${param}::text, ''), ${alias}.name)`;
}
