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
