/**
 * The hashed content of an audit row, as one SQL expression over the row's
 * columns (alias `e`) and the previous hash (`prev`). Written and verified by
 * the same expression, so PostgreSQL's canonical jsonb text is what is hashed.
 */
export function auditHashSql(e: string, prev: string): string {
  return `encode(sha256(convert_to(concat_ws('|',
    coalesce(${prev}, ''),
    ${e}.id::text,
    to_char(${e}.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    coalesce(${e}.actor_id::text, ''),
    coalesce(${e}.actor_name, ''),
    ${e}.action,
    ${e}.entity_type,
    coalesce(${e}.entity_id, ''),
    coalesce(${e}.unit_path, ''),
    coalesce(${e}.before::text, 'null'),
    coalesce(${e}.after::text, 'null'),
    coalesce(${e}.request_id, '')
  ), 'UTF8')), 'hex')`;
}
