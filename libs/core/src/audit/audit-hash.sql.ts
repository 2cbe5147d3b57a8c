/**
 * The audit chain's key as HMAC-SHA256's two padded blocks (`K ⊕ ipad`,
 * `K ⊕ opad`; RFC 2104), passed to PostgreSQL as parameters: its built-in
 * `sha256()` then computes the HMAC without pgcrypto, and the key itself is
 * never stored in the database.
 */
export interface ChainKeyPads {
  inner: Buffer;
  outer: Buffer;
}

export function chainKeyPads(key: Buffer): ChainKeyPads {
  if (key.length > 64) throw new Error('the audit chain key must be at most 64 bytes');
  const block = Buffer.alloc(64);
  key.copy(block);
  const xor = (pad: number) => Buffer.from(block.map((byte) => byte ^ pad));
  return { inner: xor(0x36), outer: xor(0x5c) };
}

/**
 * The hashed content of an audit row, as one SQL expression over the row's
 * columns (alias `e`) and the previous hash (`prev`). Written and verified by
 * the same expression, so PostgreSQL's canonical jsonb text is what is hashed.
 * With `key` (SQL expressions of the two pads, see `chainKeyPads`) it is an
 * HMAC-SHA256: whoever can write the table but lacks the key cannot forge a
 * row's hash, nor recompute the chain after a rewrite. Without it, plain
 * SHA-256 (rows written before the chain was keyed).
 */
export function auditHashSql(e: string, prev: string, key?: { inner: string; outer: string }): string {
  const content = `convert_to(concat_ws('|',
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
  ), 'UTF8')`;
  if (!key) return `encode(sha256(${content}), 'hex')`;
  return `encode(sha256(${key.outer}::bytea || sha256(${key.inner}::bytea || ${content})), 'hex')`;
}
