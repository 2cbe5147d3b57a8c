/** PostgreSQL error codes we translate into domain errors. */
export function pgErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = e.driverError?.code ?? e.code;
  return typeof code === 'string' ? code : undefined;
}

export function pgConstraint(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { constraint?: unknown; driverError?: { constraint?: unknown } };
  const constraint = e.driverError?.constraint ?? e.constraint;
  return typeof constraint === 'string' ? constraint : undefined;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return pgErrorCode(error) === '23505' && (constraint === undefined || pgConstraint(error) === constraint);
}

/**
 * "cached plan must not change result type": a prepared statement whose
 * tables changed shape since it was prepared (feature_not_supported, 0A000).
 */
export function isStalePreparedStatement(error: unknown): boolean {
  return pgErrorCode(error) === '0A000' && /cached plan must not change result type/.test(String(error));
}

/** Serialisation failures and deadlocks: the transaction may simply be run again. */
export function isRetryableTransactionError(error: unknown): boolean {
  const code = pgErrorCode(error);
  return code === '40001' || code === '40P01';
}

/**
 * PostgreSQL refusing a value the client sent (a NUL character, a number out
 * of range, a malformed date, a LIKE pattern ending with the escape
 * character, a string too long for an index): the request was bad, not the server.
 */
const REJECTED_VALUE_CODES = new Set([
  '22001', // string_data_right_truncation
  '22003', // numeric_value_out_of_range
  '22007', // invalid_datetime_format
  '22008', // datetime_field_overflow
  '22019', // invalid_escape_character
  '22021', // character_not_in_repertoire (a NUL byte in text)
  '22025', // invalid_escape_sequence
  '2201B', // invalid_regular_expression
  '22023', // invalid_parameter_value
  '22P02', // invalid_text_representation
  '22P05', // untranslatable_character (\u0000 in jsonb)
  '54000', // program_limit_exceeded (an index row too large)
]);

export function isRejectedValue(error: unknown): boolean {
  const code = pgErrorCode(error);
  return code !== undefined && REJECTED_VALUE_CODES.has(code);
}

/** Node's socket errors and pg's own messages when the server is gone or cannot be reached in time. */
const CONNECTION_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'timeout expired', // pg's own connect timeout
  'connection error and is not queryable',
  'Client was closed and is not queryable',
  'Query read timeout',
  'the database system is',
  'terminating connection',
  'server closed the connection',
];

/**
 * The database is unreachable, restarting, shutting down or out of
 * connections, or a transaction kept failing to serialise: a temporary state
 * the client should retry after a moment (503 with Retry-After), never a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const code = pgErrorCode(e);
    if (code) {
      // 08: connection exception; 57P01-57P03: admin/crash shutdown, cannot connect now; 53: insufficient resources.
      // (08P01, a protocol violation, is a bug of ours, not the connection.)
      if ((/^(08|53)/.test(code) && code !== '08P01') || /^57P0[1-3]$/.test(code) || isRetryableTransactionError(e))
        return true;
      if (CONNECTION_ERRNOS.has(code)) return true;
    }
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && CONNECTION_MESSAGES.some((m) => message.includes(m))) return true;
    const next = e as { driverError?: unknown; cause?: unknown; errors?: unknown[] };
    e = next.driverError ?? next.cause ?? next.errors?.[0];
  }
  return false;
}
