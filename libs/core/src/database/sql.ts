/**
 * SQL condition restricting `pathColumn` to the given subtrees (materialised
 * path prefixes); null means no restriction. Appends its parameter to `params`.
 */
export function subtreeCondition(pathColumn: string, subtrees: string[] | null, params: unknown[]): string {
  if (subtrees === null) return 'TRUE';
  if (subtrees.length === 0) return 'FALSE';
  params.push(subtrees.map((path) => path + '%'));
  return `${pathColumn} LIKE ANY($${params.length}::text[])`;
}

/** Escapes LIKE wildcards in user text used for substring search. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => '\\' + c);
}

/**
 * `LIMIT $n OFFSET $m` for one page of a list, the numbers bound as parameters
 * (appended to `params`) rather than pasted into the SQL.
 */
export function pageClause(page: { limit: number; offset: number }, params: unknown[]): string {
  params.push(Math.trunc(page.limit), Math.trunc(page.offset));
  return `LIMIT $${params.length - 1}::int OFFSET $${params.length}::int`;
}
